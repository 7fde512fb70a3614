// What a sync costs on the wire: a no-op sync is one small round trip however big the
// account is.
#include <gtest/gtest.h>

#include <iostream>

#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

TEST(ServerWire, NoopSyncOnA10kRecordAccountIsOneRoundTripUnder1KB) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  for (uint32_t batch = 0; batch < 10; ++batch) {
    std::vector<sync::Record> records;
    for (uint32_t i = 0; i < 1000; ++i) {
      const uint32_t n = batch * 1000 + i;
      records.push_back(Contact(Id(n), "Contact number " + std::to_string(n)));
    }
    auto reply = h.Sync(phone, records);
    ASSERT_TRUE(reply.ok()) << reply.status().message();
    ASSERT_EQ(reply->pulled_size(), 0);
  }
  EXPECT_EQ(phone.anchor, 10000u);
  auto tablet = h.SignIn("anna", "tablet");
  EXPECT_EQ(h.PullAll(tablet).size(), 10000u);

  for (Session* device : {&phone, &tablet}) {
    sync::SyncRequest request;
    request.set_epoch(device->epoch);
    request.set_anchor(device->anchor);
    SyncSummary summary;
    auto reply = RunSync(h.store(), 1, device->device_id, request, SyncLimits(), &summary);
    ASSERT_TRUE(reply.ok());
    EXPECT_FALSE(reply->more()) << "nothing left: no second round trip";
    EXPECT_FALSE(reply->reseed_needed());
    EXPECT_EQ(reply->pulled_size(), 0);
    EXPECT_EQ(summary.scanned, 0u) << "the feed after the anchor is empty: O(1), not O(account)";
    const size_t up = request.ByteSizeLong(), down = reply->ByteSizeLong();
    std::cout << "no-op sync on 10k records: request " << up << " bytes, reply " << down
              << " bytes\n";
    EXPECT_LT(up + down, 1024u);
  }
}

TEST(ServerWire, OneChangeCostsAboutTheRecord) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  auto tablet = h.SignIn("anna", "tablet");
  ASSERT_TRUE(h.Sync(phone).ok());
  ASSERT_TRUE(h.Sync(tablet).ok());
  const auto record = Contact(Id(1), "Anna Li");
  sync::SyncRequest push;
  push.set_epoch(phone.epoch);
  push.set_anchor(phone.anchor);
  *push.add_push() = record;
  auto pushed = h.server().Sync(phone.token, push, "t");
  ASSERT_TRUE(pushed.ok());
  sync::SyncRequest pull;
  pull.set_epoch(tablet.epoch);
  pull.set_anchor(tablet.anchor);
  auto pulled = h.server().Sync(tablet.token, pull, "t");
  ASSERT_EQ(pulled->pulled_size(), 1);
  std::cout << "one change (a " << record.payload().size() << "-byte contact): push request "
            << push.ByteSizeLong() << " bytes, its reply " << pushed->ByteSizeLong()
            << " bytes; pull reply " << pulled->ByteSizeLong() << " bytes\n";
  EXPECT_LT(pushed->ByteSizeLong(), 100u);
  EXPECT_LT(pulled->ByteSizeLong(), record.ByteSizeLong() + 100);
}

}  // namespace
}  // namespace swivel::server::testing
