#include "server/sync_logic.h"

#include <algorithm>
#include <set>
#include <vector>

#include "proto/pim.pb.h"
#include "server/hex.h"

namespace swivel::server {

namespace {

using sync::PushResult;
using sync::RecordType;

// Parses the payload as M and checks its meta against the envelope.
template <typename M>
Status CheckPayload(const sync::Record& record, std::string_view where, M& message) {
  const std::string name = M::descriptor()->full_name();
  if (!message.ParseFromString(record.payload()))
    return Invalid(std::string(where) + ": payload is not a " + name);
  if (!message.has_meta()) return Invalid(std::string(where) + ": payload has no meta");
  if (message.meta().id() != record.id())
    return Invalid(std::string(where) + ": payload's meta.id is not the record's id");
  if (message.meta().deleted() != record.deleted())
    return Invalid(std::string(where) + ": deleted differs from the payload's meta.deleted");
  return {};
}

// Bytes a record takes inside a repeated field of the reply: tag, length, message.
size_t FramedSize(const sync::Record& record) {
  const size_t size = record.ByteSizeLong();
  size_t varint = 1;
  for (size_t v = size; v >= 0x80; v >>= 7) ++varint;
  return 1 + varint + size;
}

Stamp FromWire(const sync::Stamp& stamp) { return Stamp{stamp.epoch(), stamp.sequence()}; }

void ToWire(const Stamp& stamp, sync::Stamp* out) {
  out->set_epoch(stamp.epoch);
  out->set_sequence(stamp.sequence);
}

}  // namespace

std::string_view RecordTypeName(int type) {
  switch (type) {
    case sync::RECORD_TYPE_CONTACT: return "contact";
    case sync::RECORD_TYPE_EVENT: return "event";
    case sync::RECORD_TYPE_TASK: return "task";
    case sync::RECORD_TYPE_NOTE: return "note";
    case sync::RECORD_TYPE_PHOTO: return "photo";
    default: return "unknown";
  }
}

Status ValidateRecord(const sync::Record& record, const SyncLimits& limits,
                      std::string_view where_prefix, std::string* photo_sha256) {
  std::string where(where_prefix);
  if (record.type() == sync::RECORD_TYPE_UNSPECIFIED || !sync::RecordType_IsValid(record.type()))
    return Invalid(where + ": unknown record type " + std::to_string(record.type()));
  if (record.id().size() != 16)
    return Invalid(where + ": id is " + std::to_string(record.id().size()) +
                   " bytes, not 16");
  where += " (" + std::string(RecordTypeName(record.type())) + " " + Hex(record.id()) + ")";
  if (record.has_stamp()) {
    const auto& stamp = record.stamp();
    if (stamp.epoch().empty() ? stamp.sequence() != 0 : stamp.epoch().size() != 16)
      return Invalid(where + ": base stamp needs a 16-byte epoch");
  }
  if (record.base_unchanged() && record.stamp().epoch().empty())
    return Invalid(where + ": base_unchanged needs a base stamp");
  if (record.payload().size() > limits.max_payload_bytes)
    return Invalid(where + ": payload is " + std::to_string(record.payload().size()) +
                   " bytes, over the limit of " + std::to_string(limits.max_payload_bytes));
  switch (record.type()) {
    case sync::RECORD_TYPE_CONTACT: {
      pim::Contact m;
      return CheckPayload(record, where, m);
    }
    case sync::RECORD_TYPE_EVENT: {
      pim::Event m;
      return CheckPayload(record, where, m);
    }
    case sync::RECORD_TYPE_TASK: {
      pim::Task m;
      return CheckPayload(record, where, m);
    }
    case sync::RECORD_TYPE_NOTE: {
      pim::Note m;
      return CheckPayload(record, where, m);
    }
    case sync::RECORD_TYPE_PHOTO: {
      pim::Photo m;
      if (auto status = CheckPayload(record, where, m); !status.ok()) return status;
      if (!record.deleted()) {
        if (m.sha256().size() != 32)
          return Invalid(where + ": a photo's sha256 must be 32 bytes");
        if (photo_sha256) *photo_sha256 = m.sha256();
      }
      return {};
    }
    default:
      return Invalid(where + ": unknown record type");
  }
}

Status ValidateSyncRequest(const sync::SyncRequest& request, const SyncLimits& limits) {
  if (!request.epoch().empty() && request.epoch().size() != 16)
    return Invalid("epoch is " + std::to_string(request.epoch().size()) +
                   " bytes, not 16 (or empty on a first sync)");
  if (request.epoch().empty() && request.anchor() != 0)
    return Invalid("an anchor needs the epoch it belongs to");
  if (static_cast<size_t>(request.push_size()) > limits.max_push_records)
    return Invalid("push has " + std::to_string(request.push_size()) +
                   " records, over the limit of " + std::to_string(limits.max_push_records));
  std::set<std::string> ids;
  for (int i = 0; i < request.push_size(); ++i) {
    const auto& record = request.push(i);
    const std::string where = "push[" + std::to_string(i) + "]";
    if (auto status = ValidateRecord(record, limits, where, nullptr); !status.ok())
      return status;
    if (!ids.insert(record.id()).second)
      return Invalid(where + ": id " + Hex(record.id()) + " is pushed twice");
  }
  return {};
}

bool IsAncestorOrEqual(const Stamp& a, const Stamp& b) {
  return !a.empty() && a.epoch == b.epoch && a.sequence <= b.sequence;
}

PushResult::Outcome DecidePush(const std::optional<StoredRecord>& current,
                               const sync::Record& pushed, bool blob_complete) {
  if (!blob_complete) return PushResult::OUTCOME_BLOB_MISSING;
  if (!current) return PushResult::OUTCOME_STORED;
  const bool same_type = current->type == pushed.type();
  if (same_type && current->deleted == pushed.deleted() && current->payload == pushed.payload())
    return PushResult::OUTCOME_UNCHANGED;
  if (same_type && IsAncestorOrEqual(current->stamp, FromWire(pushed.stamp())))
    return PushResult::OUTCOME_STORED;
  return PushResult::OUTCOME_CONFLICT;
}

bool KeepsBaseStamp(const sync::Record& pushed, std::string_view epoch,
                    const std::optional<StoredRecord>& current) {
  if (!pushed.base_unchanged()) return false;
  const Stamp base = FromWire(pushed.stamp());
  if (base.empty() || base.epoch == epoch) return false;
  return !current || current->stamp != base;
}

bool ReseedNeeded(const sync::SyncRequest& request, std::string_view epoch, uint64_t sequence) {
  if (request.epoch().empty()) return false;  // a first sync: nothing to compare
  return request.epoch() != epoch || request.anchor() > sequence;
}

sync::Record ToWire(const StoredRecord& record) {
  sync::Record out;
  out.set_type(static_cast<sync::RecordType>(record.type));
  out.set_id(record.id);
  ToWire(record.stamp, out.mutable_stamp());
  out.set_deleted(record.deleted);
  out.set_payload(record.payload);
  return out;
}

Result<sync::SyncReply> RunSync(Store& store, AccountId account, std::string_view device,
                                const sync::SyncRequest& request, const SyncLimits& limits,
                                SyncSummary* summary) {
  SyncSummary local;
  SyncSummary& sum = summary ? *summary : local;
  sum.anchor = request.anchor();
  if (auto status = ValidateSyncRequest(request, limits); !status.ok()) return status;

  const std::string epoch = store.Epoch();
  auto txn = store.BeginSync(account);
  sync::SyncReply reply;
  reply.set_epoch(epoch);
  if (ReseedNeeded(request, epoch, txn->Sequence())) {
    // Nothing is pushed or pulled: the device re-seeds under the server's epoch.
    reply.set_sequence(txn->Sequence());
    reply.set_reseed_needed(true);
    sum.reseed = true;
    return reply;  // the transaction rolls back: it wrote nothing
  }

  // Decide every record before writing any, so a refused request writes nothing.
  struct Decision {
    PushResult::Outcome outcome;
    std::optional<StoredRecord> current;
  };
  std::vector<Decision> decisions;
  decisions.reserve(static_cast<size_t>(request.push_size()));
  for (int i = 0; i < request.push_size(); ++i) {
    const auto& record = request.push(i);
    auto current = txn->Get(record.id());
    if (!current && txn->IdInOtherAccount(record.id()))
      return Status(Code::kPermissionDenied, "push[" + std::to_string(i) + "]: record id " +
                                                 Hex(record.id()) +
                                                 " belongs to another account");
    std::string sha256;
    if (record.type() == sync::RECORD_TYPE_PHOTO && !record.deleted())
      ValidateRecord(record, limits, "", &sha256);  // already valid: only takes the sha256
    const bool blob_ok = sha256.empty() || txn->BlobComplete(sha256);
    decisions.push_back({DecidePush(current, record, blob_ok), std::move(current)});
  }

  for (int i = 0; i < request.push_size(); ++i) {
    const auto& record = request.push(i);
    auto& decision = decisions[static_cast<size_t>(i)];
    auto* result = reply.add_pushed();
    result->set_type(record.type());
    result->set_id(record.id());
    result->set_outcome(decision.outcome);
    ++sum.pushed_by_type[record.type()];
    switch (decision.outcome) {
      case PushResult::OUTCOME_STORED: {
        RecordWrite write{record.type(), record.id(), std::string(device), record.deleted(),
                          record.payload(), std::nullopt};
        if (KeepsBaseStamp(record, epoch, decision.current))
          write.keep_stamp = FromWire(record.stamp());
        const Stamp stamp = txn->Put(write);
        ToWire(stamp, result->mutable_stamp());
        ++sum.stored;
        break;
      }
      case PushResult::OUTCOME_UNCHANGED:
        ToWire(decision.current->stamp, result->mutable_stamp());
        ++sum.unchanged;
        break;
      case PushResult::OUTCOME_CONFLICT:
        *result->mutable_current() = ToWire(*decision.current);
        ++sum.conflicts;
        break;
      default:
        ++sum.blob_missing;
        break;
    }
  }

  // One pull page after the anchor. The device's own changes are skipped, but the anchor
  // moves past them: it holds them already. Not so on a pull from anchor 0, a device
  // starting over in this epoch (a first sync, or a handset that emptied itself): it gets
  // everything but what it pushes in this very request.
  const bool from_scratch = request.anchor() == 0;
  std::set<std::pair<int, std::string>> pushed_now;
  if (from_scratch)
    for (const auto& r : request.push()) pushed_now.emplace(r.type(), r.id());
  const uint32_t page_records =
      request.max_records() ? std::min(request.max_records(), limits.max_page_records)
                            : limits.default_page_records;
  const uint32_t page_bytes = request.max_bytes()
                                  ? std::min(request.max_bytes(), limits.max_page_bytes)
                                  : limits.default_page_bytes;
  uint64_t next_anchor = request.anchor();
  bool more = false;
  size_t bytes = 0;
  txn->ScanFeed(request.anchor(), from_scratch ? std::string_view{} : device, limits.max_feed_scan + 1,
                [&](const FeedEntry& e) {
    if (sum.scanned == limits.max_feed_scan) {
      more = true;
      return false;
    }
    if (e.own || (from_scratch && pushed_now.count({e.record.type, e.record.id}))) {
      ++sum.scanned;
      next_anchor = e.record.feed_sequence;
      return true;
    }
    if (static_cast<uint32_t>(reply.pulled_size()) == page_records) {
      more = true;
      return false;
    }
    sync::Record wire = ToWire(e.record);
    const size_t size = FramedSize(wire);
    if (reply.pulled_size() > 0 && bytes + size > page_bytes) {
      more = true;
      return false;
    }
    bytes += size;
    ++sum.scanned;
    ++sum.pulled_by_type[e.record.type];
    next_anchor = e.record.feed_sequence;
    *reply.add_pulled() = std::move(wire);
    return true;
  });
  sum.pulled_bytes = bytes;
  sum.next_anchor = next_anchor;
  reply.set_sequence(txn->Sequence());
  reply.set_next_anchor(next_anchor);
  reply.set_more(more);
  txn->Commit();
  return reply;
}

}  // namespace swivel::server
