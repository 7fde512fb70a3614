#pragma once
// The handset's app suite: what a booted handset runs. Registers every app with the kernel,
// the Jump screen's entries and the Jump+letter chords (Jump+C Contacts).
#include <optional>
#include <string>
#include <string_view>

#include "apps/contacts/contact_text.h"
#include "os/kernel/device.h"

namespace swivel::apps {

void InstallApps(os::kernel::Device& device, hal::Rect screen, TextRules rules = {});

// The device locale's rules: ICU collation for sorting, case and accent folding for search.
// Nothing, with `error` set, for a locale ICU cannot collate.
std::optional<TextRules> LocaleRules(std::string_view locale, std::string* error);

}  // namespace swivel::apps
