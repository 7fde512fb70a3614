#include "os/sync/merge.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "proto/pim.pb.h"

namespace swivel::os::sync {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::OneofDescriptor;
using google::protobuf::Reflection;
using google::protobuf::UnknownFieldSet;
using google::protobuf::util::MessageDifferencer;
using ::swivel::pim::RecordMeta;
using Fields = std::vector<const FieldDescriptor*>;

constexpr std::string_view kSetFields[] = {
    "swivel.pim.Contact.phones", "swivel.pim.Contact.emails",  "swivel.pim.Contact.addresses",
    "swivel.pim.Contact.urls",   "swivel.pim.Event.reminders", "swivel.pim.Event.attendees",
};
// The one type whose conflicts go to the later edit instead of a conflict copy.
constexpr std::string_view kEventType = "swivel.pim.Event";

std::unique_ptr<Message> Clone(const Message& m) {
  std::unique_ptr<Message> copy(m.New());
  copy->CopyFrom(m);
  return copy;
}

// What is merged as one: a field, or every field of a oneof (so a oneof's case and value
// always come from the same side).
struct Unit {
  Fields fields;
  std::string name;
  bool is_set = false;
};

std::vector<Unit> UnitsOf(const Descriptor& type, const FieldDescriptor* meta) {
  std::vector<Unit> units;
  std::set<const OneofDescriptor*> oneofs_seen;
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* field = type.field(i);
    if (field == meta) continue;
    if (const OneofDescriptor* oneof = field->real_containing_oneof()) {
      if (!oneofs_seen.insert(oneof).second) continue;
      Unit unit{.fields = {}, .name = oneof->name(), .is_set = false};
      for (int j = 0; j < oneof->field_count(); ++j) unit.fields.push_back(oneof->field(j));
      units.push_back(std::move(unit));
      continue;
    }
    units.push_back(Unit{.fields = {field}, .name = field->name(), .is_set = IsSetField(*field)});
  }
  return units;
}

// Equal by value (nested messages by MessageDifferencer, unknown fields in them included).
bool UnitEqual(const Message& a, const Message& b, const Unit& unit) {
  MessageDifferencer differencer;
  return differencer.CompareWithFields(a, b, unit.fields, unit.fields);
}

// Puts `from`'s value of the unit into `to` (same type), whatever `to` held there.
void TakeUnit(const Message& from, Message* to, const Unit& unit) {
  std::unique_ptr<Message> scratch = Clone(from);
  to->GetReflection()->SwapFields(scratch.get(), to, unit.fields);
}

std::string Canonical(const Message& m) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    m.SerializePartialToCodedStream(&coded);
  }
  return out;
}

// The identity of element i of a repeated field: its value.
std::string ElementKey(const Message& m, const FieldDescriptor* f, int i) {
  const Reflection* r = m.GetReflection();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return Canonical(r->GetRepeatedMessage(m, f, i));
    case FieldDescriptor::CPPTYPE_STRING:
      return r->GetRepeatedString(m, f, i);
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetRepeatedInt32(m, f, i));
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetRepeatedInt64(m, f, i));
    case FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(r->GetRepeatedUInt32(m, f, i));
    case FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(r->GetRepeatedUInt64(m, f, i));
    case FieldDescriptor::CPPTYPE_ENUM:
      return std::to_string(r->GetRepeatedEnumValue(m, f, i));
    case FieldDescriptor::CPPTYPE_BOOL:
      return r->GetRepeatedBool(m, f, i) ? "1" : "0";
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return std::to_string(std::bit_cast<uint64_t>(r->GetRepeatedDouble(m, f, i)));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return std::to_string(std::bit_cast<uint32_t>(r->GetRepeatedFloat(m, f, i)));
  }
  return {};
}

void AppendElement(const Message& from, const FieldDescriptor* f, int i, Message* to) {
  const Reflection* r = from.GetReflection();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_MESSAGE:
      r->AddMessage(to, f)->CopyFrom(r->GetRepeatedMessage(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_STRING:
      r->AddString(to, f, r->GetRepeatedString(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_INT32:
      r->AddInt32(to, f, r->GetRepeatedInt32(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_INT64:
      r->AddInt64(to, f, r->GetRepeatedInt64(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_UINT32:
      r->AddUInt32(to, f, r->GetRepeatedUInt32(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_UINT64:
      r->AddUInt64(to, f, r->GetRepeatedUInt64(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_ENUM:
      r->AddEnumValue(to, f, r->GetRepeatedEnumValue(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_BOOL:
      r->AddBool(to, f, r->GetRepeatedBool(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      r->AddDouble(to, f, r->GetRepeatedDouble(from, f, i));
      return;
    case FieldDescriptor::CPPTYPE_FLOAT:
      r->AddFloat(to, f, r->GetRepeatedFloat(from, f, i));
      return;
  }
}

std::vector<std::string> Keys(const Message& m, const FieldDescriptor* f) {
  std::vector<std::string> keys;
  const int n = m.GetReflection()->FieldSize(m, f);
  for (int i = 0; i < n; ++i) keys.push_back(ElementKey(m, f, i));
  return keys;
}

// Writes the set merge of one repeated field into `out`, which holds remote's list.
void MergeSet(const Message& base, const Message& local, const Message& remote, const Unit& unit,
              Message* out) {
  const FieldDescriptor* f = unit.fields.front();
  const std::vector<std::string> b = Keys(base, f), l = Keys(local, f), r = Keys(remote, f);
  if (l == b || l == r) return;  // remote's list as it is
  if (r == b) {
    TakeUnit(local, out, unit);
    return;
  }
  const std::set<std::string> in_base(b.begin(), b.end()), in_remote(r.begin(), r.end());
  std::set<std::string> emitted;
  out->GetReflection()->ClearField(out, f);
  // Local's elements that remote did not remove (kept by both, or added locally)...
  for (size_t i = 0; i < l.size(); ++i) {
    const bool removed_by_remote = in_base.contains(l[i]) && !in_remote.contains(l[i]);
    if (!removed_by_remote && emitted.insert(l[i]).second) AppendElement(local, f, int(i), out);
  }
  // ...then remote's additions. A base element remote has is either in local too (emitted)
  // or was removed by local.
  for (size_t i = 0; i < r.size(); ++i) {
    if (!in_base.contains(r[i]) && emitted.insert(r[i]).second) {
      AppendElement(remote, f, int(i), out);
    }
  }
}

// Unknown fields grouped by field number, each group serialized (occurrences in order).
std::map<int, std::string> ByNumber(const UnknownFieldSet& fields) {
  std::map<int, std::string> groups;
  for (int i = 0; i < fields.field_count(); ++i) {
    UnknownFieldSet one;
    one.AddField(fields.field(i));
    std::string bytes;
    one.SerializeToString(&bytes);
    groups[fields.field(i).number()] += bytes;
  }
  return groups;
}

struct UnknownMerge {
  std::map<int, std::string> merged;
  std::map<int, std::string> copy;  // local's side of conflicts
  std::vector<int> conflicts;
};

UnknownMerge MergeUnknown(const UnknownFieldSet& base, const UnknownFieldSet& local,
                          const UnknownFieldSet& remote, bool conflicts_to_local) {
  const auto b = ByNumber(base), l = ByNumber(local), r = ByNumber(remote);
  std::set<int> numbers;
  for (const auto* groups : {&b, &l, &r}) {
    for (const auto& [number, bytes] : *groups) numbers.insert(number);
  }
  auto value = [](const std::map<int, std::string>& groups, int number) {
    auto it = groups.find(number);
    return it == groups.end() ? std::string() : it->second;
  };
  UnknownMerge out;
  for (int number : numbers) {
    const std::string bv = value(b, number), lv = value(l, number), rv = value(r, number);
    std::string merged, copy;
    if (lv == rv || lv == bv) {
      merged = copy = rv;
    } else if (rv == bv) {
      merged = copy = lv;
    } else {
      out.conflicts.push_back(number);
      merged = conflicts_to_local ? lv : rv;
      copy = lv;
    }
    if (!merged.empty()) out.merged[number] = merged;
    if (!copy.empty()) out.copy[number] = copy;
  }
  return out;
}

void WriteUnknown(Message* m, const std::map<int, std::string>& groups) {
  std::string bytes;
  for (const auto& [number, group] : groups) bytes += group;
  UnknownFieldSet* fields = m->GetReflection()->MutableUnknownFields(m);
  fields->Clear();
  fields->ParseFromString(bytes);  // bytes this file serialized from parsed fields
}

RecordMeta MetaOf(const Message& record, const FieldDescriptor* meta_field) {
  RecordMeta meta;
  meta.CopyFrom(record.GetReflection()->GetMessage(record, meta_field));
  return meta;
}

void SetMeta(Message* record, const FieldDescriptor* meta_field, const RecordMeta& meta) {
  record->GetReflection()->MutableMessage(record, meta_field)->CopyFrom(meta);
}

// Everything but meta equal, unknown fields included.
bool SameContent(const Message& a, const Message& b, const FieldDescriptor* meta_field) {
  std::unique_ptr<Message> ca = Clone(a), cb = Clone(b);
  ca->GetReflection()->ClearField(ca.get(), meta_field);
  cb->GetReflection()->ClearField(cb.get(), meta_field);
  return MessageDifferencer::Equals(*ca, *cb);
}

// The meta of the merged record, before `deleted` is decided.
RecordMeta MergedMeta(const RecordMeta& base, const RecordMeta& local, const RecordMeta& remote) {
  RecordMeta meta;
  meta.set_id(local.id());
  meta.set_revision(std::max(local.revision(), remote.revision()));
  meta.set_modified_ms(std::max(local.modified_ms(), remote.modified_ms()));
  const std::string& b = base.conflict_of();
  meta.set_conflict_of(local.conflict_of() == b    ? remote.conflict_of()
                       : remote.conflict_of() == b ? local.conflict_of()
                                                   : remote.conflict_of());
  WriteUnknown(&meta, MergeUnknown(base.GetReflection()->GetUnknownFields(base),
                                   local.GetReflection()->GetUnknownFields(local),
                                   remote.GetReflection()->GetUnknownFields(remote),
                                   /*conflicts_to_local=*/false)
                          .merged);
  return meta;
}

}  // namespace

bool IsSetField(const FieldDescriptor& field) {
  return field.is_repeated() && std::find(std::begin(kSetFields), std::end(kSetFields),
                                          field.full_name()) != std::end(kSetFields);
}

MergeResult Merge(const Message* base, const Message& local, const Message& remote) {
  MergeResult result;
  const Descriptor* type = local.GetDescriptor();
  if (remote.GetDescriptor() != type || (base && base->GetDescriptor() != type)) return result;
  const FieldDescriptor* meta_field = type->FindFieldByNumber(1);
  if (!meta_field || meta_field->is_repeated() ||
      meta_field->message_type() != RecordMeta::descriptor()) {
    return result;
  }
  const RecordMeta local_meta = MetaOf(local, meta_field);
  const RecordMeta remote_meta = MetaOf(remote, meta_field);
  const RecordMeta base_meta = base ? MetaOf(*base, meta_field) : RecordMeta();
  if (local_meta.id() != remote_meta.id() || (base && base_meta.id() != local_meta.id())) {
    return result;
  }
  RecordMeta meta = MergedMeta(base_meta, local_meta, remote_meta);

  // Deletes: the record survives only through a live side that was edited (or, with no
  // base, any live side); it survives as that side has it.
  if (local_meta.deleted() || remote_meta.deleted()) {
    const Message* live = !local_meta.deleted()    ? &local
                          : !remote_meta.deleted() ? &remote
                                                   : nullptr;
    if (live && (!base || !SameContent(*base, *live, meta_field))) {
      result.merged = Clone(*live);
      meta.set_deleted(false);
    } else {
      result.merged.reset(local.New());  // a tombstone: meta only
      meta.set_deleted(true);
    }
    SetMeta(result.merged.get(), meta_field, meta);
    return result;
  }

  // Both live. With no base, the empty record stands in for it.
  const std::unique_ptr<Message> empty(local.New());
  const Message& b = base ? *base : *empty;
  const bool is_event = type->full_name() == kEventType;
  const bool local_later = local_meta.modified_ms() > remote_meta.modified_ms();
  const bool conflicts_to_local = is_event && local_later;

  const std::vector<Unit> units = UnitsOf(*type, meta_field);
  std::vector<const Unit*> conflicts;
  result.merged = Clone(remote);
  for (const Unit& unit : units) {
    if (unit.is_set) {
      MergeSet(b, local, remote, unit, result.merged.get());
      continue;
    }
    if (UnitEqual(local, remote, unit)) continue;
    if (UnitEqual(b, local, unit)) continue;  // only remote changed it: remote's
    if (!UnitEqual(b, remote, unit)) {        // both changed it, differently
      conflicts.push_back(&unit);
      result.conflicting_fields.push_back(unit.name);
      if (!conflicts_to_local) continue;
    }
    TakeUnit(local, result.merged.get(), unit);
  }
  const UnknownMerge unknown = MergeUnknown(
      b.GetReflection()->GetUnknownFields(b), local.GetReflection()->GetUnknownFields(local),
      remote.GetReflection()->GetUnknownFields(remote), conflicts_to_local);
  for (int number : unknown.conflicts) {
    result.conflicting_fields.push_back("#" + std::to_string(number));
  }
  WriteUnknown(result.merged.get(), unknown.merged);
  meta.set_deleted(false);
  SetMeta(result.merged.get(), meta_field, meta);

  if (is_event || result.conflicting_fields.empty()) return result;
  result.conflict_copy = Clone(*result.merged);
  for (const Unit* unit : conflicts) TakeUnit(local, result.conflict_copy.get(), *unit);
  WriteUnknown(result.conflict_copy.get(), unknown.copy);
  RecordMeta copy_meta;
  copy_meta.set_conflict_of(local_meta.id());
  copy_meta.set_modified_ms(local_meta.modified_ms());
  SetMeta(result.conflict_copy.get(), meta_field, copy_meta);
  return result;
}

}  // namespace swivel::os::sync
