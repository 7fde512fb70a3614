#include "os/kernel/drafts.h"

#include <algorithm>

#include "os/pim/namespaces.h"

namespace swivel::os::kernel {
namespace {

storage::Key KeyOf(std::string_view app) {
  storage::Key key{};
  std::copy_n(app.begin(), std::min(app.size(), key.size()), key.begin());
  return key;
}

}  // namespace

storage::Status Drafts::Save(std::string_view app, const std::string& bytes) {
  return store_.Put(pim::kDraftsNamespace, KeyOf(app), {reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
}

std::optional<std::string> Drafts::Load(std::string_view app) {
  std::vector<uint8_t> value;
  if (store_.Get(pim::kDraftsNamespace, KeyOf(app), &value) != storage::Status::kOk) return std::nullopt;
  return std::string(value.begin(), value.end());
}

storage::Status Drafts::Clear(std::string_view app) { return store_.Erase(pim::kDraftsNamespace, KeyOf(app)); }

}  // namespace swivel::os::kernel
