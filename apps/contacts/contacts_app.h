#pragma once
// Contacts (the Address Book). Screens, each a UI tree with stable ids:
//   contacts  the list: contacts.search (type anywhere to search), contacts.new,
//             contacts.list (rows contacts.list.rowN, sorted by the device's collation)
//   contact   one contact: contact.name, contact.phoneN, contact.emailN, contact.addressN,
//             contact.edit, contact.delete
//   edit      the form: edit.given, edit.family, edit.phoneN, edit.emailN, edit.addressN,
//             edit.add_phone, edit.add_email, edit.add_address, edit.save
//   confirm   a dialog (confirm.dialog) "Delete NAME?" (confirm.dialog.message):
//             confirm.yes, confirm.no
// Back goes up one screen (the form is discarded); from the list it leaves the app.
// While the form is open, what is typed is its draft (os/kernel/drafts.h): saved when the
// app is paused and every few seconds, restored when the app starts after a battery pull.
#include <memory>
#include <string>
#include <vector>

#include "apps/contacts/contact_text.h"
#include "os/kernel/app.h"
#include "os/kernel/device.h"
#include "os/ui/widgets.h"

namespace swivel::apps {

class ContactsApp final : public os::kernel::App {
 public:
  static constexpr std::string_view kId = "contacts";

  ContactsApp(os::kernel::Device& device, TextRules rules, hal::Rect screen);

  os::ui::Widget* screen() override { return current_; }
  os::ui::Focus* focus() override { return focus_.get(); }
  void OnCreate() override;
  void OnResume() override;
  void Save() override;
  bool OnKey(const hal::InputEvent& event) override;
  std::vector<os::kernel::MenuItem> Menu() override;

 private:
  enum class Screen { kList, kDetail, kEdit, kConfirm };
  void Show(Screen s, std::unique_ptr<os::ui::Widget> root, const std::string& focus_id);
  void ShowList();
  void ShowDetail(std::string id);  // by value: callers pass open_'s own id, which Get overwrites
  void ShowEdit(const pim::Contact& c);
  void ShowConfirm();
  void Refilter();
  pim::Contact FormContact() const;  // the form's fields over the contact being edited
  void SaveForm();
  void AddField(const std::string& kind);  // "phone", "email", "address"
  // Screen changes requested by a widget run after its key is handled, never while the
  // widget that asked (and the tree it sits in) is still on the stack.
  void Later(std::function<void()> action) { later_ = std::move(action); }

  os::kernel::Device& device_;
  TextRules rules_;
  hal::Rect area_;
  int row_height_;  // the theme's
  Screen screen_kind_ = Screen::kList;
  std::unique_ptr<os::ui::Widget> root_;
  os::ui::Widget* current_ = nullptr;
  std::unique_ptr<os::ui::Focus> focus_;
  std::vector<pim::Contact> all_;       // live contacts, sorted
  bool stale_ = true;                   // all_ must be read again before it is shown
  std::vector<size_t> shown_;           // indexes into all_ matching the search
  std::string search_;
  pim::Contact open_;                   // the contact on the detail / edit screens
  int phones_ = 0, emails_ = 0, addresses_ = 0;  // fields on the form
  std::function<void()> later_;
  void ScrollToFocus();
  std::string saved_draft_;  // what the last draft save wrote
};

}  // namespace swivel::apps
