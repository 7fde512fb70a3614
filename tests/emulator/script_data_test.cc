// The script commands that reach the handset's data: parsing, and running them on a handset
// whose radio reaches swivel-syncd's logic in process.
#include <gtest/gtest.h>

#include "emulator/player.h"
#include "os/pim/sha256.h"

#include <fstream>
#include "server/radio_gateway.h"
#include "tests/server/server_test_util.h"

namespace swivel::emulator {
namespace {

TEST(ScriptData, EveryDataCommandParses) {
  const auto r = ParseScript(R"(sync now
sync start
sign in anna "correct \"horse\"" create
sign in bo "pw"
save note "a\nb"
save contact 0123456789abcdef0123456789abcdef "Ana"
delete task 0123456789abcdef0123456789abcdef
records
flash cut 3
save photo 0123456789abcdef0123456789abcdef pics/a.jpg "Sea"
)", "d.swv");
  ASSERT_TRUE(r.ok()) << r.error;
  const auto& l = r.script.lines;
  ASSERT_EQ(l.size(), 10u);
  EXPECT_TRUE(std::get<SyncRun>(l[0].command).wait);
  EXPECT_FALSE(std::get<SyncRun>(l[1].command).wait);
  EXPECT_EQ(std::get<SignInAs>(l[2].command), (SignInAs{"anna", "correct \"horse\"", true}));
  EXPECT_EQ(std::get<SignInAs>(l[3].command), (SignInAs{"bo", "pw", false}));
  EXPECT_EQ(std::get<SaveRecord>(l[4].command), (SaveRecord{RecordKind::kNote, "", "a\nb", ""}));
  EXPECT_EQ(std::get<SaveRecord>(l[5].command),
            (SaveRecord{RecordKind::kContact, "0123456789abcdef0123456789abcdef", "Ana", ""}));
  EXPECT_EQ(std::get<DeleteRecord>(l[6].command), (DeleteRecord{RecordKind::kTask, "0123456789abcdef0123456789abcdef"}));
  EXPECT_TRUE(std::holds_alternative<ListRecords>(l[7].command));
  EXPECT_EQ(std::get<FlashCut>(l[8].command).writes, 3u);
  EXPECT_EQ(std::get<SaveRecord>(l[9].command),
            (SaveRecord{RecordKind::kPhoto, "0123456789abcdef0123456789abcdef", "Sea", "pics/a.jpg"}));
}

TEST(ScriptData, BrokenDataCommandsSayWhy) {
  for (const auto& [line, why] : std::vector<std::pair<std::string, std::string>>{
           {"sync later", "sync takes now or start"},
           {"sign in anna pw", "expected a \"quoted\" string"},
           {"sign in anna \"pw\" maybe", "only 'create'"},
           {"save fish \"x\"", "save takes contact, event, task, note or photo"},
           {"save photo \"no file\"", "save photo needs a file"},
           {"save note 12ab \"x\"", "not a record id"},
           {"save note", "expected a \"quoted\" string"},
           {"delete note xyz", "delete needs a record id"},
           {"records please", "records takes nothing"},
           {"flash cut 0", "flash cut needs a count"},
       }) {
    const auto r = ParseScript(line, "d.swv");
    EXPECT_FALSE(r.ok()) << line;
    EXPECT_NE(r.error.find(why), std::string::npos) << line << " -> " << r.error;
  }
}

struct ScriptDataRun : ::testing::Test {
  server::testing::ServerHarness server;
  server::RadioGateway gateway{server.server()};
  Handset handset{HandsetOptions{}};
  std::vector<std::string> printed;

  ScriptDataRun() {
    handset.board().radio().set_backend(
        [this](const hal::Bytes& request) -> std::optional<hal::Bytes> { return gateway.Handle(request); });
    std::string error;
    EXPECT_TRUE(handset.PowerOn(&error)) << error;
  }
  PlayResult Run(const char* text) {
    auto parsed = ParseScript(text, "t.swv");
    EXPECT_TRUE(parsed.ok()) << parsed.error;
    PlayerHooks hooks;
    hooks.print = [this](const std::string& line) { printed.push_back(line); };
    return Play(parsed.script, handset, hooks);
  }
  std::string IdSaved(size_t i) { return printed.at(i).substr(std::string("saved note ").size(), 32); }
};

TEST_F(ScriptDataRun, SavesSyncsListsAndAFlashCutTakesThePowerWithTheSave) {
  auto r = Run(R"(sign in anna "correct horse" create
save note "first"
save contact "Ana"
sync now
)");
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(printed.size(), 3u);
  EXPECT_EQ(printed[0].rfind("saved note ", 0), 0u);
  EXPECT_NE(printed[0].find(" revision 1"), std::string::npos);
  EXPECT_EQ(printed[2], "sync: synced");
  auto reader = server.SignIn("anna", "reader");
  EXPECT_EQ(server.PullAll(reader).size(), 2u);

  const std::string id = IdSaved(0);
  printed.clear();
  r = Run(("save note " + id + " \"second\"\ndelete note " + id + "\nrecords\n").c_str());
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(printed.size(), 5u);
  EXPECT_EQ(printed[0], "saved note " + id + " revision 2");
  EXPECT_EQ(printed[1], "deleted note " + id);
  EXPECT_NE(printed[2].find(" live \"Ana\""), std::string::npos) << printed[2];
  EXPECT_EQ(printed[3], "record note " + id + " revision 3 deleted \"\"");
  EXPECT_EQ(printed[4], "records: 2");

  // The torn write of a save: the save fails, and the handset is off until power on.
  r = Run("flash cut 1\nsave note \"torn\"\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("the save failed"), std::string::npos) << r.error;
  EXPECT_EQ(handset.os(), nullptr);
  r = Run("records\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("the handset is off"), std::string::npos) << r.error;
  printed.clear();
  r = Run("power on\nrecords\n");
  ASSERT_TRUE(r.ok) << r.error;
  // A save that did not return success is there whole or not at all (the torn page may
  // have held the whole frame).
  const bool there = printed.back() == "records: 3";
  EXPECT_TRUE(there || printed.back() == "records: 2") << printed.back();
  size_t torn = 0;
  for (const auto& line : printed) torn += line.find(" live \"torn\"") != std::string::npos;
  EXPECT_EQ(torn, there ? 1u : 0u);
}

TEST_F(ScriptDataRun, APhotoIsSavedWithItsBytesAndListedWithTheirHash) {
  server::testing::TempDir dir;
  const auto file = dir.path() / "sea.jpg";
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += char(i * 7 % 251);
  std::ofstream(file, std::ios::binary) << bytes;
  const auto r = Run(("save photo " + file.string() + " \"Sea\"\nrecords\nsave photo " +
                      (dir.path() / "none.jpg").string() + " \"x\"\n").c_str());
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("none.jpg: cannot be read"), std::string::npos) << r.error;
  ASSERT_EQ(printed.size(), 3u);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char c : os::pim::Sha256Of(bytes)) (hex += kDigits[c >> 4]) += kDigits[c & 15];
  EXPECT_NE(printed[1].find(" live \"Sea\" bytes " + hex), std::string::npos) << printed[1];
}

TEST_F(ScriptDataRun, SignInFailuresNameTheServersReason) {
  const auto r = Run("sign in nobody \"wrong horse\"\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("t.swv:1: sign in: wrong account or password"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace swivel::emulator
