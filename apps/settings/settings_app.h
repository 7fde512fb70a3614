#pragma once
// Settings: the handset's sync, where its owner sees and steers it. Screens, each a UI tree
// with stable ids:
//   sync    settings.account, settings.status, settings.last_sync, settings.pending,
//           settings.error (only after a failure), and while deletes from the server are
//           held by the mass-delete guard: settings.held, settings.confirm_deletes,
//           settings.keep_records; then settings.sync_now, settings.sign_in and
//           settings.trash ("Trash: N deleted")
//   signin  signin.account, signin.password (masked), signin.create (a checkbox: create
//           the account), signin.go, signin.message (progress and errors)
//   trash   trash.list (what was deleted, newest first; rows trash.list.rowN) or
//           trash.empty; Select on a row opens restore
//   restore a dialog (restore.dialog) "Bring back ...?": restore.yes, restore.no
// The sync screen follows the agent as it works (App::Refresh). Back goes up one screen,
// and from the sync screen leaves the app.
//
// The password lives only in the form while it is open: it is never saved, in a draft or
// anywhere on flash; the handset keeps the device token the service gives it.
#include <memory>
#include <string>
#include <vector>

#include "apps/settings/trash_list.h"
#include "os/kernel/app.h"
#include "os/kernel/device.h"
#include "os/text/format.h"
#include "os/ui/widgets.h"

namespace swivel::apps {

class SettingsApp final : public os::kernel::App {
 public:
  static constexpr std::string_view kId = "settings";
  static constexpr std::string_view kDeviceName = "Swivel handset";

  SettingsApp(os::kernel::Device& device, hal::Rect screen);

  os::ui::Widget* screen() override { return root_.get(); }
  os::ui::Focus* focus() override { return focus_.get(); }
  void OnCreate() override { ShowSync(); }
  bool Refresh() override;
  bool OnKey(const hal::InputEvent& event) override;
  std::vector<os::kernel::MenuItem> Menu() override;

 private:
  enum class Screen { kSync, kSignIn, kTrash, kRestore };
  void Show(Screen s, std::unique_ptr<os::ui::Widget> root, const std::string& focus_id);
  void ShowSync();
  void ShowSignIn();
  void SignIn();
  void Answer(std::string_view what);  // on the held deletes: "confirm" or "keep"
  void ShowTrash();
  void ShowRestore(size_t item);
  std::string Signature();  // what the sync screen depends on, cheaply (no record is read)
  void Later(std::function<void()> action) { later_ = std::move(action); }

  os::kernel::Device& device_;
  hal::Rect area_;
  int row_height_;
  std::unique_ptr<os::text::Formatter> format_;  // the device's locale and zone
  Screen kind_ = Screen::kSync;
  std::unique_ptr<os::ui::Widget> root_;
  std::unique_ptr<os::ui::Focus> focus_;
  std::function<void()> later_;
  std::string shown_signature_;  // what the sync screen showed when built
  bool changed_ = false;         // rebuilt outside a key (a sign-in reply): draw again
  uint64_t attempt_ = 0;         // the sign-in a reply belongs to
  bool signing_in_ = false;      // a sign-in is under way
  std::string account_;          // the account this handset syncs with ("" before sign-in)
  std::vector<TrashItem> trash_;  // as the trash screen lists it
  size_t restoring_ = 0;          // the item the restore dialog is about
};

}  // namespace swivel::apps
