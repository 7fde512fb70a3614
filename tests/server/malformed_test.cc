// Bad requests get a clear error and change nothing; a device sees and changes only its own
// account's data.
#include <gtest/gtest.h>

#include "server/crypto.h"
#include "server/hex.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

class ServerMalformed : public ::testing::Test {
 protected:
  void SetUp() override {
    session = h.SignIn("anna");
    ASSERT_TRUE(h.Sync(session, {Contact(Id(1), "Bo")}).ok());
    before = Dump(h.dir());
  }
  // Pushes `records` (a valid record first, so "nothing stored" covers records before the
  // bad one) and expects INVALID_ARGUMENT naming `needle`, and no change at all.
  void ExpectRefused(std::vector<sync::Record> records, const std::string& needle) {
    records.insert(records.begin(), Contact(Id(2), "valid"));
    auto reply = h.Sync(session, records);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.status().code(), Code::kInvalidArgument) << reply.status().message();
    EXPECT_NE(reply.status().message().find(needle), std::string::npos)
        << reply.status().message();
    EXPECT_EQ(Dump(h.dir()), before);
  }

  ServerHarness h;
  Session session;
  std::string before;
};

TEST_F(ServerMalformed, IdOfTheWrongLength) {
  auto record = Contact(Id(3), "x");
  record.set_id(std::string(15, 'a'));
  ExpectRefused({record}, "push[1]: id is 15 bytes, not 16");
}

TEST_F(ServerMalformed, PayloadThatDoesNotParse) {
  auto record = Contact(Id(3), "x");
  record.set_payload("\xff\xff\xff\xff garbage");
  ExpectRefused({record}, "payload is not a swivel.pim.Contact");
}

TEST_F(ServerMalformed, PayloadOfAnotherId) {
  auto record = Contact(Id(3), "x");
  record.set_id(Id(4));
  ExpectRefused({record}, "meta.id is not the record's id");
}

TEST_F(ServerMalformed, PayloadWithoutMeta) {
  auto record = Contact(Id(3), "x");
  record.set_payload("");
  ExpectRefused({record}, "payload has no meta");
}

TEST_F(ServerMalformed, DeletedFlagThatDisagreesWithThePayload) {
  auto record = Contact(Id(3), "x");
  record.set_deleted(true);
  ExpectRefused({record}, "deleted differs");
}

TEST_F(ServerMalformed, UnknownRecordType) {
  auto record = Contact(Id(3), "x");
  record.set_type(static_cast<sync::RecordType>(42));
  ExpectRefused({record}, "unknown record type 42");
  record.set_type(sync::RECORD_TYPE_UNSPECIFIED);
  ExpectRefused({record}, "unknown record type 0");
}

TEST_F(ServerMalformed, TooManyRecords) {
  std::vector<sync::Record> records;
  for (uint32_t i = 0; i < 1000; ++i) records.push_back(Contact(Id(100 + i), "x"));
  ExpectRefused(records, "push has 1001 records, over the limit of 1000");
}

TEST_F(ServerMalformed, OversizedPayload) {
  ExpectRefused({Note(Id(3), std::string(256 * 1024, 'n'))}, "over the limit of 262144");
}

TEST_F(ServerMalformed, SameIdTwice) {
  ExpectRefused({Contact(Id(3), "x"), Contact(Id(3), "y")}, "is pushed twice");
}

TEST_F(ServerMalformed, PhotoWithABadHash) {
  ExpectRefused({Photo(Id(3), std::string(31, 's'), 10)}, "sha256 must be 32 bytes");
}

TEST_F(ServerMalformed, BaseStampWithABadEpoch) {
  sync::Stamp base;
  base.set_epoch("short");
  base.set_sequence(1);
  ExpectRefused({WithBase(Contact(Id(3), "x"), base)}, "base stamp needs a 16-byte epoch");
}

TEST_F(ServerMalformed, BaseUnchangedWithoutABase) {
  auto record = Contact(Id(3), "x");
  record.set_base_unchanged(true);
  ExpectRefused({record}, "base_unchanged needs a base stamp");
}

TEST_F(ServerMalformed, EpochOfTheWrongLengthOrAnAnchorWithoutOne) {
  Session bad = session;
  bad.epoch = "abc";
  auto reply = h.Sync(bad, {Contact(Id(3), "x")});
  EXPECT_EQ(reply.status().code(), Code::kInvalidArgument);
  bad.epoch.clear();
  bad.anchor = 5;
  reply = h.Sync(bad, {Contact(Id(3), "x")});
  EXPECT_EQ(reply.status().code(), Code::kInvalidArgument);
  EXPECT_NE(reply.status().message().find("an anchor needs the epoch"), std::string::npos);
  EXPECT_EQ(Dump(h.dir()), before);
}

TEST(ServerIsolation, WrongTokenIsUnauthenticatedAndChangesNothing) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  ASSERT_TRUE(h.Sync(s, {Contact(Id(1), "Bo")}).ok());
  const std::string before = Dump(h.dir());
  for (const std::string& token : {std::string(), std::string("nonsense"),
                                   Hex(RandomBytes(32)), s.token.substr(0, 63) + "x"}) {
    Session wrong = s;
    wrong.token = token;
    auto reply = h.Sync(wrong, {Contact(Id(2), "intruder")});
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.status().code(), Code::kUnauthenticated) << token;
    sync::BlobQuery query;
    query.set_sha256(Sha256Of("x"));
    EXPECT_EQ(h.server().BlobStatus(token, query, "t").status().code(), Code::kUnauthenticated);
  }
  EXPECT_EQ(Dump(h.dir()), before);
  EXPECT_NE(h.log.back().find("-> UNAUTHENTICATED"), std::string::npos) << h.log.back();
}

TEST(ServerIsolation, AnotherAccountsRecordIdIsRefusedAndRevealsNothing) {
  ServerHarness h;
  auto bea = h.SignIn("bea");
  auto anna = h.SignIn("anna");
  const std::string secret_bytes = "bea's photo bytes";
  ASSERT_TRUE(h.Upload(bea, secret_bytes)->complete());
  auto stored = h.Sync(bea, {Contact(Id(7), "Bea's secret contact"),
                             Photo(Id(8), Sha256Of(secret_bytes), secret_bytes.size())});
  ASSERT_EQ(stored->pushed(1).outcome(), sync::PushResult::OUTCOME_STORED);
  const std::string before = Dump(h.dir());

  // Anna's device names Bea's record id, with a base stamp copied from Bea's version.
  auto reply = h.Sync(anna, {Contact(Id(1), "mine"),
                             WithBase(Contact(Id(7), "overwrite"), stored->pushed(0).stamp())});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), Code::kPermissionDenied);
  EXPECT_NE(reply.status().message().find("belongs to another account"), std::string::npos);
  EXPECT_EQ(reply.status().message().find("Bea's secret"), std::string::npos);
  EXPECT_EQ(Dump(h.dir()), before) << "nothing of Bea's (or Anna's) changed";

  // Anna's pulls, blob status and downloads see nothing of Bea.
  EXPECT_TRUE(h.PullAll(anna).empty());
  sync::BlobQuery query;
  query.set_sha256(Sha256Of(secret_bytes));
  auto state = h.server().BlobStatus(anna.token, query, "t");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->have_bytes(), 0u);
  EXPECT_FALSE(state->complete());
  auto download = h.server().DownloadBlob(anna.token, query, 0,
                                          [](const sync::BlobChunk&) { return true; }, "t");
  EXPECT_EQ(download.code(), Code::kNotFound);
  // Anna may not store a photo record naming Bea's blob either.
  auto photo = h.Sync(anna, {Photo(Id(9), Sha256Of(secret_bytes), secret_bytes.size())});
  EXPECT_EQ(photo->pushed(0).outcome(), sync::PushResult::OUTCOME_BLOB_MISSING);
  // Bea still sees her records, unchanged.
  auto tablet = h.SignIn("bea", "tablet");
  auto all = h.PullAll(tablet);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].payload(), Contact(Id(7), "Bea's secret contact").payload());
}

}  // namespace
}  // namespace swivel::server::testing
