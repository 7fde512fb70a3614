#include "apps/settings/settings_app.h"

#include <algorithm>
#include <utility>

#include "apps/settings/settings_text.h"
#include "os/sync/records.h"
#include "os/ui/stack.h"

namespace swivel::apps {
namespace {

using os::ui::Button;
using os::ui::Label;
using os::ui::TextField;
using os::ui::Widget;

size_t Pending(os::kernel::Device& d) {
  size_t dirty = 0;
  os::sync::Records all = d.records();
  (void)os::sync::ForEachType(all, [&dirty](auto& repo, uint8_t) {
    dirty += repo.DirtyCount();
    return os::pim::Status::kOk;
  });
  return dirty;
}

}  // namespace

SettingsApp::SettingsApp(os::kernel::Device& device, hal::Rect screen)
    : device_(device), area_(screen), row_height_(device.kernel().theme().row_height()),
      format_(os::text::Formatter::Create(device.kernel().locale_options().locale,
                                          device.kernel().locale_options().time_zone)) {
  if (!format_) format_ = os::text::Formatter::Create(device.kernel().locale_options().locale, "UTC");
}

void SettingsApp::Show(Screen s, std::unique_ptr<Widget> root, const std::string& focus_id) {
  kind_ = s;
  root->set_bounds(area_);
  os::ui::StackRows(*root, row_height_);
  root_ = std::move(root);
  focus_ = std::make_unique<os::ui::Focus>(*root_);
  if (!focus_->Set(root_->Find(focus_id))) focus_->Reset();
  if (focus_->focused()) os::ui::ScrollIntoView(*root_, *focus_->focused());
}

std::string SettingsApp::Signature() {
  const auto& agent = device_.sync();
  return agent.status() + '\n' + agent.last_error() + '\n' + std::to_string(agent.rounds()) + '\n' +
         std::to_string(Pending(device_)) + '\n' + std::to_string(device_.trash().Count());
}

bool SettingsApp::Refresh() {
  if (kind_ == Screen::kSync && Signature() != shown_signature_) ShowSync();
  return std::exchange(changed_, false);
}

void SettingsApp::ShowSync() {
  shown_signature_ = Signature();
  changed_ = true;
  const std::string focused = focus_ && focus_->focused() && kind_ == Screen::kSync
                                  ? focus_->focused()->id()
                                  : "settings.sync_now";
  auto& agent = device_.sync();
  swivel::sync::DeviceAccount account;
  account_ = device_.sync_state().LoadAccount(&account) == os::pim::Status::kOk ? account.account() : "";
  swivel::sync::DeviceCursor cursor;
  (void)device_.sync_state().LoadCursor(&cursor);  // unreadable: shown as never synced

  auto root = std::make_unique<Widget>("settings", "screen");
  auto line = [&root](const std::string& id, std::string text) {
    root->Add(std::make_unique<Label>(id, std::move(text)));
  };
  line("settings.account", account_.empty() ? "Account: none, sign in below" : "Account: " + account_);
  const std::string status = account_.empty()       ? "not signed in"
                             : agent.status().empty() ? "waiting for the first sync"
                                                      : agent.status();
  line("settings.status", "Status: " + status);
  line("settings.last_sync", LastSyncLine(cursor.last_sync_ms(), device_.kernel().wall_time_ms(), format_.get()));
  line("settings.pending", PendingLine(Pending(device_)));
  if (!agent.last_error().empty()) line("settings.error", "Error: " + agent.last_error());
  os::sync::HeldCounts held;
  if (agent.HeldDeletes(&held) == os::pim::Status::kOk && os::sync::Total(held) > 0) {
    line("settings.held", HeldLine(held));
    const std::string n = std::to_string(os::sync::Total(held));
    root->Add(std::make_unique<Button>("settings.confirm_deletes", "Delete those " + n,
                                       [this] { Later([this] { Answer("confirm"); }); }));
    root->Add(std::make_unique<Button>("settings.keep_records", "Keep them here",
                                       [this] { Later([this] { Answer("keep"); }); }));
  }
  root->Add(std::make_unique<Button>("settings.sync_now", "Sync now", [this] {
    Later([this] { device_.sync().SyncNow(); });
  }));
  root->Add(std::make_unique<Button>("settings.sign_in", account_.empty() ? "Sign in" : "Sign in again",
                                     [this] { Later([this] { ShowSignIn(); }); }));
  root->Add(std::make_unique<Button>("settings.trash", "Trash: " + std::to_string(device_.trash().Count()) + " deleted",
                                     [this] { Later([this] { ShowTrash(); }); }));
  Show(Screen::kSync, std::move(root), focused);
}

void SettingsApp::Answer(std::string_view what) {
  auto& agent = device_.sync();
  // A failure (flash full) leaves the deletes held; the screen still offers the choice.
  (void)(what == "confirm" ? agent.ConfirmDeletes() : agent.KeepRecords());
  ShowSync();
}

void SettingsApp::ShowTrash() {
  trash_ = ListTrash(device_);
  auto root = std::make_unique<Widget>("trash", "screen");
  if (trash_.empty()) {
    root->Add(std::make_unique<Label>("trash.empty", "The trash is empty"));
    return Show(Screen::kTrash, std::move(root), "");
  }
  auto& list = root->Add(std::make_unique<os::ui::ListView>("trash.list", row_height_));
  std::vector<std::string> rows;
  for (const auto& item : trash_) rows.push_back(item.label);
  list.on_activate = [this](size_t row) { Later([this, row] { ShowRestore(row); }); };
  Show(Screen::kTrash, std::move(root), "trash.list");
  list.SetRows(rows);
  list.Select(std::min(restoring_, rows.size() - 1));
  list.Layout();
}

void SettingsApp::ShowRestore(size_t item) {
  if (item >= trash_.size()) return ShowTrash();
  restoring_ = item;
  const TrashItem& t = trash_[item];
  auto root = std::make_unique<Widget>("restore", "screen");
  std::string when = format_ ? " It was deleted " + format_->Day(t.deleted_ms, device_.kernel().wall_time_ms()) +
                                   " " + format_->Time(t.deleted_ms) + "."
                             : "";
  auto& dialog = root->Add(std::make_unique<os::ui::Dialog>("restore.dialog", "Restore",
                                                            "Bring back " + t.label + "?" + when));
  dialog.AddButton("restore.yes", "Restore", [this] {
    Later([this] {
      // A failure (flash full) leaves it in the trash, still listed.
      (void)RestoreItem(device_, trash_[restoring_]);
      ShowTrash();
    });
  });
  dialog.AddButton("restore.no", "Cancel", [this] { Later([this] { ShowTrash(); }); });
  Show(Screen::kRestore, std::move(root), "restore.yes");
}

void SettingsApp::ShowSignIn() {
  auto root = std::make_unique<Widget>("signin", "screen");
  auto& account = root->Add(std::make_unique<TextField>("signin.account", "Account"));
  account.SetText(account_);
  root->Add(std::make_unique<TextField>("signin.password", "Password")).set_masked(true);
  // A handset that holds an account's records signs in to that account only: signing it in
  // to another would upload the first owner's records into it.
  auto& create = root->Add(std::make_unique<os::ui::Checkbox>("signin.create", "Create this account"));
  create.set_visible(account_.empty());
  root->Add(std::make_unique<Button>("signin.go", "Sign in", [this] { Later([this] { SignIn(); }); }));
  root->Add(std::make_unique<Label>("signin.message", ""));
  Show(Screen::kSignIn, std::move(root), account_.empty() ? "signin.account" : "signin.password");
}

void SettingsApp::SignIn() {
  const std::string account = root_->Find("signin.account")->text();
  const std::string password = root_->Find("signin.password")->text();
  auto* message = root_->Find("signin.message");
  if (account.empty() || password.empty()) return message->set_text("Type the account and its password");
  if (!account_.empty() && account != account_)
    return message->set_text("This handset holds " + account_ + "'s records: sign in as " + account_);
  if (signing_in_) return;  // one at a time; the message says it is under way
  const bool create = static_cast<os::ui::Checkbox*>(root_->Find("signin.create"))->checked();
  message->set_text(create ? "Creating the account..." : "Signing in...");
  signing_in_ = true;
  const uint64_t attempt = ++attempt_;
  // The reply comes later on the event loop; the agent drops it if the OS goes first, and
  // this app lives as long as the OS.
  device_.sync().SignIn(account, password, std::string(kDeviceName), create,
                        [this, attempt](const std::string& error) {
                          if (attempt != attempt_ || kind_ != Screen::kSignIn) return;  // Back was pressed
                          signing_in_ = false;
                          changed_ = true;
                          if (error.empty()) return ShowSync();
                          root_->Find("signin.message")->set_text("Sign-in failed: " + error);
                        });
}

std::vector<os::kernel::MenuItem> SettingsApp::Menu() {
  if (kind_ == Screen::kSignIn) return {{"sign_in", "Sign in", U's', [this] { SignIn(); }}};
  if (kind_ == Screen::kTrash || kind_ == Screen::kRestore) return {};
  return {{"sync_now", "Sync now", U'n', [this] { device_.sync().SyncNow(); }},
          {"sign_in", account_.empty() ? "Sign in" : "Sign in again", U'i', [this] { ShowSignIn(); }}};
}

bool SettingsApp::OnKey(const hal::InputEvent& e) {
  if (os::ui::IsKeyDown(e, hal::Key::kBack) || os::ui::IsKeyDown(e, hal::Key::kCancel)) {
    switch (kind_) {
      case Screen::kSync: return false;  // leaves the app
      case Screen::kRestore: ShowTrash(); return true;
      case Screen::kTrash: ShowSync(); return true;
      case Screen::kSignIn:
        ++attempt_;  // a reply still to come belongs to a form that is gone
        signing_in_ = false;
        ShowSync();
        return true;
    }
  }
  const bool used = focus_->Route(e);
  if (auto action = std::exchange(later_, nullptr)) action();
  if (focus_->focused()) os::ui::ScrollIntoView(*root_, *focus_->focused());
  return used;
}

}  // namespace swivel::apps
