#pragma once
// Three-way merge of one PIM record, for the sync agent when the server answers a push with
// CONFLICT (see proto/sync.proto). Pure functions: no I/O, no clock, no randomness, so the
// result depends on the three inputs only and every device that merges the same versions
// gets the same bytes.
//
// Inputs are records of one type (Contact, Event, Task, Note, Photo: any message whose
// field 1 is `swivel.pim.RecordMeta meta`) with the same meta.id:
//   base   the last version both sides agreed on, or nullptr when there is none (created
//          on both sides, or the device lost its base);
//   local  the device's version;
//   remote the server's current version.
//
// Rules, per top-level field ("unit"; a oneof such as Task.due is one unit, so its cases are
// never mixed from two sides), found by reflection so fields added later are covered too:
// - equal on both sides: kept; changed on one side only (compared with base, by value):
//   that side's value; changed on both sides to different values: a conflict. Values are
//   compared by meaning with MessageDifferencer, so an empty message (e.g. `organization {}`)
//   equals an unset one.
// - Set fields (Contact phones, emails, addresses, urls; Event reminders, attendees) merge
//   as sets and never conflict. An element is its serialized value. The result holds the
//   base elements both sides kept plus each side's additions, in local's order, then
//   remote's additions in remote's order; an element either side removed is gone; equal
//   elements appear once. When one side's list equals the base, the other's is taken as it
//   is (a reorder on one side survives).
// - Conflicts: an Event takes the later edit (greater meta.modified_ms, a tie goes to
//   remote) and makes no copy; the losing value is gone, and only the field's name is
//   reported. (pim.proto calls modified_ms display only; the issue asks for the later edit
//   on events. It decides only between two values both sides wrote.) Every other type
//   takes remote's value in the merged record (so every device that pulls it sees the
//   same) and gets a conflict copy: the merged record with local's value in each
//   conflicting unit, meta.id empty (the caller assigns one), meta.conflict_of = the
//   record's id, meta.modified_ms = local's, revision 0, deleted false.
// - Without a base, the empty record of the type stands in for it: a field set on one side
//   only is taken, sets are unioned, and only values set on both sides and different
//   conflict.
// - Deletes (meta.deleted): both deleted -> a tombstone. One deleted and the other live:
//   with a base, the live side survives as it is (undeleted) if its content differs from
//   the base, and otherwise the record is deleted; without a base the live side survives.
//   A tombstone holds meta only, as the repository writes them.
// - Unknown fields (written by newer devices) are merged like fields, one unit per field
//   number: unchanged or changed on one side -> that value, both changed differently ->
//   a conflict (reported as "#<number>", resolved as above; the copy carries local's).
//   They are kept in ascending field number order. Unknown fields inside a field's value
//   (e.g. in a Phone) travel with that value.
// - Meta of the merged record: the id; deleted as above; revision and modified_ms the
//   greater of local's and remote's; conflict_of and meta's own unknown fields merged
//   three-way with conflicts going to remote.
#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <vector>

namespace swivel::os::sync {

struct MergeResult {
  // The record to store and push (with the server's stamp as its new base). Null only when
  // the inputs break the contract above (types differ, no RecordMeta at field 1, ids differ).
  std::unique_ptr<google::protobuf::Message> merged;
  // A new record holding local's side of what could not merge, to save under a fresh id and
  // push; null when there is none (always null for an Event).
  std::unique_ptr<google::protobuf::Message> conflict_copy;
  // Units changed on both sides to different values, in field declaration order, then
  // unknown fields as "#<number>". Also listed for an Event, where the later edit won.
  std::vector<std::string> conflicting_fields;
};

MergeResult Merge(const google::protobuf::Message* base, const google::protobuf::Message& local,
                  const google::protobuf::Message& remote);

// Whether `field` (a top-level field of a record) merges as a set.
bool IsSetField(const google::protobuf::FieldDescriptor& field);

}  // namespace swivel::os::sync
