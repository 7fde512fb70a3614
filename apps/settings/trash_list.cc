#include "apps/settings/trash_list.h"

#include <algorithm>

#include "apps/contacts/contact_text.h"
#include "os/sync/records.h"

namespace swivel::apps {
namespace {

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string Label(const pim::Contact& c) { return "Contact: " + DisplayName(c); }
std::string Label(const pim::Event& e) { return "Event: " + e.title(); }
std::string Label(const pim::Task& t) { return "Task: " + t.title(); }
std::string Label(const pim::Note& n) {
  return "Note: " + (n.title().empty() ? FirstLine(n.body()) : n.title());
}
std::string Label(const pim::Photo& p) { return "Photo: " + (p.caption().empty() ? "(no caption)" : p.caption()); }

}  // namespace

std::vector<TrashItem> ListTrash(os::kernel::Device& device) {
  std::vector<TrashItem> items;
  os::sync::Records records = device.records();
  (void)os::sync::ForEachType(records, [&items](auto& repo, uint8_t ns) {
    using M = os::sync::RecordOfT<decltype(repo)>;
    std::vector<os::pim::Trashed<M>> trashed;
    (void)repo.ListTrash(&trashed);  // kCorrupt: the readable ones are listed
    for (const auto& t : trashed) items.push_back({ns, t.record.meta().id(), Label(t.record), t.deleted_ms});
    return os::pim::Status::kOk;
  });
  std::stable_sort(items.begin(), items.end(),
                   [](const TrashItem& a, const TrashItem& b) { return a.deleted_ms > b.deleted_ms; });
  return items;
}

os::pim::Status RestoreItem(os::kernel::Device& device, const TrashItem& item) {
  os::sync::Records records = device.records();
  return os::sync::WithRepository(records, item.record_namespace,
                                  [&item](auto& repo) { return repo.Restore(item.id); });
}

}  // namespace swivel::apps
