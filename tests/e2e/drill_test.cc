// The outage drill (the 2009 failure, replayed with real processes): swivel-syncd and three
// headless handsets on two accounts save, sync and back up; the service goes silent while
// the radios stay up and the owners keep editing; the server's database and its latest
// backup are deleted; every handset loses power (one mid-sync, one mid-save, one run flat);
// the server comes back empty (or from a stale backup) and the handsets power on. Then the
// drill's own ledger of every save that returned success is checked against every handset
// and the server. A handset in the cache-only policy (what the 2009 handsets did) shows the
// checks see loss.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include "emulator/text_util.h"
#include "os/pim/sha256.h"
#include "tests/e2e/child_process.h"
#include "tests/e2e/ledger.h"
#include "tests/e2e/server_audit.h"

namespace swivel::e2e {
namespace {

namespace fs = std::filesystem;

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) (out += kDigits[c >> 4]) += kDigits[c & 15];
  return out;
}

const char* const kKinds[] = {"contact", "event", "task", "note", "photo"};

// A port free now on loopback, kept for every start of the server so the handsets, which
// were told its address once, find it again.
int FreePort() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &n);
  ::close(s);
  return ntohs(a.sin_port);
}

struct Answer {
  bool ok = false;
  std::vector<std::string> lines;
  std::string error;
};

// One headless swivel-emu, driven through its standard input.
class Phone {
 public:
  Phone(std::string its_name, std::string its_account, const fs::path& dir, const std::string& address, int seed,
        bool cache_only)
      : name(std::move(its_name)), account(std::move(its_account)),
        child_(Args(dir / (name + ".img"), address, seed, cache_only), dir / (name + ".log")) {
    const auto ready = child_.ReadLine();
    if (!ready || ready->rfind("swivel-emu: ready", 0) != 0)
      throw std::runtime_error(this->name + " did not start: " + child_.Log());
  }

  Answer Do(const std::string& command) {
    child_.WriteLine(command);
    Answer a;
    while (auto line = child_.ReadLine()) {
      if (*line == "ok") return a.ok = true, a;
      if (line->rfind("error: ", 0) == 0) return a.error = line->substr(7), a;
      a.lines.push_back(*line);
    }
    a.error = "no answer to '" + command + "'; its log:\n" + child_.Log();
    return a;
  }
  // Runs `command`, which must succeed; its output.
  std::vector<std::string> Must(const std::string& command) {
    Answer a = Do(command);
    EXPECT_TRUE(a.ok) << name << ": " << command << ": " << a.error;
    return a.lines;
  }
  std::string SyncStatus() {
    const auto lines = Must("sync now");
    return lines.empty() ? "" : lines.back();
  }
  Holding Records() {
    Holding held;
    for (const auto& line : Must("records")) {
      std::string_view rest, tail;
      if (emulator::Word(line, &rest) != "record") continue;
      HeldRecord r;
      r.kind = std::string(emulator::Word(rest, &rest));
      const std::string id(emulator::Word(rest, &rest));
      emulator::Word(rest, &rest);  // "revision"
      emulator::Word(rest, &rest);  // N
      r.deleted = emulator::Word(rest, &rest) == "deleted";
      std::string error;
      if (!emulator::Quoted(rest, &r.text, &error, &tail)) ADD_FAILURE() << name << ": " << line << ": " << error;
      while (!tail.empty()) {
        const std::string_view what = emulator::Word(tail, &rest);
        const std::string value(emulator::Word(rest, &tail));
        if (what == "conflict-of") r.conflict_of = value;
        if (what == "bytes" && value.size() == 64) r.photo_sha256 = value;  // not "missing"
      }
      held[id] = r;
    }
    return held;
  }

  const std::string name, account;

 private:
  static std::vector<std::string> Args(const fs::path& flash, const std::string& address, int seed, bool cache_only) {
    std::vector<std::string> args = {SWIVEL_EMU_BIN, "--headless", "--flash", flash.string(), "--syncd", address,
                                     "--seed", std::to_string(seed)};
    if (cache_only) args.insert(args.end(), {"--sync-policy", "cache-only"});
    return args;
  }
  ChildProcess child_;
};

struct DrillOptions {
  bool stale_backup = false;  // the server comes back from the backup taken early, not empty
  bool cache_only = false;    // the handsets behave as in 2009
};

class Drill {
 public:
  explicit Drill(DrillOptions o) : o_(o), address_("127.0.0.1:" + std::to_string(FreePort())) {
    dir_ = fs::temp_directory_path() / ("swivel-drill-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(o.stale_backup) + std::to_string(o.cache_only));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Drill() {
    phones_.clear();
    if (syncd_) syncd_->Terminate();
    if (!::testing::Test::HasFailure()) fs::remove_all(dir_);
    else std::cout << "drill: kept " << dir_ << " (logs of every process)\n";
  }

  // The whole drill; what the checks found.
  Findings Run() {
    StartServer();
    phones_.push_back(std::make_unique<Phone>("h1", "anna", dir_, address_, 11, o_.cache_only));
    phones_.push_back(std::make_unique<Phone>("h2", "anna", dir_, address_, 12, o_.cache_only));
    phones_.push_back(std::make_unique<Phone>("h3", "bob", dir_, address_, 13, o_.cache_only));
    for (auto& p : phones_) p->Must("sign in " + p->account + " \"" + Password(p->account) + "\" create");
    for (auto& p : phones_) SaveEach(*p, 8, "first");
    SyncAll(2);

    // A backup, then edits it does not hold: a restore from it must not roll them back.
    Syncd({"backup", (dir_ / "backup").string(), "--data", (dir_ / "data").string()});
    for (auto& p : phones_) {
      EditSome(*p, 2, "after-backup");
      SaveEach(*p, 1, "after-backup");
    }
    SyncAll(2);
    // A pull with the server up, its answer on the way down: committed, answer lost.
    Save(*phones_[0], "note", "answer-lost");
    phones_[0]->Must("sync start");
    phones_[0]->Must("wait 100");
    phones_[0]->Must("battery pull");
    PowerOn(*phones_[0]);

    // The outage: the service is gone, the radios stay up, the owners keep working.
    syncd_->Kill();
    syncd_.reset();
    for (auto& p : phones_) {
      EditSome(*p, 2, "offline");
      SaveEach(*p, 1, "offline");
      DeleteOne(*p);
      EXPECT_EQ(p->SyncStatus().rfind("sync: offline", 0), 0u) << p->name;
    }
    // The database and its latest backup are lost (the stale run keeps the one backup).
    fs::remove_all(dir_ / "data");
    if (!o_.stale_backup) fs::remove_all(dir_ / "backup");

    // Every handset loses power: mid-sync, mid-save, run flat.
    phones_[0]->Must("sync start");
    phones_[0]->Must("battery pull");
    phones_[1]->Must("flash cut 1");
    const Answer torn = phones_[1]->Do("save note \"torn save\"");  // no success: not in the ledger
    EXPECT_FALSE(torn.ok) << "the cut write belonged to the save";
    phones_[2]->Must("battery level 0");

    if (o_.stale_backup)
      Syncd({"restore", (dir_ / "backup").string(), "--data", (dir_ / "data").string()});
    StartServer();
    PowerOn(*phones_[0]);
    PowerOn(*phones_[1]);
    phones_[2]->Must("battery charger on");
    PowerOn(*phones_[2]);
    for (auto& p : phones_) {
      const std::string status = p->SyncStatus();
      if (status.rfind("sync: sign in again", 0) == 0)  // the server lost its accounts too
        p->Must("sign in " + p->account + " \"" + Password(p->account) + "\" create");
      else
        EXPECT_EQ(status, "sync: synced") << p->name;
    }
    SyncAll(2);

    Findings f;
    for (auto& p : phones_) ledger_.Compare(p->account, p->Records(), p->name, &f);
    for (const std::string account : {"anna", "bob"}) {
      Holding held;
      std::string error;
      EXPECT_TRUE(ReadAccount(address_, account, Password(account), &held, &error)) << error;
      ledger_.Compare(account, held, "server/" + account, &f);
    }
    // A wiped handset signed in again gets everything back.
    Phone fresh("h4", "anna", dir_, address_, 14, o_.cache_only);
    fresh.Must("sign in anna \"" + Password("anna") + "\"");
    fresh.SyncStatus();
    ledger_.Compare("anna", fresh.Records(), "h4 (wiped, signed in again)", &f);
    return f;
  }

  size_t ledger_size() const { return ledger_.entries().size(); }
  // Comparisons the checks must make: each of anna's records on h1, h2, h4 and the server;
  // each of bob's on h3 and the server.
  size_t expected_checks() const { return ledger_.CountFor("anna") * 4 + ledger_.CountFor("bob") * 2; }

 private:
  static std::string Password(const std::string& account) { return account + " correct horse"; }

  void StartServer() {
    syncd_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{SWIVEL_SYNCD_BIN, "--data", (dir_ / "data").string(), "--listen", address_},
        dir_ / "syncd.log");
    const auto ready = syncd_->ReadLine();
    ASSERT_TRUE(ready && ready->rfind("swivel-syncd: listening on " + address_, 0) == 0) << syncd_->Log();
  }
  void Syncd(std::vector<std::string> args) {
    args.insert(args.begin(), SWIVEL_SYNCD_BIN);
    ChildProcess tool(args, dir_ / "syncd-tool.log");
    EXPECT_EQ(tool.Join(), 0) << args[1] << ": " << tool.Log();
  }

  // Power on, and the owner looks at the handset for a few seconds before using it.
  static void PowerOn(Phone& p) {
    p.Must("power on");
    p.Must("wait 5000");
  }

  void Save(Phone& p, const std::string& kind, const std::string& text) {
    std::string sha256, command = "save " + kind + " \"" + text + "\"";
    if (kind == "photo") {
      // Bytes of their own for every photo, 40-200 KB, made here and kept only as a hash.
      std::string bytes(size_t(40000 + (made_ * 7919) % 160000), '\0');
      for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = char((i * 31 + size_t(made_) * 17) % 256);
      const fs::path file = dir_ / ("photo-" + std::to_string(made_) + ".jpg");
      std::ofstream(file, std::ios::binary) << bytes;
      sha256 = Hex(os::pim::Sha256Of(bytes));
      command = "save photo " + file.string() + " \"" + text + "\"";
    }
    const auto lines = p.Must(command);
    ASSERT_EQ(lines.size(), 1u);
    ledger_.Saved(p.account, kind, lines[0].substr(("saved " + kind + " ").size(), 32), text, sha256);
  }
  void SaveEach(Phone& p, int n, const std::string& tag) {
    for (const char* kind : kKinds)
      for (int i = 0; i < n; ++i)
        Save(p, kind, p.name + " " + kind + " " + tag + " " + std::to_string(++made_));
  }
  // Edits `n` live records this handset made. (Only its own: two handsets editing one
  // record offline make a conflict copy, which this ledger does not model.)
  void EditSome(Phone& p, int n, const std::string& tag) {
    for (const auto& [id, e] : ledger_.entries()) {
      if (n == 0) break;
      if (e.account != p.account || e.deleted || e.text.rfind(p.name + " ", 0) != 0 || edited_.count(id + tag) ||
          e.kind == "photo")  // a photo's edits are new bytes: the drill adds photos instead
        continue;
      const std::string text = e.text + " / " + p.name + " " + tag;
      const std::string kind = e.kind;
      const auto lines = p.Must("save " + kind + " " + id + " \"" + text + "\"");
      if (lines.size() == 1) ledger_.Saved(p.account, kind, id, text);
      edited_.insert(id + tag);
      --n;
    }
  }
  void DeleteOne(Phone& p) {
    for (const auto& [id, e] : ledger_.entries()) {
      if (e.account != p.account || e.deleted || e.text.rfind(p.name + " ", 0) != 0) continue;
      const std::string kind = e.kind;
      if (p.Do("delete " + kind + " " + id).ok) ledger_.Deleted(id);
      return;
    }
  }
  void SyncAll(int passes) {
    for (int i = 0; i < passes; ++i)
      for (auto& p : phones_) EXPECT_EQ(p->SyncStatus(), "sync: synced") << p->name;
  }

  DrillOptions o_;
  std::string address_;
  fs::path dir_;
  std::unique_ptr<ChildProcess> syncd_;
  std::vector<std::unique_ptr<Phone>> phones_;
  Ledger ledger_;
  std::set<std::string> edited_;
  int made_ = 0;
};

void Print(const std::string& run, const Findings& f, size_t ledger) {
  std::cout << "drill (" << run << "): " << ledger << " records in the ledger, " << f.checked
            << " checked across handsets and the server, " << f.lost << " lost, " << f.problems.size()
            << " problems\n";
  for (const auto& p : f.problems) std::cout << "  " << p << "\n";
}

TEST(Drill, TheServerComesBackEmptyAndNothingSavedIsLost) {
  Drill drill({});
  const Findings f = drill.Run();
  Print("empty server", f, drill.ledger_size());
  EXPECT_EQ(f.checked, drill.expected_checks());
  EXPECT_EQ(f.lost, 0u);
  EXPECT_TRUE(f.problems.empty());
}

TEST(Drill, TheServerComesBackFromAStaleBackupAndNoLaterEditIsRolledBack) {
  Drill drill({.stale_backup = true});
  const Findings f = drill.Run();
  Print("stale backup", f, drill.ledger_size());
  EXPECT_EQ(f.checked, drill.expected_checks());
  EXPECT_EQ(f.lost, 0u);
  EXPECT_TRUE(f.problems.empty());
}

// The oracle sees loss: handsets that empty themselves after a power loss and reload from
// the server (the 2009 behaviour) lose what only they held.
TEST(Drill, CacheOnlyHandsetsLoseRecordsAndTheDrillCountsThem) {
  Drill drill({.cache_only = true});
  const Findings f = drill.Run();
  Print("cache-only handsets", f, drill.ledger_size());
  EXPECT_EQ(f.checked, drill.expected_checks());
  EXPECT_GT(f.lost, 0u);
  EXPECT_GE(f.problems.size(), f.lost);
}

}  // namespace
}  // namespace swivel::e2e
