#include "apps/contacts/contacts_app.h"

#include <algorithm>
#include <utility>

#include "os/ui/stack.h"

namespace swivel::apps {
namespace {

using os::ui::Button;
using os::ui::IsKeyDown;
using os::ui::Label;
using os::ui::ListView;
using os::ui::TextField;
using os::ui::Widget;

std::string AddressLine(const pim::PostalAddress& a) {
  std::string s = a.street();
  for (const std::string* part : {&a.locality(), &a.postal_code(), &a.country()})
    if (!part->empty()) s += (s.empty() ? "" : ", ") + *part;
  return s;
}

}  // namespace

ContactsApp::ContactsApp(os::kernel::Device& device, TextRules rules, hal::Rect screen)
    : device_(device), rules_(std::move(rules)), area_(screen),
      row_height_(device.kernel().theme().row_height()) {}

void ContactsApp::OnCreate() {
  // A form that was open when the power went comes back as it was last saved.
  if (auto draft = device_.drafts().Load(kId)) {
    pim::Contact c;
    if (c.ParseFromString(*draft)) return ShowEdit(c);
  }
  ShowList();
}

void ContactsApp::OnResume() {
  stale_ = true;  // records may have changed while another app was in front (sync)
  if (screen_kind_ == Screen::kList) ShowList();
}

void ContactsApp::Show(Screen s, std::unique_ptr<Widget> root, const std::string& focus_id) {
  screen_kind_ = s;
  root->set_bounds(area_);
  os::ui::StackRows(*root, row_height_);
  root_ = std::move(root);
  current_ = root_.get();
  for (const auto& c : root_->children())
    if (auto* list = dynamic_cast<ListView*>(c.get())) list->Layout();
  focus_ = std::make_unique<os::ui::Focus>(*root_);
  if (!focus_->Set(root_->Find(focus_id))) focus_->Reset();
  ScrollToFocus();
}

void ContactsApp::ScrollToFocus() {
  if (focus_ && focus_->focused()) os::ui::ScrollIntoView(*root_, *focus_->focused());
}

void ContactsApp::ShowList() {
  // Reading every contact costs a page read each: done only when they may have changed,
  // not on every way back to the list.
  if (stale_) {
    all_.clear();
    device_.contacts().List(&all_);  // unreadable records are skipped (the list says what it can)
    std::stable_sort(all_.begin(), all_.end(), [this](const pim::Contact& a, const pim::Contact& b) {
      return rules_.less(DisplayName(a), DisplayName(b));
    });
    stale_ = false;
  }
  auto root = std::make_unique<Widget>("contacts", "screen");
  auto& search = root->Add(std::make_unique<TextField>("contacts.search", "Search"));
  search.set_focusable(false);  // typing anywhere searches; the d-pad never stops here
  search.SetText(search_);
  root->Add(std::make_unique<Button>("contacts.new", "New contact", [this] { Later([this] { ShowEdit({}); }); }));
  auto& list = root->Add(std::make_unique<ListView>("contacts.list", row_height_));
  list.on_activate = [this](size_t row) {
    if (row < shown_.size()) Later([this, id = all_[shown_[row]].meta().id()] { ShowDetail(id); });
  };
  Show(Screen::kList, std::move(root), "contacts.list");
  Refilter();
}

void ContactsApp::Refilter() {
  shown_.clear();
  std::vector<std::string> rows;
  for (size_t i = 0; i < all_.size(); ++i)
    if (MatchesSearch(all_[i], search_, rules_)) {
      shown_.push_back(i);
      rows.push_back(DisplayName(all_[i]));
    }
  auto* list = static_cast<ListView*>(root_->Find("contacts.list"));
  list->SetRows(rows);
  list->set_focusable(!rows.empty());
  if (!focus_->focused() || !focus_->focused()->focusable()) focus_->Reset();
}

void ContactsApp::ShowDetail(std::string id) {
  if (device_.contacts().Get(id, &open_) != os::pim::Status::kOk) return ShowList();
  auto root = std::make_unique<Widget>("contact", "screen");
  root->Add(std::make_unique<Label>("contact.name", DisplayName(open_), os::ui::TextRole::kTitle));
  for (int i = 0; i < open_.phones_size(); ++i)
    root->Add(std::make_unique<Label>("contact.phone" + std::to_string(i), open_.phones(i).number()));
  for (int i = 0; i < open_.emails_size(); ++i)
    root->Add(std::make_unique<Label>("contact.email" + std::to_string(i), open_.emails(i).address()));
  for (int i = 0; i < open_.addresses_size(); ++i)
    root->Add(std::make_unique<Label>("contact.address" + std::to_string(i), AddressLine(open_.addresses(i))));
  root->Add(std::make_unique<Button>("contact.edit", "Edit", [this] { Later([this] { ShowEdit(open_); }); }));
  root->Add(std::make_unique<Button>("contact.delete", "Delete", [this] { Later([this] { ShowConfirm(); }); }));
  Show(Screen::kDetail, std::move(root), "contact.edit");
}

void ContactsApp::ShowEdit(const pim::Contact& c) {
  open_ = c;
  auto root = std::make_unique<Widget>("edit", "screen");
  auto field = [&root](const std::string& id, const std::string& hint, const std::string& text) {
    root->Add(std::make_unique<TextField>(id, hint)).SetText(text);
  };
  field("edit.given", "First name", c.name().given());
  field("edit.family", "Last name", c.name().family());
  phones_ = std::max(1, c.phones_size());
  emails_ = std::max(1, c.emails_size());
  addresses_ = std::max(1, c.addresses_size());
  for (int i = 0; i < phones_; ++i)
    field("edit.phone" + std::to_string(i), "Phone", i < c.phones_size() ? c.phones(i).number() : "");
  for (int i = 0; i < emails_; ++i)
    field("edit.email" + std::to_string(i), "Email", i < c.emails_size() ? c.emails(i).address() : "");
  for (int i = 0; i < addresses_; ++i)
    field("edit.address" + std::to_string(i), "Street", i < c.addresses_size() ? c.addresses(i).street() : "");
  root->Add(std::make_unique<Button>("edit.add_phone", "Add phone", [this] { Later([this] { AddField("phone"); }); }));
  root->Add(std::make_unique<Button>("edit.add_email", "Add email", [this] { Later([this] { AddField("email"); }); }));
  root->Add(std::make_unique<Button>("edit.add_address", "Add address", [this] { Later([this] { AddField("address"); }); }));
  root->Add(std::make_unique<Button>("edit.save", "Save", [this] { Later([this] { SaveForm(); }); }));
  Show(Screen::kEdit, std::move(root), "edit.given");
}

void ContactsApp::AddField(const std::string& kind) {
  // Rebuilt from the form as it stands, with one more (empty) field of that kind.
  pim::Contact c = FormContact();
  if (kind == "phone") c.add_phones();
  if (kind == "email") c.add_emails();
  if (kind == "address") c.add_addresses();
  ShowEdit(c);
  const int index = kind == "phone" ? phones_ - 1 : kind == "email" ? emails_ - 1 : addresses_ - 1;
  focus_->Set(root_->Find("edit." + kind + std::to_string(index)));
  ScrollToFocus();
}

pim::Contact ContactsApp::FormContact() const {
  pim::Contact c = open_;
  auto text = [this](const std::string& id) { return root_->Find(id)->text(); };
  c.mutable_name()->set_given(text("edit.given"));
  c.mutable_name()->set_family(text("edit.family"));
  // Fields keep their other parts (labels, preferred); emptied ones are dropped.
  auto keep = [&](auto* repeated, int fields, const std::string& prefix, auto set) {
    const auto old = *repeated;
    repeated->Clear();
    for (int i = 0; i < fields; ++i) {
      const std::string t = text(prefix + std::to_string(i));
      if (t.empty()) continue;
      auto* item = repeated->Add();
      if (i < old.size()) *item = old.Get(i);
      set(item, t);
    }
  };
  keep(c.mutable_phones(), phones_, "edit.phone", [](pim::Phone* p, const std::string& t) { p->set_number(t); });
  keep(c.mutable_emails(), emails_, "edit.email", [](pim::Email* e, const std::string& t) { e->set_address(t); });
  keep(c.mutable_addresses(), addresses_, "edit.address",
       [](pim::PostalAddress* a, const std::string& t) { a->set_street(t); });
  return c;
}

void ContactsApp::SaveForm() {
  pim::Contact c = FormContact();
  if (DisplayName(c) == "(no name)") return;  // nothing typed: nothing to save
  if (device_.contacts().Save(c) != os::pim::Status::kOk) return;  // the form stays open
  stale_ = true;
  device_.drafts().Clear(kId);
  ShowDetail(c.meta().id());
}

void ContactsApp::ShowConfirm() {
  auto root = std::make_unique<Widget>("confirm", "screen");
  auto& dialog = root->Add(std::make_unique<os::ui::Dialog>(
      "confirm.dialog", "Delete contact", "Delete " + DisplayName(open_) + "?"));
  dialog.AddButton("confirm.yes", "Delete", [this] {
    Later([this] {
      device_.contacts().Remove(open_.meta().id());
      stale_ = true;
      ShowList();
    });
  });
  dialog.AddButton("confirm.no", "Keep", [this] { Later([this] { ShowDetail(open_.meta().id()); }); });
  Show(Screen::kConfirm, std::move(root), "confirm.no");
}

std::vector<os::kernel::MenuItem> ContactsApp::Menu() {
  switch (screen_kind_) {
    case Screen::kList:
      return {{"new", "New contact", U'n', [this] { ShowEdit({}); }}};
    case Screen::kDetail:
      return {{"edit", "Edit", U'e', [this] { ShowEdit(open_); }},
              {"delete", "Delete", U'd', [this] { ShowConfirm(); }}};
    case Screen::kEdit:
      return {{"save", "Save", U's', [this] { SaveForm(); }},
              {"add_phone", "Add phone", U'p', [this] { AddField("phone"); }},
              {"add_email", "Add email", U'm', [this] { AddField("email"); }},
              {"add_address", "Add address", U'a', [this] { AddField("address"); }}};
    case Screen::kConfirm:
      return {};
  }
  return {};
}

void ContactsApp::Save() {
  if (screen_kind_ != Screen::kEdit) return;
  // Only when it changed: an open form must not cost a flash write every few seconds.
  std::string draft = FormContact().SerializeAsString();
  if (draft == saved_draft_) return;
  if (device_.drafts().Save(kId, draft) == os::storage::Status::kOk) saved_draft_ = std::move(draft);
}

bool ContactsApp::OnKey(const hal::InputEvent& e) {
  if (IsKeyDown(e, hal::Key::kBack) || IsKeyDown(e, hal::Key::kCancel)) {
    switch (screen_kind_) {
      case Screen::kList:
        if (search_.empty()) return false;  // leaves the app
        search_.clear();
        ShowList();
        return true;
      case Screen::kEdit:
        device_.drafts().Clear(kId);
        if (open_.meta().id().empty()) ShowList();
        else ShowDetail(open_.meta().id());
        return true;
      case Screen::kDetail: ShowList(); return true;
      case Screen::kConfirm: ShowDetail(open_.meta().id()); return true;
    }
  }
  // On the list, typing goes to the search field wherever focus is.
  const bool typing = e.key == hal::Key::kCharacter || e.key == hal::Key::kBackspace || e.key == hal::Key::kSpace;
  if (screen_kind_ == Screen::kList && typing) {
    auto* search = static_cast<TextField*>(root_->Find("contacts.search"));
    if (!search->OnKey(e)) return false;
    search_ = search->text();
    Refilter();
    return true;
  }
  const bool used = focus_->Route(e);
  if (auto action = std::exchange(later_, nullptr)) action();
  ScrollToFocus();
  return used;
}

}  // namespace swivel::apps
