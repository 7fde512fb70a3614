#pragma once
// The handset's app suite: what a booted handset runs. Registers every app with the kernel,
// the Jump screen's entries and the Jump+letter chords (Jump+C Contacts).
#include <optional>
#include <string>
#include <string_view>

#include "apps/contacts/contact_text.h"
#include "os/kernel/device.h"

namespace swivel::apps {

// Apps lay themselves out in the kernel's app area (below the status bar).
void InstallApps(os::kernel::Device& device, TextRules rules = {});

// The device locale's rules: ICU collation for sorting, case and accent folding for search
// (os/text). An unknown locale gets ICU's root order; nothing, with `error` set, only when
// ICU cannot build a collator at all.
std::optional<TextRules> LocaleRules(std::string_view locale, std::string* error);

}  // namespace swivel::apps
