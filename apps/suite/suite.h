#pragma once
// The handset's app suite: what a booted handset runs. Registers every app with the kernel,
// the Jump screen's entries and the Jump+letter chords (Jump+C Contacts).
#include "apps/contacts/contact_text.h"
#include "os/kernel/device.h"

namespace swivel::apps {

void InstallApps(os::kernel::Device& device, hal::Rect screen, TextRules rules = {});

}  // namespace swivel::apps
