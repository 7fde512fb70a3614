// Settings through keys on a handset whose radio reaches swivel-syncd's logic in process:
// signing in from the form, the sync screen following the agent, and the held deletes
// answered on the screen.
#include "apps/settings/settings_app.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "apps/suite/suite.h"
#include "emulator/player.h"
#include "server/radio_gateway.h"
#include "tests/server/server_test_util.h"

namespace swivel::apps {
namespace {

struct Phone {
  explicit Phone(server::RadioGateway& gateway) {
    handset.board().radio().set_backend(
        [&gateway](const hal::Bytes& request) -> std::optional<hal::Bytes> { return gateway.Handle(request); });
    std::string error;
    EXPECT_TRUE(handset.PowerOn(&error)) << error;
  }
  static emulator::HandsetOptions Options() {
    emulator::HandsetOptions o;
    o.install = [](os::kernel::Device& d) { InstallApps(d); };
    return o;
  }
  // Plays script lines; what the data commands print is kept in `printed`.
  void Run(const std::string& text) {
    auto parsed = emulator::ParseScript(text, "t.swv");
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    auto hooks = emulator::UiHooks(handset);
    hooks.print = [this](const std::string& line) { printed.push_back(line); };
    const auto r = emulator::Play(parsed.script, handset, hooks);
    ASSERT_TRUE(r.ok) << r.error;
  }
  os::kernel::Device& os() { return *handset.os(); }
  std::string Ui() { return os().kernel().DumpUi(); }
  void SaveContacts(int n) {
    for (int i = 0; i < n; ++i) {
      swivel::pim::Contact c;
      c.mutable_name()->set_given("c" + std::to_string(100 + i));
      ASSERT_EQ(os().contacts().Save(c), os::pim::Status::kOk);
    }
  }

  emulator::Handset handset{Options()};
  std::vector<std::string> printed;
};

struct SettingsAppTest : ::testing::Test {
  server::testing::ServerHarness server;
  server::RadioGateway gateway{server.server()};
};

TEST_F(SettingsAppTest, TheScriptSignsInWatchesASaveGoUpAndSyncsAfterAnOutage) {
  std::ifstream in(std::string(SWIVEL_SOURCE_DIR) + "/tests/scripts/settings.swv");
  std::ostringstream text;
  text << in.rdbuf();
  ASSERT_GT(text.str().size(), 500u);
  Phone phone(gateway);
  phone.Run(text.str());
  // What the screen said is what the server holds: both records, from this account.
  auto reader = server.SignIn("anna", "reader");
  EXPECT_EQ(server.PullAll(reader).size(), 2u);
}

TEST_F(SettingsAppTest, AWrongPasswordSaysWhyAndLeavesTheHandsetSignedOut) {
  server.SignIn("anna", "first");  // the account exists, with the harness's password
  Phone phone(gateway);
  phone.Run(R"(press Jump+s
press Down
press Select
type "anna"
press Down
type "not the password"
press Down
press Down
press Select
wait 3000
expect text "Sign-in failed:"
expect focus signin.go
press Back
expect text "Account: none, sign in below"
)");
  swivel::sync::DeviceAccount account;
  EXPECT_EQ(phone.os().sync_state().LoadAccount(&account), os::pim::Status::kNotFound);
}

TEST_F(SettingsAppTest, AHandsetHoldingOneAccountIsNotSignedInToAnother) {
  Phone phone(gateway);
  phone.Run(R"(sign in anna "correct horse" create
save note "anna's"
sync now
press Jump+s
expect text "Account: anna"
press Down
press Select
expect focus signin.password
expect no text "Create this account"
)");
  // The account field is filled in; typing another name over it is refused.
  auto* field = phone.os().kernel().apps().current()->screen()->Find("signin.account");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->text(), "anna");
  static_cast<os::ui::TextField*>(field)->SetText("bob");
  phone.Run(R"(type "correct horse"
press Down
expect focus signin.go
press Select
expect text "This handset holds anna's records: sign in as anna"
wait 3000
)");
  swivel::sync::DeviceAccount account;
  ASSERT_EQ(phone.os().sync_state().LoadAccount(&account), os::pim::Status::kOk);
  EXPECT_EQ(account.account(), "anna");
  auto bob = server.SignIn("bob", "b");
  EXPECT_TRUE(server.PullAll(bob).empty()) << "nothing of anna's went to bob";
}

// B deletes 15 of the 20 contacts both handsets hold; A's next sync holds those deletes
// (more than 20% of its contacts) for its owner, who answers on the Settings screen.
struct HeldDeletes : SettingsAppTest {
  Phone a{gateway}, b{gateway};
  void SetUp() override {
    a.Run("sign in anna \"correct horse\" create\n");
    a.SaveContacts(20);
    a.Run("sync now\n");
    b.Run("sign in anna \"correct horse\"\nsync now\n");
    std::vector<swivel::pim::Contact> all;
    ASSERT_EQ(b.os().contacts().List(&all), os::pim::Status::kOk);
    ASSERT_EQ(all.size(), 20u);
    for (int i = 0; i < 15; ++i) ASSERT_EQ(b.os().contacts().Remove(all[size_t(i)].meta().id()), os::pim::Status::kOk);
    b.Run("sync now\n");
    a.printed.clear();
    a.Run("sync now\n");
    ASSERT_EQ(a.printed, std::vector<std::string>{"sync: confirm 15 deletes"});
    a.Run(R"(press Jump+s
expect text "15 deletes from the server wait: 15 contacts"
expect text "Status: confirm 15 deletes"
press Up
expect focus settings.keep_records
press Up
expect focus settings.confirm_deletes
)");
    EXPECT_EQ(a.os().contacts().LiveCount(), 20u) << "nothing deleted before the owner says so";
  }
};

TEST_F(HeldDeletes, DeleteApplesThemOnTheHandset) {
  a.Run(R"(press Select
expect no text "deletes from the server wait"
expect text "Status: synced"
expect text "Trash: 15 deleted"
)");
  EXPECT_EQ(a.os().contacts().LiveCount(), 5u);
  EXPECT_EQ(a.os().trash().Count(), 15u) << "they wait in the trash for 30 days";
}

TEST_F(HeldDeletes, KeepPutsThemBackOnTheServer) {
  a.Run(R"(press Down
expect focus settings.keep_records
press Select
wait 3000
expect no text "deletes from the server wait"
expect text "Status: synced"
)");
  EXPECT_EQ(a.os().contacts().LiveCount(), 20u);
  b.Run("sync now\n");
  EXPECT_EQ(b.os().contacts().LiveCount(), 20u) << "the kept records went back up and down to B";
}

}  // namespace
}  // namespace swivel::apps

namespace swivel::apps {
namespace {

TEST_F(SettingsAppTest, ARecordDeletedByMistakeComesBackFromTheTrashAndSyncs) {
  Phone phone(gateway);
  phone.Run(R"(sign in anna "correct horse" create
save contact "Ana Lima"
save note "kept"
sync now
)");
  ASSERT_EQ(phone.printed.size(), 3u);
  const std::string id = phone.printed[0].substr(std::string("saved contact ").size(), 32);
  phone.Run("delete contact " + id + "\nsync now\n");
  ASSERT_EQ(phone.os().contacts().LiveCount(), 0u);
  phone.Run(R"(press Jump+s
expect text "Trash: 1 deleted"
press Down
press Down
expect focus settings.trash
press Select
expect focus trash.list
expect text "Contact: Ana Lima"
press Select
expect text "Bring back Contact: Ana Lima? It was deleted Today"
expect focus restore.yes
press Select
expect text "The trash is empty"
press Back
expect text "Trash: 0 deleted"
expect text "Pending changes: 1 record"
wait 6000
expect text "Pending changes: none"
)");
  EXPECT_EQ(phone.os().contacts().LiveCount(), 1u);
  // Back on the server too, live, under the same id: every handset gets it back.
  auto reader = server.SignIn("anna", "reader");
  size_t live = 0;
  for (const auto& r : server.PullAll(reader)) live += r.deleted() ? 0 : 1;
  EXPECT_EQ(live, 2u);
}

}  // namespace
}  // namespace swivel::apps
