#include "apps/suite/suite.h"

#include <memory>

#include "apps/contacts/contacts_app.h"
#include "apps/launcher/launcher.h"
#include "apps/settings/settings_app.h"
#include "os/text/collator.h"
#include "os/text/search.h"

namespace swivel::apps {

void InstallApps(os::kernel::Device& device, TextRules rules) {
  auto& apps = device.kernel().apps();
  const hal::Rect screen = device.kernel().app_area();
  apps.Register("launcher", [&device, screen] {
    std::vector<LauncherEntry> entries = {
        {std::string(ContactsApp::kId), "Contacts",
         [&device] {  // from the index: no record is read for it
           const size_t n = device.contacts().LiveCount();
           return std::to_string(n) + (n == 1 ? " contact" : " contacts");
         }},
        {std::string(SettingsApp::kId), "Settings",
         [&device] {
           const std::string& sync = device.sync().status();
           return sync.empty() ? std::string("Sync") : "Sync: " + sync;
         }},
    };
    return std::make_unique<Launcher>(device.kernel().apps(), std::move(entries), screen);
  });
  apps.Register(std::string(ContactsApp::kId), [&device, screen, rules] {
    return std::make_unique<ContactsApp>(device, rules, screen);
  });
  apps.Register(std::string(SettingsApp::kId), [&device, screen] {
    return std::make_unique<SettingsApp>(device, screen);
  });
  device.kernel().BindChord(U'c', std::string(ContactsApp::kId));
  device.kernel().BindChord(U's', std::string(SettingsApp::kId));
}

std::optional<TextRules> LocaleRules(std::string_view locale, std::string* error) {
  std::shared_ptr<const os::text::Collator> collator = os::text::Collator::Create(locale);
  std::shared_ptr<const os::text::SearchFolder> folder = os::text::SearchFolder::Create();
  if (!collator || !folder) {
    *error = "ICU cannot collate or fold for '" + std::string(locale) + "' (ICU data missing?)";
    return std::nullopt;
  }
  TextRules rules;
  rules.less = [collator](std::string_view a, std::string_view b) { return collator->Compare(a, b) < 0; };
  rules.matches = [folder](std::string_view haystack, std::string_view query) {
    return folder->Matches(haystack, query);
  };
  return rules;
}

}  // namespace swivel::apps
