#include "os/sync/merge.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "proto/pim.pb.h"

namespace swivel::os::sync {
namespace {

namespace proto = ::swivel::pim;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;

std::string Id() { return std::string(16, '\x07'); }

// Merge with the results as the record type, so tests read fields directly.
template <typename M>
struct Merged {
  M merged;
  std::optional<M> copy;
  std::vector<std::string> conflicts;
};

template <typename M>
Merged<M> MergeAs(const M* base, const M& local, const M& remote) {
  MergeResult r = Merge(base, local, remote);
  Merged<M> out;
  EXPECT_NE(r.merged, nullptr);
  if (r.merged) out.merged.CopyFrom(*r.merged);
  if (r.conflict_copy) out.copy.emplace().CopyFrom(*r.conflict_copy);
  out.conflicts = r.conflicting_fields;
  return out;
}

const google::protobuf::UnknownFieldSet& Unknown(const Message& m) {
  return m.GetReflection()->GetUnknownFields(m);
}
google::protobuf::UnknownFieldSet* MutableUnknown(Message& m) {
  return m.GetReflection()->MutableUnknownFields(&m);
}

std::string Bytes(const Message& m) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    m.SerializePartialToCodedStream(&coded);
  }
  return out;
}

void SetMeta(proto::RecordMeta* meta, uint64_t revision, int64_t modified_ms) {
  meta->set_id(Id());
  meta->set_revision(revision);
  meta->set_modified_ms(modified_ms);
}

proto::Phone MakePhone(const std::string& number) {
  proto::Phone p;
  p.set_label(proto::LABEL_MOBILE);
  p.set_number(number);
  return p;
}

proto::Contact BaseContact() {
  proto::Contact c;
  SetMeta(c.mutable_meta(), 3, 1000);
  c.set_display_name("Ada Lovelace");
  c.mutable_name()->set_given("Ada");
  c.mutable_name()->set_family("Lovelace");
  c.set_nickname("Ada");
  *c.add_phones() = MakePhone("+44 1");
  *c.add_phones() = MakePhone("+44 2");
  c.add_emails()->set_address("ada@example.org");
  c.set_note("mathematician");
  return c;
}

// A side's version: the base with its own revision and edit time.
template <typename M>
M Side(const M& base, uint64_t revision, int64_t modified_ms) {
  M m = base;
  SetMeta(m.mutable_meta(), revision, modified_ms);
  return m;
}

std::vector<std::string> Numbers(const proto::Contact& c) {
  std::vector<std::string> out;
  for (const auto& p : c.phones()) out.push_back(p.number());
  return out;
}

// ---- Contacts --------------------------------------------------------------------------

TEST(MergeContact, EditsToDifferentFieldsMergeWithoutConflict) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  local.set_nickname("Countess");
  local.mutable_name()->set_middle("King");
  proto::Contact remote = Side(base, 5, 1500);
  remote.set_note("analyst");
  remote.mutable_organization()->set_company("Analytical Engine Ltd");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_FALSE(r.copy.has_value());
  EXPECT_EQ(r.merged.nickname(), "Countess");
  EXPECT_EQ(r.merged.name().middle(), "King");
  EXPECT_EQ(r.merged.name().given(), "Ada");
  EXPECT_EQ(r.merged.note(), "analyst");
  EXPECT_EQ(r.merged.organization().company(), "Analytical Engine Ltd");
  EXPECT_EQ(r.merged.display_name(), "Ada Lovelace");
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 1", "+44 2"}));
  EXPECT_EQ(r.merged.meta().id(), Id());
  EXPECT_EQ(r.merged.meta().revision(), 5u);
  EXPECT_EQ(r.merged.meta().modified_ms(), 2000);
  EXPECT_FALSE(r.merged.meta().deleted());
  EXPECT_TRUE(r.merged.meta().conflict_of().empty());
}

TEST(MergeContact, SameFieldSetToTwoValuesKeepsRemoteAndCopiesLocal) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  local.set_display_name("Ada King");
  local.set_nickname("Countess");  // merges
  proto::Contact remote = Side(base, 4, 1500);
  remote.set_display_name("Augusta Ada");
  *remote.add_phones() = MakePhone("+44 3");  // merges

  const auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.conflicts, (std::vector<std::string>{"display_name"}));
  EXPECT_EQ(r.merged.display_name(), "Augusta Ada");
  EXPECT_EQ(r.merged.nickname(), "Countess");
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 1", "+44 2", "+44 3"}));
  EXPECT_EQ(r.merged.meta().id(), Id());
  ASSERT_TRUE(r.copy.has_value());
  EXPECT_EQ(r.copy->display_name(), "Ada King");
  EXPECT_EQ(r.copy->nickname(), "Countess");
  EXPECT_EQ(Numbers(*r.copy), Numbers(r.merged));
  EXPECT_TRUE(r.copy->meta().id().empty());
  EXPECT_EQ(r.copy->meta().conflict_of(), Id());
  EXPECT_FALSE(r.copy->meta().deleted());
  EXPECT_EQ(r.copy->meta().modified_ms(), 2000);
  // Apart from the conflicting field and meta, the copy is the merged record.
  proto::Contact a = r.merged, b = *r.copy;
  a.clear_meta();
  b.clear_meta();
  b.set_display_name(a.display_name());
  EXPECT_TRUE(MessageDifferencer::Equals(a, b));
}

TEST(MergeContact, PhonesMergeAsSetsWithRemovals) {
  proto::Contact base = BaseContact();
  *base.add_phones() = MakePhone("+44 3");  // base: 1, 2, 3
  proto::Contact local = Side(base, 4, 2000);
  local.mutable_phones()->DeleteSubrange(1, 1);  // removes 2
  *local.add_phones() = MakePhone("+44 4");
  proto::Contact remote = Side(base, 4, 1500);
  *remote.add_phones() = MakePhone("+44 5");
  remote.add_urls("https://example.org/ada");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_FALSE(r.copy.has_value());
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 1", "+44 3", "+44 4", "+44 5"}));
  ASSERT_EQ(r.merged.urls_size(), 1);
  EXPECT_EQ(r.merged.urls(0), "https://example.org/ada");
}

TEST(MergeContact, RemovalsOnBothSidesAndSameAdditionAppearOnce) {
  const proto::Contact base = BaseContact();  // 1, 2
  proto::Contact local = Side(base, 4, 2000);
  local.mutable_phones()->DeleteSubrange(0, 1);  // removes 1
  *local.add_phones() = MakePhone("+44 9");
  local.add_emails()->set_address("ada@lovelace.example");
  proto::Contact remote = Side(base, 4, 1500);
  remote.mutable_phones()->DeleteSubrange(1, 1);  // removes 2
  *remote.add_phones() = MakePhone("+44 9");
  remote.add_emails()->set_address("ada@lovelace.example");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 9"}));
  ASSERT_EQ(r.merged.emails_size(), 2);
  EXPECT_EQ(r.merged.emails(1).address(), "ada@lovelace.example");
}

TEST(MergeContact, SamePhoneAddedOnBothSidesAppearsOnce) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  *local.add_phones() = MakePhone("+44 7");
  *local.add_phones() = MakePhone("+44 8");
  proto::Contact remote = Side(base, 4, 1500);
  *remote.add_phones() = MakePhone("+44 6");
  *remote.add_phones() = MakePhone("+44 7");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_EQ(Numbers(r.merged),
            (std::vector<std::string>{"+44 1", "+44 2", "+44 7", "+44 8", "+44 6"}));
}

TEST(MergeContact, AReorderOnOneSideSurvives) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  local.mutable_phones()->SwapElements(0, 1);
  proto::Contact remote = Side(base, 4, 1500);
  remote.set_note("changed");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 2", "+44 1"}));
  EXPECT_EQ(r.merged.note(), "changed");
}

// ---- Events ----------------------------------------------------------------------------

proto::Event BaseEvent() {
  proto::Event e;
  SetMeta(e.mutable_meta(), 2, 1000);
  e.set_title("Review");
  e.set_start_ms(1767225600000);
  e.set_end_ms(1767229200000);
  e.set_location("Room 1");
  e.add_reminders()->set_minutes_before(10);
  return e;
}

TEST(MergeEvent, SameFieldChangedOnBothSidesTakesTheLaterEdit) {
  const proto::Event base = BaseEvent();
  proto::Event local = Side(base, 3, 5000);
  local.set_title("Design review");
  proto::Event remote = Side(base, 3, 4000);
  remote.set_title("Review (moved)");
  remote.set_location("Room 2");  // merges

  auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.merged.title(), "Design review");  // local is later
  EXPECT_EQ(r.merged.location(), "Room 2");
  EXPECT_FALSE(r.copy.has_value());
  EXPECT_EQ(r.conflicts, (std::vector<std::string>{"title"}));

  local.mutable_meta()->set_modified_ms(3000);  // now remote is later
  r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.merged.title(), "Review (moved)");
  EXPECT_FALSE(r.copy.has_value());

  local.mutable_meta()->set_modified_ms(4000);  // a tie goes to remote
  r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.merged.title(), "Review (moved)");
  EXPECT_FALSE(r.copy.has_value());
}

TEST(MergeEvent, RemindersAndAttendeesMergeAsSets) {
  const proto::Event base = BaseEvent();
  proto::Event local = Side(base, 3, 5000);
  local.add_reminders()->set_minutes_before(60);
  local.add_attendees()->set_email("a@example.org");
  proto::Event remote = Side(base, 3, 6000);
  remote.clear_reminders();
  remote.add_reminders()->set_minutes_before(5);
  remote.add_attendees()->set_email("b@example.org");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  ASSERT_EQ(r.merged.reminders_size(), 2);
  EXPECT_EQ(r.merged.reminders(0).minutes_before(), 60);
  EXPECT_EQ(r.merged.reminders(1).minutes_before(), 5);
  ASSERT_EQ(r.merged.attendees_size(), 2);
  EXPECT_EQ(r.merged.attendees(0).email(), "a@example.org");
  EXPECT_EQ(r.merged.attendees(1).email(), "b@example.org");
}

// ---- Other types -----------------------------------------------------------------------

TEST(MergeTask, AOneofMergesAsOneUnit) {
  proto::Task base;
  SetMeta(base.mutable_meta(), 1, 1000);
  base.set_title("Taxes");
  proto::Task local = Side(base, 2, 2000);
  local.mutable_due_date()->set_year(2026);
  local.mutable_due_date()->set_month(4);
  local.mutable_due_date()->set_day(30);
  proto::Task remote = Side(base, 2, 3000);
  remote.set_due_ms(1777550400000);

  auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.conflicts, (std::vector<std::string>{"due"}));
  EXPECT_EQ(r.merged.due_case(), proto::Task::kDueMs);
  EXPECT_EQ(r.merged.due_ms(), 1777550400000);
  ASSERT_TRUE(r.copy.has_value());
  EXPECT_EQ(r.copy->due_case(), proto::Task::kDueDate);
  EXPECT_EQ(r.copy->due_date().month(), 4);

  // Changed on one side only: that side's case and value.
  remote = Side(base, 2, 3000);
  remote.set_title("Taxes 2025");
  r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_EQ(r.merged.due_case(), proto::Task::kDueDate);
  EXPECT_EQ(r.merged.title(), "Taxes 2025");
}

TEST(MergeNote, ConflictingBodyMakesACopy) {
  proto::Note base;
  SetMeta(base.mutable_meta(), 1, 1000);
  base.set_title("Shopping");
  base.set_body("milk");
  proto::Note local = Side(base, 2, 2000), remote = Side(base, 2, 3000);
  local.set_body("milk, eggs");
  remote.set_body("milk, bread");
  const auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.merged.body(), "milk, bread");
  ASSERT_TRUE(r.copy.has_value());
  EXPECT_EQ(r.copy->body(), "milk, eggs");
  EXPECT_EQ(r.copy->title(), "Shopping");
}

// ---- Deletes ---------------------------------------------------------------------------

proto::Contact Tombstone(uint64_t revision, int64_t modified_ms) {
  proto::Contact c;
  SetMeta(c.mutable_meta(), revision, modified_ms);
  c.mutable_meta()->set_deleted(true);
  return c;
}

TEST(MergeDelete, EditVersusDeleteKeepsTheEditBothWays) {
  const proto::Contact base = BaseContact();
  proto::Contact edited = Side(base, 4, 2000);
  edited.set_nickname("Countess");
  const proto::Contact deleted = Tombstone(5, 3000);

  for (const bool local_deleted : {true, false}) {
    SCOPED_TRACE(local_deleted ? "local deleted" : "remote deleted");
    const auto r =
        local_deleted ? MergeAs(&base, deleted, edited) : MergeAs(&base, edited, deleted);
    EXPECT_FALSE(r.merged.meta().deleted());
    EXPECT_EQ(r.merged.nickname(), "Countess");
    EXPECT_EQ(r.merged.display_name(), "Ada Lovelace");
    EXPECT_EQ(Numbers(r.merged), Numbers(base));
    EXPECT_EQ(r.merged.meta().id(), Id());
    EXPECT_EQ(r.merged.meta().revision(), 5u);
    EXPECT_FALSE(r.copy.has_value());
  }
}

TEST(MergeDelete, DeleteVersusUnchangedDeletesBothWays) {
  const proto::Contact base = BaseContact();
  const proto::Contact unchanged = Side(base, 3, 1000);
  const proto::Contact deleted = Tombstone(4, 3000);

  for (const bool local_deleted : {true, false}) {
    SCOPED_TRACE(local_deleted ? "local deleted" : "remote deleted");
    const auto r =
        local_deleted ? MergeAs(&base, deleted, unchanged) : MergeAs(&base, unchanged, deleted);
    EXPECT_TRUE(r.merged.meta().deleted());
    EXPECT_EQ(r.merged.meta().id(), Id());
    proto::Contact content = r.merged;
    content.clear_meta();
    EXPECT_EQ(content.ByteSizeLong(), 0u) << "a tombstone holds meta only";
    EXPECT_FALSE(r.copy.has_value());
  }
}

TEST(MergeDelete, BothDeletedStaysDeleted) {
  const proto::Contact base = BaseContact();
  const auto r = MergeAs(&base, Tombstone(4, 2000), Tombstone(6, 1500));
  EXPECT_TRUE(r.merged.meta().deleted());
  EXPECT_EQ(r.merged.meta().revision(), 6u);
  EXPECT_EQ(r.merged.meta().modified_ms(), 2000);
}

TEST(MergeDelete, WithoutABaseTheLiveSideSurvives) {
  const proto::Contact live = Side(BaseContact(), 1, 1000);
  for (const bool local_deleted : {true, false}) {
    SCOPED_TRACE(local_deleted ? "local deleted" : "remote deleted");
    const auto r = local_deleted ? MergeAs<proto::Contact>(nullptr, Tombstone(2, 2000), live)
                                 : MergeAs<proto::Contact>(nullptr, live, Tombstone(2, 2000));
    EXPECT_FALSE(r.merged.meta().deleted());
    EXPECT_EQ(r.merged.display_name(), "Ada Lovelace");
  }
}

// ---- No base ---------------------------------------------------------------------------

TEST(MergeNoBase, SetsAreUnitedAndDifferingValuesMakeACopy) {
  proto::Contact local;
  SetMeta(local.mutable_meta(), 1, 2000);
  local.set_display_name("Ada");
  local.set_nickname("Countess");
  *local.add_phones() = MakePhone("+44 1");
  *local.add_phones() = MakePhone("+44 2");
  proto::Contact remote;
  SetMeta(remote.mutable_meta(), 1, 1000);
  remote.set_display_name("Augusta Ada King");
  remote.set_note("met at the Babbage party");
  *remote.add_phones() = MakePhone("+44 2");
  *remote.add_phones() = MakePhone("+44 3");

  const auto r = MergeAs<proto::Contact>(nullptr, local, remote);
  EXPECT_EQ(Numbers(r.merged), (std::vector<std::string>{"+44 1", "+44 2", "+44 3"}));
  EXPECT_EQ(r.conflicts, (std::vector<std::string>{"display_name"}));
  EXPECT_EQ(r.merged.display_name(), "Augusta Ada King");
  // A value set on one side only is no conflict.
  EXPECT_EQ(r.merged.nickname(), "Countess");
  EXPECT_EQ(r.merged.note(), "met at the Babbage party");
  ASSERT_TRUE(r.copy.has_value());
  EXPECT_EQ(r.copy->display_name(), "Ada");
  EXPECT_EQ(r.copy->meta().conflict_of(), Id());
  EXPECT_TRUE(r.copy->meta().id().empty());
}

// ---- Unknown fields (a newer schema) ---------------------------------------------------

TEST(MergeUnknown, AFieldAddedToTheSchemaLaterSurvives) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  MutableUnknown(local)->AddVarint(16, 42);  // a newer device set field 16
  proto::Contact remote = Side(base, 4, 1500);
  remote.set_note("analyst");
  MutableUnknown(remote)->AddLengthDelimited(17, "pronouns: she/her");

  const auto r = MergeAs(&base, local, remote);
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_EQ(r.merged.note(), "analyst");
  // Through the wire and back, as the next device sees it.
  proto::Contact parsed;
  ASSERT_TRUE(parsed.ParseFromString(r.merged.SerializeAsString()));
  const auto& unknown = Unknown(parsed);
  ASSERT_EQ(unknown.field_count(), 2);
  EXPECT_EQ(unknown.field(0).number(), 16);
  EXPECT_EQ(unknown.field(0).varint(), 42u);
  EXPECT_EQ(unknown.field(1).number(), 17);
  EXPECT_EQ(unknown.field(1).length_delimited(), "pronouns: she/her");
}

TEST(MergeUnknown, AnUnknownFieldSetToTwoValuesIsAConflict) {
  proto::Contact base = BaseContact();
  MutableUnknown(base)->AddVarint(16, 1);
  proto::Contact local = Side(base, 4, 2000), remote = Side(base, 4, 1500);
  MutableUnknown(local)->mutable_field(0)->set_varint(2);
  MutableUnknown(remote)->mutable_field(0)->set_varint(3);

  const auto r = MergeAs(&base, local, remote);
  EXPECT_EQ(r.conflicts, (std::vector<std::string>{"#16"}));
  ASSERT_EQ(Unknown(r.merged).field_count(), 1);
  EXPECT_EQ(Unknown(r.merged).field(0).varint(), 3u);
  ASSERT_TRUE(r.copy.has_value());
  ASSERT_EQ(Unknown(*r.copy).field_count(), 1);
  EXPECT_EQ(Unknown(*r.copy).field(0).varint(), 2u);
}

TEST(MergeUnknown, AnEditOnlyInAnUnknownFieldStillBeatsADelete) {
  const proto::Contact base = BaseContact();
  proto::Contact edited = Side(base, 4, 2000);
  MutableUnknown(edited)->AddVarint(16, 42);
  const auto r = MergeAs(&base, Tombstone(5, 3000), edited);
  EXPECT_FALSE(r.merged.meta().deleted());
  ASSERT_EQ(Unknown(r.merged).field_count(), 1);
}

// ---- Determinism -----------------------------------------------------------------------

TEST(MergeDeterminism, TheResultIsAFunctionOfTheThreeInputsOnly) {
  const proto::Contact base = BaseContact();
  proto::Contact local = Side(base, 4, 2000);
  local.set_display_name("Ada King");
  *local.add_phones() = MakePhone("+44 4");
  MutableUnknown(local)->AddVarint(18, 7);
  proto::Contact remote = Side(base, 5, 1500);
  remote.set_display_name("Augusta Ada");
  remote.mutable_phones()->DeleteSubrange(0, 1);

  const MergeResult first = Merge(&base, local, remote);
  const MergeResult second = Merge(&base, local, remote);
  ASSERT_NE(first.merged, nullptr);
  ASSERT_NE(first.conflict_copy, nullptr);
  ASSERT_NE(second.merged, nullptr);
  ASSERT_NE(second.conflict_copy, nullptr);
  EXPECT_EQ(Bytes(*first.merged), Bytes(*second.merged));
  EXPECT_EQ(Bytes(*first.conflict_copy), Bytes(*second.conflict_copy));
  EXPECT_EQ(first.conflicting_fields, second.conflicting_fields);

  // Another device holding the same three versions (here: parsed from the wire into fresh
  // objects) computes the same bytes.
  proto::Contact base2, local2, remote2;
  ASSERT_TRUE(base2.ParseFromString(base.SerializeAsString()));
  ASSERT_TRUE(local2.ParseFromString(local.SerializeAsString()));
  ASSERT_TRUE(remote2.ParseFromString(remote.SerializeAsString()));
  const MergeResult elsewhere = Merge(&base2, local2, remote2);
  ASSERT_NE(elsewhere.merged, nullptr);
  ASSERT_NE(elsewhere.conflict_copy, nullptr);
  EXPECT_EQ(Bytes(*first.merged), Bytes(*elsewhere.merged));
  EXPECT_EQ(Bytes(*first.conflict_copy), Bytes(*elsewhere.conflict_copy));

  // Once agreed on, the merged record merges with itself to itself, with no conflict.
  const MergeResult again = Merge(first.merged.get(), *first.merged, *first.merged);
  ASSERT_NE(again.merged, nullptr);
  EXPECT_EQ(Bytes(*again.merged), Bytes(*first.merged));
  EXPECT_EQ(again.conflict_copy, nullptr);
}

TEST(MergeContract, InputsOfDifferentTypesOrIdsAreRefused) {
  const proto::Contact contact = BaseContact();
  const proto::Note note;
  EXPECT_EQ(Merge(nullptr, contact, note).merged, nullptr);
  proto::Contact other = contact;
  other.mutable_meta()->set_id(std::string(16, '\x08'));
  EXPECT_EQ(Merge(nullptr, contact, other).merged, nullptr);
  EXPECT_EQ(Merge(&other, contact, contact).merged, nullptr);
  const proto::Phone not_a_record;
  EXPECT_EQ(Merge(nullptr, not_a_record, not_a_record).merged, nullptr);
}

// ---- Property: random edits on both sides lose nothing ---------------------------------

struct ScalarField {
  const char* name;
  std::function<std::string(const proto::Contact&)> get;
  std::function<void(proto::Contact&, std::mt19937&)> set;
};

template <typename T>
const T& Pick(const std::vector<T>& from, std::mt19937& rng) {
  return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
}

std::vector<ScalarField> ContactScalars() {
  static const std::vector<std::string> kNames = {"", "Ada", "Ada King", "Augusta", "A. L."};
  return {
      {"display_name", [](const proto::Contact& c) { return c.display_name(); },
       [](proto::Contact& c, std::mt19937& rng) { c.set_display_name(Pick(kNames, rng)); }},
      {"nickname", [](const proto::Contact& c) { return c.nickname(); },
       [](proto::Contact& c, std::mt19937& rng) { c.set_nickname(Pick(kNames, rng)); }},
      {"note", [](const proto::Contact& c) { return c.note(); },
       [](proto::Contact& c, std::mt19937& rng) { c.set_note(Pick(kNames, rng)); }},
      // By meaning: an empty message is the same value as an unset one (the merge compares
      // with MessageDifferencer, which holds them equal).
      {"name", [](const proto::Contact& c) { return Bytes(c.name()); },
       [](proto::Contact& c, std::mt19937& rng) {
         if (std::bernoulli_distribution(0.2)(rng)) {
           c.clear_name();
         } else {
           c.mutable_name()->set_given(Pick(kNames, rng));
         }
       }},
      {"organization", [](const proto::Contact& c) { return Bytes(c.organization()); },
       [](proto::Contact& c, std::mt19937& rng) {
         c.mutable_organization()->set_company(Pick(kNames, rng));
       }},
  };
}

// Phones in the pool differ by number only, so a set of numbers is the set of elements.
void RandomPhones(proto::Contact& c, std::mt19937& rng) {
  c.clear_phones();
  for (int i = 0; i < 8; ++i) {
    if (std::bernoulli_distribution(0.4)(rng))
      *c.add_phones() = MakePhone("+1 55" + std::to_string(i));
  }
  std::shuffle(c.mutable_phones()->begin(), c.mutable_phones()->end(), rng);
}

void RandomEdit(proto::Contact& c, std::mt19937& rng, const std::vector<ScalarField>& scalars) {
  for (const auto& field : scalars) {
    if (std::bernoulli_distribution(0.3)(rng)) field.set(c, rng);
  }
  // Remove some phones, add some from the pool (maybe the same the other side adds).
  for (int i = c.phones_size() - 1; i >= 0; --i) {
    if (std::bernoulli_distribution(0.25)(rng)) c.mutable_phones()->DeleteSubrange(i, 1);
  }
  for (int i = 0; i < 10; ++i) {
    if (!std::bernoulli_distribution(0.15)(rng)) continue;
    const std::string number = "+1 55" + std::to_string(i);
    const auto numbers = Numbers(c);
    if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) {
      *c.add_phones() = MakePhone(number);
    }
  }
}

TEST(MergeProperty, RandomContactEditsLoseNothing) {
  std::mt19937 rng(20240917);
  const std::vector<ScalarField> scalars = ContactScalars();
  int conflicts_seen = 0;
  for (int run = 0; run < 2000; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    proto::Contact base;
    SetMeta(base.mutable_meta(), 1, 1000);
    for (const auto& field : scalars) {
      if (std::bernoulli_distribution(0.6)(rng)) field.set(base, rng);
    }
    RandomPhones(base, rng);
    const bool has_base = std::bernoulli_distribution(0.8)(rng);
    proto::Contact local = Side(base, 2, 2000), remote = Side(base, 2, 3000);
    if (!has_base) {
      // Created on both sides: each its own content.
      for (auto* side : {&local, &remote}) {
        for (const auto& field : scalars) {
          if (std::bernoulli_distribution(0.6)(rng)) field.set(*side, rng);
        }
        RandomPhones(*side, rng);
      }
    }
    RandomEdit(local, rng, scalars);
    RandomEdit(remote, rng, scalars);
    proto::Contact empty;
    const proto::Contact& b = has_base ? base : empty;

    const auto r = MergeAs(has_base ? &base : nullptr, local, remote);
    const auto numbers = Numbers(r.merged);
    const std::set<std::string> got(numbers.begin(), numbers.end());
    EXPECT_EQ(got.size(), numbers.size()) << "a phone appears twice";
    const auto bn = Numbers(b), ln = Numbers(local), rn = Numbers(remote);
    const std::set<std::string> in_base(bn.begin(), bn.end()), in_local(ln.begin(), ln.end()),
        in_remote(rn.begin(), rn.end());
    for (const auto& n : in_local) {
      if (!in_base.contains(n)) {
        EXPECT_TRUE(got.contains(n)) << "local added " << n;
      }
      if (in_remote.contains(n)) {
        EXPECT_TRUE(got.contains(n)) << "both have " << n;
      }
    }
    for (const auto& n : in_remote) {
      if (!in_base.contains(n)) {
        EXPECT_TRUE(got.contains(n)) << "remote added " << n;
      }
    }
    for (const auto& n : got) {
      EXPECT_TRUE(in_local.contains(n) || in_remote.contains(n)) << "invented " << n;
      const bool removed = in_base.contains(n) && (!in_local.contains(n) || !in_remote.contains(n));
      EXPECT_FALSE(removed) << "removed " << n << " came back";
    }

    // Every value a side changed is in the merged record or the copy.
    for (const auto& field : scalars) {
      for (const auto* side : {&local, &remote}) {
        const std::string value = field.get(*side);
        if (value == field.get(b)) continue;
        const bool kept = value == field.get(r.merged) || (r.copy && value == field.get(*r.copy));
        EXPECT_TRUE(kept) << field.name << " lost " << (side == &local ? "local" : "remote")
                          << "'s value\nbase   " << b.ShortDebugString() << "\nlocal  "
                          << local.ShortDebugString() << "\nremote " << remote.ShortDebugString()
                          << "\nmerged " << r.merged.ShortDebugString();
      }
    }
    EXPECT_EQ(r.copy.has_value(), !r.conflicts.empty());
    if (r.copy) {
      ++conflicts_seen;
      EXPECT_EQ(r.copy->meta().conflict_of(), Id());
      EXPECT_TRUE(r.copy->meta().id().empty());
      EXPECT_EQ(Numbers(*r.copy), numbers);
    }
  }
  EXPECT_GT(conflicts_seen, 100) << "the generator should make conflicts";
}

}  // namespace
}  // namespace swivel::os::sync
