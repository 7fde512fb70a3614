#include "proto/pim.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swivel::pim {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::FieldDescriptorProto;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;

// Serializes and parses back into a fresh message, as the store or the wire would.
template <typename M>
M round_trip(const M& in) {
  std::string bytes;
  EXPECT_TRUE(in.SerializeToString(&bytes));
  M out;
  EXPECT_TRUE(out.ParseFromString(bytes)) << "bytes from SerializeToString must parse";
  return out;
}

// 16 distinct id bytes, including a NUL, so a C-string slip would truncate it.
std::string make_id(std::uint8_t seed) {
  std::string id(16, '\0');
  for (std::size_t i = 1; i < id.size(); ++i) id[i] = static_cast<char>(seed + 37 * i);
  return id;
}

RecordMeta make_meta(std::uint8_t seed) {
  RecordMeta meta;
  meta.set_id(make_id(seed));
  meta.set_revision(40 + seed);
  meta.set_modified_ms(1'256'000'000'000 + seed);  // October 2009
  return meta;
}

Contact full_contact() {
  Contact c;
  *c.mutable_meta() = make_meta(1);
  // A conflict copy made by sync, so that meta.conflict_of round-trips too.
  c.mutable_meta()->set_conflict_of(make_id(9));
  auto* n = c.mutable_name();
  n->set_prefix("Dr.");
  n->set_given("Haruki");
  n->set_middle("J.");
  n->set_family("Sato");
  n->set_suffix("Jr.");
  n->set_phonetic_given("はるき");
  n->set_phonetic_family("さとう");
  c.set_display_name("Dr. Haruki Sato");
  c.set_nickname("Haru");

  auto add_phone = [&](Label label, const char* custom, const char* number, bool preferred) {
    auto* p = c.add_phones();
    p->set_label(label);
    p->set_custom_label(custom);
    p->set_number(number);
    p->set_preferred(preferred);
  };
  add_phone(LABEL_MOBILE, "Personal cell", "+1 206 555 0100", true);
  add_phone(LABEL_WORK, "", "+1 (425) 555-0199 x12", false);
  add_phone(LABEL_OTHER, "Boat", "555 0142", false);

  auto add_email = [&](Label label, const char* custom, const char* address, bool preferred) {
    auto* e = c.add_emails();
    e->set_label(label);
    e->set_custom_label(custom);
    e->set_address(address);
    e->set_preferred(preferred);
  };
  add_email(LABEL_HOME, "Personal", "haru@example.org", true);
  add_email(LABEL_OTHER, "Old school", "hsato@example.net", false);

  auto* home = c.add_addresses();
  home->set_label(LABEL_HOME);
  home->set_custom_label("Main house");
  home->set_po_box("PO Box 7");
  home->set_extended("Apt 3B");
  home->set_street("12 Pine St\nBuilding C");
  home->set_locality("Seattle");
  home->set_region("WA");
  home->set_postal_code("98101");
  home->set_country("USA");
  home->set_preferred(true);
  auto* work = c.add_addresses();
  work->set_label(LABEL_WORK);
  work->set_street("1-2-3 Shibuya");
  work->set_locality("Tokyo");
  work->set_country("Japan");

  auto* org = c.mutable_organization();
  org->set_company("Danger, Inc.");
  org->set_department("Services");
  org->set_title("Engineer");
  c.mutable_birthday()->set_year(1975);
  c.mutable_birthday()->set_month(2);
  c.mutable_birthday()->set_day(29);
  c.add_urls("https://example.org/haru");
  c.add_urls("https://example.net/~hsato");
  c.set_note("Met at the 2009 outage post-mortem.\nLikes backups.");
  return c;
}

Event timed_event() {
  Event e;
  *e.mutable_meta() = make_meta(2);
  e.set_title("Weekly backup review");
  e.set_start_ms(1'255'939'200'000);
  e.set_end_ms(1'255'942'800'000);
  e.set_time_zone("America/Los_Angeles");
  e.mutable_recurrence()->set_rrule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");
  e.mutable_recurrence()->add_exdates_ms(1'256'112'000'000);
  e.set_location("Room 4");
  e.set_description("Check that the backup restores.");
  auto* r1 = e.add_reminders();
  r1->set_minutes_before(15);
  r1->set_method(Reminder::METHOD_DISPLAY);
  auto* r2 = e.add_reminders();
  r2->set_minutes_before(1440);
  r2->set_method(Reminder::METHOD_EMAIL);
  auto* a = e.add_attendees();
  a->set_name("Haruki Sato");
  a->set_email("haru@example.org");
  a->set_role(Attendee::ROLE_CHAIR);
  a->set_status(Attendee::STATUS_ACCEPTED);
  auto* b = e.add_attendees();
  b->set_name("Ops");
  b->set_email("ops@example.org");
  b->set_role(Attendee::ROLE_OPTIONAL);
  b->set_status(Attendee::STATUS_TENTATIVE);
  return e;
}

Event all_day_event() {
  Event e;
  *e.mutable_meta() = make_meta(3);
  e.set_title("Holiday");
  e.set_all_day(true);
  auto set_date = [](Date* d, int y, int m, int day) {
    d->set_year(y);
    d->set_month(m);
    d->set_day(day);
  };
  set_date(e.mutable_start_date(), 2009, 12, 24);
  set_date(e.mutable_end_date(), 2009, 12, 27);  // exclusive: 24th-26th
  e.mutable_recurrence()->set_rrule("FREQ=YEARLY");
  set_date(e.mutable_recurrence()->add_exdates(), 2010, 12, 24);
  return e;
}

Task task_due_on_a_day() {
  Task t;
  *t.mutable_meta() = make_meta(4);
  t.set_title("Pull the battery and check the contacts");
  t.mutable_due_date()->set_year(2009);
  t.mutable_due_date()->set_month(10);
  t.mutable_due_date()->set_day(10);
  t.set_priority(1);
  t.set_completed(true);
  t.set_completed_ms(1'255'100'000'000);
  t.set_note("All 1,000 contacts still there.");
  return t;
}

Task task_due_at_an_instant() {
  Task t;
  *t.mutable_meta() = make_meta(5);
  t.set_title("Call the carrier");
  t.set_due_ms(1'255'190'400'000);
  t.set_priority(9);
  return t;
}

Note full_note() {
  Note n;
  *n.mutable_meta() = make_meta(6);
  n.set_title("Shopping");
  n.set_body("milk\neggs\n\tand a spare battery");
  return n;
}

Photo full_photo() {
  Photo p;
  *p.mutable_meta() = make_meta(7);
  p.set_captured_ms(1'254'900'000'000);
  p.set_width(1600);
  p.set_height(1200);
  p.set_caption("Sunset over the pier");
  p.set_mime_type("image/jpeg");
  p.set_byte_size(412'331);
  std::string hash(32, '\0');
  for (std::size_t i = 0; i < hash.size(); ++i) hash[i] = static_cast<char>(0xe3 ^ (11 * i));
  p.set_sha256(hash);
  return p;
}

// Every field of m (recursively) that still holds its default, so a test meant to cover
// every field notices when the schema grows and the test does not.
void collect_unset(const Message& m, const std::string& path, std::vector<std::string>* unset) {
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const std::string name = path + f->name();
    if (f->is_repeated()) {
      const int n = r->FieldSize(m, f);
      if (n == 0) unset->push_back(name);
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        for (int k = 0; k < n; ++k) {
          // Each element need not set everything (a work address has no PO box), but the
          // union over elements must, which the first element is made to cover.
          if (k == 0) collect_unset(r->GetRepeatedMessage(m, f, k), name + "[0].", unset);
        }
      }
    } else if (!r->HasField(m, f)) {
      unset->push_back(name);
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      collect_unset(r->GetMessage(m, f), name + ".", unset);
    }
  }
}

TEST(PimProto, FullContactRoundTrips) {
  const Contact in = full_contact();
  std::vector<std::string> unset;
  collect_unset(in, "", &unset);
  // deleted stays false on a live record; everything else is exercised.
  EXPECT_EQ(unset, (std::vector<std::string>{"meta.deleted"}));

  const Contact out = round_trip(in);
  std::string diff;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(in, out)) << diff;
  // The user's order of numbers, e-mails and addresses is part of the data.
  ASSERT_EQ(out.phones_size(), 3);
  EXPECT_EQ(out.phones(2).custom_label(), "Boat");
  ASSERT_EQ(out.emails_size(), 2);
  EXPECT_EQ(out.emails(1).address(), "hsato@example.net");
  ASSERT_EQ(out.addresses_size(), 2);
  EXPECT_EQ(out.addresses(1).locality(), "Tokyo");
  EXPECT_EQ(out.name().phonetic_family(), "さとう");
}

TEST(PimProto, FieldsFromANewerDeviceSurviveAnOlderOne) {
  // A newer schema: this build's pim.proto plus fields this build does not know, one on
  // Contact and one inside a nested Phone.
  google::protobuf::FileDescriptorProto file;
  Contact::descriptor()->file()->CopyTo(&file);
  auto add_string_field = [&](const std::string& message, const char* name, int number) {
    for (auto& m : *file.mutable_message_type()) {
      if (m.name() != message) continue;
      auto* f = m.add_field();
      f->set_name(name);
      f->set_number(number);
      f->set_type(FieldDescriptorProto::TYPE_STRING);
      f->set_label(FieldDescriptorProto::LABEL_OPTIONAL);
      return;
    }
    FAIL() << "no message " << message;
  };
  add_string_field("Contact", "pronouns", 40);
  add_string_field("Phone", "extension", 20);
  google::protobuf::DescriptorPool pool;
  const auto* newer_file = pool.BuildFile(file);
  ASSERT_NE(newer_file, nullptr);
  const auto* newer_contact = newer_file->FindMessageTypeByName("Contact");
  ASSERT_NE(newer_contact, nullptr);
  const FieldDescriptor* pronouns = newer_contact->FindFieldByName("pronouns");
  const FieldDescriptor* phones = newer_contact->FindFieldByName("phones");
  const FieldDescriptor* extension = phones->message_type()->FindFieldByName("extension");
  google::protobuf::DynamicMessageFactory factory(&pool);
  const Message* prototype = factory.GetPrototype(newer_contact);

  // The newer device writes a contact using its new fields.
  std::unique_ptr<Message> newer(prototype->New());
  ASSERT_TRUE(newer->ParseFromString(full_contact().SerializeAsString()));
  const auto* nr = newer->GetReflection();
  nr->SetString(newer.get(), pronouns, "they/them");
  Message* phone0 = nr->MutableRepeatedMessage(newer.get(), phones, 0);
  phone0->GetReflection()->SetString(phone0, extension, "4711");

  // An older device (this build) reads it, edits a field it knows and saves it again.
  Record older;
  ASSERT_TRUE(older.mutable_contact()->ParseFromString(newer->SerializeAsString()));
  older = round_trip(older);  // through its store
  older.mutable_contact()->set_nickname("Edited on the old phone");
  older.mutable_contact()->mutable_meta()->set_revision(99);
  older = round_trip(older);  // and to the server

  // The newer device reads it back: its fields are intact next to the older device's edit.
  std::unique_ptr<Message> back(prototype->New());
  ASSERT_TRUE(back->ParseFromString(older.contact().SerializeAsString()));
  const auto* br = back->GetReflection();
  EXPECT_EQ(br->GetString(*back, pronouns), "they/them");
  const Message& back_phone0 = br->GetRepeatedMessage(*back, phones, 0);
  EXPECT_EQ(back_phone0.GetReflection()->GetString(back_phone0, extension), "4711");
  EXPECT_EQ(br->GetString(*back, newer_contact->FindFieldByName("nickname")),
            "Edited on the old phone");
}

TEST(PimProto, LabelValueFromANewerDeviceSurvives) {
  // Say a later schema adds LABEL_PAGER = 9: an older reader keeps the number, not a guess.
  constexpr int kPager = 9;
  ASSERT_FALSE(Label_IsValid(kPager)) << "pick a value this schema does not define";
  Contact in;
  in.add_phones()->set_label(static_cast<Label>(kPager));
  const Contact out = round_trip(in);
  EXPECT_EQ(static_cast<int>(out.phones(0).label()), kPager);
}

TEST(PimProto, EveryRecordTypeRoundTripsThroughRecord) {
  struct Case {
    const char* what;
    Record record;
    Record::KindCase kind;
  };
  std::vector<Case> cases;
  auto add = [&](const char* what, Record::KindCase kind, auto fill) {
    Record r;
    fill(r);
    cases.push_back({what, r, kind});
  };
  add("contact", Record::kContact, [](Record& r) { *r.mutable_contact() = full_contact(); });
  add("timed event", Record::kEvent, [](Record& r) { *r.mutable_event() = timed_event(); });
  add("all-day event", Record::kEvent, [](Record& r) { *r.mutable_event() = all_day_event(); });
  add("task due on a day", Record::kTask,
      [](Record& r) { *r.mutable_task() = task_due_on_a_day(); });
  add("task due at an instant", Record::kTask,
      [](Record& r) { *r.mutable_task() = task_due_at_an_instant(); });
  add("note", Record::kNote, [](Record& r) { *r.mutable_note() = full_note(); });
  add("photo", Record::kPhoto, [](Record& r) { *r.mutable_photo() = full_photo(); });

  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const Record out = round_trip(c.record);
    EXPECT_EQ(out.kind_case(), c.kind);
    std::string diff;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(c.record, out)) << diff;
  }

  // Spot checks that the parts with a choice in them came back as the same choice.
  const Record event = round_trip(cases[2].record);
  EXPECT_TRUE(event.event().all_day());
  EXPECT_EQ(event.event().end_date().day(), 27);
  EXPECT_EQ(event.event().recurrence().exdates(0).year(), 2010);
  EXPECT_EQ(round_trip(cases[3].record).task().due_case(), Task::kDueDate);
  EXPECT_EQ(round_trip(cases[4].record).task().due_case(), Task::kDueMs);
  EXPECT_EQ(round_trip(cases[6].record).photo().sha256().size(), 32u);
}

TEST(PimProto, EveryRecordTypeStartsWithMeta) {
  // Store and sync code reads meta from any record the same way: field 1, a RecordMeta.
  const auto* kind = Record::descriptor()->FindOneofByName("kind");
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->field_count(), 5);
  for (int i = 0; i < kind->field_count(); ++i) {
    const auto* type = kind->field(i)->message_type();
    ASSERT_NE(type, nullptr);
    SCOPED_TRACE(type->name());
    const FieldDescriptor* meta = type->FindFieldByNumber(1);
    ASSERT_NE(meta, nullptr);
    EXPECT_EQ(meta->name(), "meta");
    EXPECT_EQ(meta->message_type(), RecordMeta::descriptor());
  }
}

TEST(PimProto, TombstoneOfEveryTypeCarriesOnlyMeta) {
  const auto* kind = Record::descriptor()->FindOneofByName("kind");
  for (int i = 0; i < kind->field_count(); ++i) {
    const FieldDescriptor* body = kind->field(i);
    SCOPED_TRACE(body->name());
    Record in;
    Message* record = in.GetReflection()->MutableMessage(&in, body);
    RecordMeta meta = make_meta(static_cast<std::uint8_t>(i));
    meta.set_deleted(true);
    record->GetReflection()
        ->MutableMessage(record, record->GetDescriptor()->FindFieldByName("meta"))
        ->CopyFrom(meta);

    const Record out = round_trip(in);
    ASSERT_EQ(static_cast<int>(out.kind_case()), body->number())
        << "the tombstone still says what it deleted";
    const Message& parsed = out.GetReflection()->GetMessage(out, body);
    std::vector<const FieldDescriptor*> set;
    parsed.GetReflection()->ListFields(parsed, &set);
    ASSERT_EQ(set.size(), 1u) << "a tombstone has no body";
    EXPECT_EQ(set[0]->name(), "meta");
    const auto& parsed_meta =
        static_cast<const RecordMeta&>(parsed.GetReflection()->GetMessage(parsed, set[0]));
    EXPECT_TRUE(parsed_meta.deleted());
    EXPECT_EQ(parsed_meta.id(), meta.id());
    EXPECT_EQ(parsed_meta.revision(), meta.revision());
  }
  // And through the generated accessors, for one type.
  Record contact;
  contact.mutable_contact()->mutable_meta()->set_id(make_id(9));
  contact.mutable_contact()->mutable_meta()->set_deleted(true);
  const Record out = round_trip(contact);
  EXPECT_TRUE(out.contact().meta().deleted());
  EXPECT_FALSE(out.contact().has_name());
  EXPECT_EQ(out.contact().phones_size(), 0);
  EXPECT_TRUE(out.contact().display_name().empty());
}

TEST(PimProto, MalformedBytesDoNotParse) {
  Record valid_record;
  *valid_record.mutable_contact() = full_contact();
  const std::string valid = valid_record.SerializeAsString();

  // Each malformed input comes with a well-formed twin that differs only in the defect, so
  // the rejection is known to come from the defect and not from something else in the bytes.
  struct Case {
    const char* what;
    std::string bad;
    std::string twin;
  };
  const std::vector<Case> cases = {
      // Record.contact's length covers the rest, so any cut lands inside it.
      {"truncated half way", valid.substr(0, valid.size() / 2), valid},
      {"truncated one byte short", valid.substr(0, valid.size() - 1), valid},
      {"length prefix past the end", std::string("\x0a\x7f\x12\x01", 4),
       std::string("\x0a\x02\x12\x00", 4)},
      {"nested length past its parent's end",
       std::string("\x0a\x03\x2a\x0a\x0a\x08", 6) + "12345678",
       std::string("\x0a\x0c\x2a\x0a\x0a\x08", 6) + "12345678"},
      {"wire type 7 does not exist", std::string("\x0f\x00", 2), std::string("\x08\x00", 2)},
      {"field number 0", std::string("\x00\x01", 2), std::string("\x08\x01", 2)},
      {"end-group with no start-group", std::string("\x0c", 1), std::string("\x0b\x0c", 2)},
      {"varint longer than 10 bytes", "\x30" + std::string(11, '\xff') + '\x01',
       "\x30" + std::string(9, '\xff') + '\x01'},
      // Text fields are UTF-8; a hostile peer's raw bytes in a note title are refused.
      {"invalid UTF-8 in a string field", std::string("\x22\x04\x12\x02\xff\xfe", 6),
       std::string("\x22\x04\x12\x02\x61\x62", 6)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Record twin;
    ASSERT_TRUE(twin.ParseFromString(c.twin)) << "the well-formed twin must parse";
    Record r;
    EXPECT_FALSE(r.ParseFromString(c.bad));
  }
}

TEST(PimProto, RecordIdStaysSixteenBytes) {
  // NULs, 0xFF and a broken UTF-8 sequence: an id is bytes, never text, and must come back
  // exactly (a string field would refuse it, a C-string copy would cut it at the first NUL).
  const std::string id("\x00\xff\x10\x80\x00\x00\xc3\x28\xfe\x01\x02\x00\x7f\x80\x81\x00", 16);
  ASSERT_EQ(id.size(), 16u);
  Record in;
  in.mutable_photo()->mutable_meta()->set_id(id);
  const Record out = round_trip(in);
  EXPECT_EQ(out.photo().meta().id().size(), 16u);
  EXPECT_EQ(out.photo().meta().id(), id);
  EXPECT_EQ(RecordMeta::descriptor()->FindFieldByName("id")->type(), FieldDescriptor::TYPE_BYTES);
}

}  // namespace
}  // namespace swivel::pim
