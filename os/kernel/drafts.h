#pragma once
// Drafts: what the user was typing and has not saved, one per app, kept in the record store
// so a battery pull loses at most the typing since the last autosave (AppManager::kAutosave).
// The key is the app id (at most 16 bytes, zero-padded); the value is the app's own.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "os/storage/store.h"

namespace swivel::os::kernel {

class Drafts {
 public:
  explicit Drafts(storage::Store& store) : store_(store) {}
  storage::Status Save(std::string_view app, const std::string& bytes);
  // Nothing when the app has no draft (or it cannot be read: a draft is never worth more
  // than starting over).
  std::optional<std::string> Load(std::string_view app);
  storage::Status Clear(std::string_view app);

 private:
  storage::Store& store_;
};

}  // namespace swivel::os::kernel
