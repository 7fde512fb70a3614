// Photo bytes through sync: handsets on virtual time reach swivel-syncd's logic in process
// through their simulated radios; every request and reply is seen by the test on the way.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "os/pim/namespaces.h"
#include "os/sync/radio_call.h"
#include "server/radio_gateway.h"
#include "tests/os/sync/photo_test_phone.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using namespace std::chrono_literals;
using pim::test::PhotoBytes;
using server::testing::ServerHarness;
using test::PhotoPhone;

constexpr size_t kMiB = 1 << 20;
constexpr uint64_t kChunk = 64 * 1024;

// What reached the server's blob calls, from every handset.
struct Traffic {
  std::vector<uint64_t> upload_offsets, download_offsets;
  uint64_t upload_bytes = 0, download_bytes = 0;
};

struct PhotoSyncTest : ::testing::Test {
  std::unique_ptr<ServerHarness> server = std::make_unique<ServerHarness>();
  std::unique_ptr<server::RadioGateway> gateway = std::make_unique<server::RadioGateway>(server->server());
  Traffic traffic;
  // Test hooks: run after the server handled a request; may change a download's reply.
  std::function<void(const swivel::sync::RadioRequest&)> after_request;
  std::function<void(swivel::sync::RadioReply&)> tamper;
  // Answers blob calls instead of the server (the host bridge's own errors) when set.
  std::function<std::optional<swivel::sync::RadioReply>(const swivel::sync::RadioRequest&)> bridge;
  PhotoPhone a{1}, b{2};

  PhotoSyncTest() {
    Connect(a);
    Connect(b);
    a.UseToken(server->SignIn("ana", "a").token);
    b.UseToken(server->SignIn("ana", "b").token);
  }

  void Connect(PhotoPhone& phone) {
    phone.radio.set_backend([this](const hal::Bytes& bytes) -> std::optional<hal::Bytes> {
      swivel::sync::RadioRequest request;
      EXPECT_TRUE(request.ParseFromArray(bytes.data(), int(bytes.size())));
      if (bridge && !request.has_sync())
        if (auto answer = bridge(request)) {
          const std::string s = answer->SerializeAsString();
          return hal::Bytes(s.begin(), s.end());
        }
      hal::Bytes reply = gateway->Handle(bytes);
      if (request.has_upload()) {
        traffic.upload_offsets.push_back(request.upload().offset());
        traffic.upload_bytes += request.upload().data().size();
      }
      if (request.has_download()) {
        swivel::sync::RadioReply parsed;
        EXPECT_TRUE(parsed.ParseFromArray(reply.data(), int(reply.size())));
        traffic.download_offsets.push_back(request.download().offset());
        traffic.download_bytes += parsed.chunk().data().size();
        if (tamper) {
          tamper(parsed);
          const std::string s = parsed.SerializeAsString();
          reply.assign(s.begin(), s.end());
        }
      }
      if (after_request) after_request(request);
      return reply;
    });
  }
  // The server's database and blobs are gone: a new one, the handsets signed in again.
  void WipeServer() {
    gateway.reset();
    server = std::make_unique<ServerHarness>();
    gateway = std::make_unique<server::RadioGateway>(server->server());
    a.UseToken(server->SignIn("ana", "a").token);
    b.UseToken(server->SignIn("ana", "b").token);
  }
  // Live photo records the account holds, as a third device would pull them.
  size_t PhotosOnServer() {
    auto viewer = server->SignIn("ana", "viewer");
    size_t n = 0;
    for (const auto& r : server->PullAll(viewer))
      n += r.type() == swivel::sync::RECORD_TYPE_PHOTO && !r.deleted();
    return n;
  }
  uint64_t ServerHas(const std::string& sha256) {
    swivel::sync::RadioRequest request;
    request.set_token(server->SignIn("ana", "viewer").token);
    request.mutable_blob_status()->set_sha256(sha256);
    return gateway->Call(request).blob_state().have_bytes();
  }
};

TEST_F(PhotoSyncTest, AMegabytePhotoReachesTheOtherHandsetWithIdenticalBytes) {
  const auto photo = a.SavePhoto(kMiB, 1, "harbour");
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(a.said, (std::vector<std::string>{"syncing", "syncing photos", "syncing", "synced"}));
  EXPECT_EQ(a.Dirty(), 0u);
  EXPECT_EQ(PhotosOnServer(), 1u);
  EXPECT_EQ(traffic.upload_bytes, kMiB) << "each byte went up once";
  EXPECT_EQ(traffic.upload_offsets.size(), kMiB / kChunk);

  b.Sync();
  EXPECT_EQ(b.os->agent.status(), "synced") << b.os->agent.last_error();
  swivel::pim::Photo got;
  ASSERT_EQ(b.os->photos.Get(photo.meta().id(), &got), pim::Status::kOk);
  EXPECT_EQ(got.caption(), "harbour");
  EXPECT_EQ(got.sha256(), photo.sha256());
  EXPECT_TRUE(b.Blob(photo.sha256()) == PhotoBytes(kMiB, 1));
  EXPECT_EQ(b.Count(pim::kWantedBlobsNamespace), 0u) << "nothing left to download";
  EXPECT_EQ(b.Dirty(), 0u);
  EXPECT_EQ(traffic.download_bytes, kMiB);
  // The next sync has nothing to move.
  const uint64_t down = traffic.download_bytes, up = traffic.upload_bytes;
  a.Sync();
  b.Sync();
  EXPECT_EQ(traffic.download_bytes, down);
  EXPECT_EQ(traffic.upload_bytes, up);
}

TEST_F(PhotoSyncTest, AnUploadCutByTheLinkResumesWhereTheServerGotTo) {
  const auto photo = a.SavePhoto(kMiB, 2);
  // The link goes down right after the server took the eighth chunk: its reply is lost.
  after_request = [&](const swivel::sync::RadioRequest& r) {
    if (r.has_upload() && traffic.upload_offsets.size() == 8) a.radio.set_link(hal::LinkState::kNoSignal);
  };
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "offline");
  EXPECT_EQ(a.Dirty(), 1u) << "not synced while the server lacks some of its bytes";
  EXPECT_EQ(PhotosOnServer(), 0u) << "no one can pull a photo whose bytes are not all up";
  EXPECT_EQ(ServerHas(photo.sha256()), 8 * kChunk);
  const uint64_t radio_up_before = a.radio.counters().bytes_up;

  after_request = nullptr;
  a.radio.set_link(hal::LinkState::kUp);
  a.clock.run_for(30min);  // the agent retries after its backoff
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(traffic.upload_offsets.at(8), 8 * kChunk) << "resumed, not restarted";
  EXPECT_EQ(traffic.upload_bytes, kMiB);
  const uint64_t radio_up = a.radio.counters().bytes_up - radio_up_before;
  EXPECT_LT(radio_up, kMiB / 2 + 64 * 1024) << "the radio carried the second half only";
  EXPECT_EQ(PhotosOnServer(), 1u);
  EXPECT_EQ(a.Dirty(), 0u);
}

TEST_F(PhotoSyncTest, ABridgeThatCannotReachTheServiceMidUploadIsOffline) {
  a.SavePhoto(200'000, 9);
  bridge = [&](const swivel::sync::RadioRequest& r) -> std::optional<swivel::sync::RadioReply> {
    if (!r.has_upload() || r.upload().offset() == 0) return std::nullopt;
    swivel::sync::RadioReply reply;
    reply.set_code(kServiceUnavailable);
    reply.set_message("syncd is down");
    return reply;
  };
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "offline");
  EXPECT_NE(a.os->agent.last_error().find("syncd is down"), std::string::npos);
  EXPECT_EQ(a.Dirty(), 1u);
  bridge = nullptr;
  a.clock.run_for(30min);
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(traffic.upload_bytes, 200'000u);
}

TEST_F(PhotoSyncTest, AnUploadCutByABatteryPullResumesAfterPowerOn) {
  const auto photo = a.SavePhoto(kMiB, 3);
  a.os->agent.SyncNow();
  while (traffic.upload_offsets.size() < 5) ASSERT_TRUE(a.clock.run_next());
  a.PullBattery();  // the fifth chunk's reply is on its way to nobody
  a.clock.run_for(1min);
  EXPECT_EQ(ServerHas(photo.sha256()), 5 * kChunk);
  a.Boot();
  EXPECT_EQ(a.Dirty(), 1u);
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(traffic.upload_offsets.at(5), 5 * kChunk) << "resumed from the server's have_bytes";
  EXPECT_EQ(traffic.upload_bytes, kMiB);
  EXPECT_EQ(PhotosOnServer(), 1u);

  b.Sync();
  EXPECT_TRUE(b.Blob(photo.sha256()) == PhotoBytes(kMiB, 3));
}

TEST_F(PhotoSyncTest, ADownloadCutByABatteryPullResumesFromItsLastPart) {
  const auto photo = a.SavePhoto(kMiB, 4);
  a.Sync();
  ASSERT_EQ(a.os->agent.status(), "synced");

  b.os->agent.SyncNow();
  while (traffic.download_offsets.size() < 6) ASSERT_TRUE(b.clock.run_next());
  b.PullBattery();  // five parts are on flash; the sixth is on its way to nobody
  b.Boot();
  swivel::pim::Photo got;
  ASSERT_EQ(b.os->photos.Get(photo.meta().id(), &got), pim::Status::kOk)
      << "the record came with its page";
  std::string bytes;
  EXPECT_EQ(b.os->library.ReadBlob(photo.sha256(), &bytes), pim::Status::kNotFound)
      << "not held until every byte is in and checked";
  EXPECT_EQ(b.Count(pim::kWantedBlobsNamespace), 1u) << "the download is remembered";

  b.Sync();
  EXPECT_EQ(b.os->agent.status(), "synced") << b.os->agent.last_error();
  EXPECT_EQ(traffic.download_offsets.at(6), 5 * kChunk) << "resumed after the parts it held";
  EXPECT_EQ(traffic.download_bytes, kMiB + kChunk) << "only the part under way came twice";
  EXPECT_TRUE(b.Blob(photo.sha256()) == PhotoBytes(kMiB, 4));
  EXPECT_EQ(b.Count(pim::kWantedBlobsNamespace), 0u);
}

TEST_F(PhotoSyncTest, ACorruptChunkIsRejectedAndTheBytesAreFetchedAgainLater) {
  const auto photo = a.SavePhoto(300'000, 5);
  a.Sync();
  ASSERT_EQ(a.os->agent.status(), "synced");

  tamper = [&](swivel::sync::RadioReply& reply) {
    if (traffic.download_offsets.size() == 3) (*reply.mutable_chunk()->mutable_data())[1000] ^= 0x01;
  };
  b.Sync();
  EXPECT_EQ(b.os->agent.status(), "sync failed");
  EXPECT_NE(b.os->agent.last_error().find("wrong SHA-256"), std::string::npos) << b.os->agent.last_error();
  std::string bytes;
  EXPECT_EQ(b.os->library.ReadBlob(photo.sha256(), &bytes), pim::Status::kNotFound);
  EXPECT_EQ(b.Count(pim::kBlobsNamespace), 0u) << "none of the wrong bytes are kept";
  EXPECT_EQ(b.Count(pim::kWantedBlobsNamespace), 1u) << "still wanted";

  tamper = nullptr;
  b.clock.run_for(30min);  // the retry after the backoff
  EXPECT_EQ(b.os->agent.status(), "synced") << b.os->agent.last_error();
  EXPECT_TRUE(b.Blob(photo.sha256()) == PhotoBytes(300'000, 5));
  EXPECT_EQ(b.Count(pim::kWantedBlobsNamespace), 0u);
}

TEST_F(PhotoSyncTest, AServerThatLostItsBlobsIsReseededWithThePhotosBytes) {
  const auto first = a.SavePhoto(300'000, 6, "first");
  const auto second = a.SavePhoto(200'000, 7, "second");
  a.Sync();
  b.Sync();
  ASSERT_EQ(b.os->agent.status(), "synced");
  ASSERT_EQ(PhotosOnServer(), 2u);

  WipeServer();
  traffic = {};
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(traffic.upload_bytes, 500'000u) << "both photos' bytes went up again";
  EXPECT_EQ(PhotosOnServer(), 2u);
  EXPECT_EQ(a.Count(pim::kRepushNamespace), 0u) << "no photo left waiting to go again";
  EXPECT_EQ(a.Dirty(), 0u);
  b.Sync();
  EXPECT_EQ(b.os->agent.status(), "synced") << b.os->agent.last_error();
  EXPECT_EQ(traffic.upload_bytes, 500'000u) << "the server has them: b sends none";

  // A third handset, empty, gets every photo and its bytes from the re-seeded server.
  PhotoPhone c{3};
  Connect(c);
  c.UseToken(server->SignIn("ana", "c").token);
  c.Sync();
  EXPECT_EQ(c.os->agent.status(), "synced") << c.os->agent.last_error();
  EXPECT_TRUE(c.Blob(first.sha256()) == PhotoBytes(300'000, 6));
  EXPECT_TRUE(c.Blob(second.sha256()) == PhotoBytes(200'000, 7));
}

TEST_F(PhotoSyncTest, AWipedHandsetSignedInAgainGetsEveryPhotosBytesBack) {
  std::vector<swivel::pim::Photo> saved;
  for (int i = 0; i < 3; ++i) saved.push_back(a.SavePhoto(100'000 + 50'000 * size_t(i), 10 + i));
  a.Sync();
  ASSERT_EQ(a.os->agent.status(), "synced");

  PhotoPhone wiped{4};
  Connect(wiped);
  std::optional<std::string> error;
  wiped.os->agent.SignIn("ana", "correct horse", "new phone", false,
                         [&](const std::string& e) { error = e; });
  wiped.clock.run_for(2min);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "");
  EXPECT_EQ(wiped.os->agent.status(), "synced") << wiped.os->agent.last_error();
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(wiped.Blob(saved[size_t(i)].sha256()) == PhotoBytes(100'000 + 50'000 * size_t(i), 10 + i));
}

TEST_F(PhotoSyncTest, MorePhotosWaitingForTheirBytesThanOnePushHoldsAllGoUp) {
  for (int i = 0; i < 130; ++i) a.SavePhoto(2'000, 100 + uint64_t(i));
  a.Sync();
  EXPECT_EQ(a.os->agent.status(), "synced") << a.os->agent.last_error();
  EXPECT_EQ(a.Dirty(), 0u);
  EXPECT_EQ(PhotosOnServer(), 130u);
  EXPECT_EQ(traffic.upload_bytes, 130u * 2'000);
}

// The session alone, as data: what Apply reports and remembers about photo bytes.
TEST_F(PhotoSyncTest, ApplyNamesTheBlobsTheServerLacksAndRemembersThoseMissingHere) {
  const auto photo = a.SavePhoto(70'000, 8);
  const std::string token = server->SignIn("ana", "a").token;
  swivel::sync::SyncRequest request;
  ASSERT_EQ(a.os->session.Build(&request), pim::Status::kOk);
  auto reply = server->server().Sync(token, request, "test");
  ASSERT_TRUE(reply.ok());
  bool again = false;
  RoundStats stats;
  ASSERT_EQ(a.os->session.Apply(request, reply.value(), &again, &stats), pim::Status::kOk);
  EXPECT_EQ(stats.waiting_for_blob, 1u);
  EXPECT_EQ(stats.blobs_missing_on_server,
            (std::vector<BlobRef>{{photo.sha256(), 70'000}}));
  EXPECT_EQ(a.Dirty(), 1u);
  EXPECT_EQ(a.Count(pim::kRepushNamespace), 0u) << "a dirty photo needs no mark: it goes again";

  a.Sync();  // the agent uploads the bytes and pushes the photo
  ASSERT_EQ(PhotosOnServer(), 1u);
  const std::string b_token = server->SignIn("ana", "b").token;
  ASSERT_EQ(b.os->session.Build(&request), pim::Status::kOk);
  reply = server->server().Sync(b_token, request, "test");
  ASSERT_TRUE(reply.ok());
  ASSERT_EQ(b.os->session.Apply(request, reply.value(), &again, &stats), pim::Status::kOk);
  EXPECT_EQ(stats.pulled, 1u);
  EXPECT_EQ(stats.blobs_wanted, 1u);
  std::vector<BlobRef> wanted;
  ASSERT_EQ(b.os->session.ledger().Wanted(&wanted), pim::Status::kOk);
  EXPECT_EQ(wanted, (std::vector<BlobRef>{{photo.sha256(), 70'000}}));
}

}  // namespace
}  // namespace swivel::os::sync
