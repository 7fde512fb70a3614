#include "emulator/data_commands.h"

#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "emulator/text_util.h"

namespace swivel::emulator {
namespace {

using namespace std::chrono_literals;
namespace pim = os::pim;

constexpr int64_t kStepMs = 100;
// Longest a sync or sign-in may take in device time before the command gives up: past
// the agent's request timeout and a few backoff steps.
constexpr int64_t kPatienceMs = 15 * 60 * 1000;

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) (out += kDigits[c >> 4]) += kDigits[c & 15];
  return out;
}

std::string Unhex(std::string_view hex) {
  std::string out;
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += char(digit(hex[i]) * 16 + digit(hex[i + 1]));
  return out;
}

// The text a record is known by in the script language.
std::string TextOf(const swivel::pim::Contact& r) { return r.display_name(); }
std::string TextOf(const swivel::pim::Event& r) { return r.title(); }
std::string TextOf(const swivel::pim::Task& r) { return r.title(); }
std::string TextOf(const swivel::pim::Note& r) { return r.body(); }
std::string TextOf(const swivel::pim::Photo& r) { return r.caption(); }
void SetText(swivel::pim::Contact& r, const std::string& t) {
  r.set_display_name(t);
  r.mutable_name()->set_given(t);
}
void SetText(swivel::pim::Event& r, const std::string& t) { r.set_title(t); }
void SetText(swivel::pim::Task& r, const std::string& t) { r.set_title(t); }
void SetText(swivel::pim::Note& r, const std::string& t) { r.set_body(t); }
void SetText(swivel::pim::Photo& r, const std::string& t) { r.set_caption(t); }

// Calls fn(repository) for the repository of `kind`.
template <typename Fn>
auto WithRepository(os::kernel::Device& d, RecordKind kind, Fn&& fn) {
  switch (kind) {
    case RecordKind::kContact: return fn(d.contacts());
    case RecordKind::kEvent: return fn(d.events());
    case RecordKind::kTask: return fn(d.tasks());
    case RecordKind::kNote: return fn(d.notes());
    case RecordKind::kPhoto: break;
  }
  return fn(d.photos());
}

bool SavePhoto(os::kernel::Device& d, const SaveRecord& c, const PrintLine& print, std::string* why) {
  std::ifstream in(c.file, std::ios::binary);
  if (!in) return *why = c.file + ": cannot be read", false;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  swivel::pim::Photo photo;
  if (!c.id_hex.empty()) {
    if (const auto s = d.photos().Get(Unhex(c.id_hex), &photo); s != pim::Status::kOk)
      return *why = "photo " + c.id_hex + ": " + std::string(pim::ToString(s)), false;
  }
  photo.set_caption(c.text);
  if (const auto s = d.photo_library().SavePhoto(photo, bytes); s != pim::Status::kOk)
    return *why = "the save failed: " + std::string(pim::ToString(s)), false;
  print("saved photo " + Hex(photo.meta().id()) + " revision " + std::to_string(photo.meta().revision()));
  return true;
}

// What a photo's line adds: the SHA-256 of the bytes this handset holds, checked on read.
std::string BytesOf(os::kernel::Device& d, const swivel::pim::Photo& p) {
  if (p.meta().deleted()) return "";
  std::string bytes;
  const auto s = d.photo_library().ReadBlob(p.sha256(), &bytes);
  if (s == pim::Status::kOk) return " bytes " + Hex(p.sha256());
  return s == pim::Status::kNotFound ? " bytes missing" : " bytes corrupt";
}
template <typename M>
std::string BytesOf(os::kernel::Device&, const M&) { return ""; }

bool Save(os::kernel::Device& d, const SaveRecord& c, const PrintLine& print, std::string* why) {
  if (c.kind == RecordKind::kPhoto) return SavePhoto(d, c, print, why);
  return WithRepository(d, c.kind, [&](auto& repository) {
    typename std::remove_reference_t<decltype(repository)>::Message record;
    if (!c.id_hex.empty()) {
      if (const auto s = repository.Get(Unhex(c.id_hex), &record); s != pim::Status::kOk)
        return *why = std::string(RecordKindName(c.kind)) + " " + c.id_hex + ": " + std::string(pim::ToString(s)), false;
    }
    SetText(record, c.text);
    if (const auto s = repository.Save(record); s != pim::Status::kOk)
      return *why = "the save failed: " + std::string(pim::ToString(s)), false;
    print("saved " + std::string(RecordKindName(c.kind)) + " " + Hex(record.meta().id()) + " revision " +
          std::to_string(record.meta().revision()));
    return true;
  });
}

bool Delete(os::kernel::Device& d, const DeleteRecord& c, const PrintLine& print, std::string* why) {
  return WithRepository(d, c.kind, [&](auto& repository) {
    if (const auto s = repository.Remove(Unhex(c.id_hex)); s != pim::Status::kOk)
      return *why = "the delete failed: " + std::string(pim::ToString(s)), false;
    print("deleted " + std::string(RecordKindName(c.kind)) + " " + c.id_hex);
    return true;
  });
}

bool List(os::kernel::Device& d, const PrintLine& print, std::string* why) {
  size_t count = 0;
  pim::Status worst = pim::Status::kOk;
  for (const RecordKind kind :
       {RecordKind::kContact, RecordKind::kEvent, RecordKind::kTask, RecordKind::kNote, RecordKind::kPhoto}) {
    const auto s = WithRepository(d, kind, [&](auto& repository) {
      return repository.ForEach(
          [&](const auto& r) {
            ++count;
            std::string line = "record " + std::string(RecordKindName(kind)) + " " + Hex(r.meta().id()) +
                               " revision " + std::to_string(r.meta().revision()) +
                               (r.meta().deleted() ? " deleted " : " live ") + Quote(TextOf(r));
            if (!r.meta().conflict_of().empty()) line += " conflict-of " + Hex(r.meta().conflict_of());
            line += BytesOf(d, r);
            print(line);
          },
          pim::Listing::kWithDeleted);
    });
    if (s != pim::Status::kOk) worst = s;
  }
  print("records: " + std::to_string(count));
  if (worst != pim::Status::kOk) return *why = "some records cannot be read: " + std::string(pim::ToString(worst)), false;
  return true;
}

// Lets device time pass until `done` or the patience runs out (or the handset dies).
bool WaitFor(Handset& handset, const std::function<bool()>& done) {
  for (int64_t waited = 0; waited < kPatienceMs; waited += kStepMs) {
    if (!handset.os()) return false;
    if (done()) return true;
    handset.Wait(kStepMs);
  }
  return handset.os() && done();
}

bool Sync(Handset& handset, const SyncRun& c, const PrintLine& print, std::string* why) {
  auto& agent = handset.os()->sync();
  agent.SyncNow();
  if (!c.wait) return true;
  if (!WaitFor(handset, [&handset] { return !handset.os()->sync().busy(); }))
    return *why = handset.os() ? "the sync did not end" : "the handset went off during the sync", false;
  const auto& a = handset.os()->sync();
  print("sync: " + a.status() + (a.last_error().empty() ? "" : ": " + a.last_error()));
  return true;
}

bool SignIn(Handset& handset, const SignInAs& c, std::string* why) {
  auto result = std::make_shared<std::optional<std::string>>();
  handset.os()->sync().SignIn(c.account, c.password, "swivel-emu", c.create,
                              [result](const std::string& error) { *result = error; });
  if (!WaitFor(handset, [&result] { return result->has_value(); }))
    return *why = "sign in: no answer", false;
  if (!(*result)->empty()) return *why = "sign in: " + **result, false;
  return true;
}

}  // namespace

bool RunDataCommand(const Command& command, Handset& handset, const PrintLine& print, bool* ok,
                    std::string* why) {
  if (const auto* cut = std::get_if<FlashCut>(&command)) {
    auto& flash = handset.board().flash();
    flash.schedule_power_cut(flash.writes() + cut->writes - 1, hal::sim::TearMode::kPrefix);
    return *ok = true, true;
  }
  const bool ours = std::holds_alternative<SyncRun>(command) || std::holds_alternative<SignInAs>(command) ||
                    std::holds_alternative<SaveRecord>(command) || std::holds_alternative<DeleteRecord>(command) ||
                    std::holds_alternative<ListRecords>(command);
  if (!ours) return false;
  if (!handset.os()) return *why = "the handset is off", *ok = false, true;
  os::kernel::Device& d = *handset.os();
  if (const auto* s = std::get_if<SyncRun>(&command)) *ok = Sync(handset, *s, print, why);
  else if (const auto* i = std::get_if<SignInAs>(&command)) *ok = SignIn(handset, *i, why);
  else if (const auto* v = std::get_if<SaveRecord>(&command)) *ok = Save(d, *v, print, why);
  else if (const auto* x = std::get_if<DeleteRecord>(&command)) *ok = Delete(d, *x, print, why);
  else *ok = List(d, print, why);
  handset.Wait(0);  // a write torn by a flash cut took the power with it
  return true;
}

}  // namespace swivel::emulator
