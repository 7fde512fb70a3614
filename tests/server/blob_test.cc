// Photo blobs: chunked, resumable uploads checked by SHA-256, chunked downloads.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/crypto.h"
#include "server/hex.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

namespace fs = std::filesystem;

std::string Bytes(size_t size, uint32_t seed) {
  std::string out(size, '\0');
  uint32_t x = seed * 2654435761u + 1;
  for (auto& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x);
  }
  return out;
}

sync::BlobQuery Query(const std::string& bytes, uint64_t offset = 0, uint32_t max_bytes = 0) {
  sync::BlobQuery query;
  query.set_sha256(Sha256Of(bytes));
  query.set_offset(offset);
  query.set_max_bytes(max_bytes);
  return query;
}

TEST(ServerBlobs, ChunkedUploadThenChunkedDownload) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const std::string bytes = Bytes(600 * 1024 + 17, 1);
  auto state = h.Upload(s, bytes);
  ASSERT_TRUE(state.ok()) << state.status().message();
  EXPECT_TRUE(state->complete());
  EXPECT_EQ(state->have_bytes(), bytes.size());
  EXPECT_TRUE(fs::exists(h.dir() / "blobs" / Hex(Sha256Of(bytes))));
  EXPECT_TRUE(fs::is_empty(h.dir() / "blobs" / "partial"));

  std::string got;
  std::vector<size_t> sizes;
  auto status = h.server().DownloadBlob(
      s.token, Query(bytes), 100 * 1024,
      [&](const sync::BlobChunk& chunk) {
        EXPECT_EQ(chunk.offset(), got.size());
        EXPECT_EQ(chunk.total_size(), bytes.size());
        got += chunk.data();
        sizes.push_back(chunk.data().size());
        return true;
      },
      "t");
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(got, bytes);
  EXPECT_EQ(sizes.size(), 7u);
  // From an offset, at most max_bytes.
  got.clear();
  ASSERT_TRUE(h.server()
                  .DownloadBlob(s.token, Query(bytes, 1000, 5000), 0,
                                [&](const sync::BlobChunk& c) {
                                  got += c.data();
                                  return true;
                                },
                                "t")
                  .ok());
  EXPECT_EQ(got, bytes.substr(1000, 5000));
  EXPECT_EQ(h.server()
                .DownloadBlob(s.token, Query(bytes, bytes.size() + 1), 0,
                              [](const sync::BlobChunk&) { return true; }, "t")
                .code(),
            Code::kOutOfRange);
}

TEST(ServerBlobs, InterruptedUploadResumesFromBlobStatus) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const std::string bytes = Bytes(300000, 2);
  // The connection drops after 120000 bytes.
  auto partial = h.Upload(s, bytes, 40000, 0, 120000);
  ASSERT_TRUE(partial.ok());
  EXPECT_FALSE(partial->complete());
  auto state = h.server().BlobStatus(s.token, Query(bytes), "t");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->have_bytes(), 120000u);
  EXPECT_FALSE(state->complete());
  EXPECT_FALSE(fs::exists(h.dir() / "blobs" / Hex(Sha256Of(bytes))));

  // A gap is refused; a chunk that repeats bytes already there (a retry) is fine.
  auto gap = h.Upload(s, bytes, 40000, 160000, 200000);
  EXPECT_EQ(gap.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(gap.status().message().find("resumes at offset 120000"), std::string::npos);
  auto resumed = h.Upload(s, bytes, 40000, 100000);
  ASSERT_TRUE(resumed.ok()) << resumed.status().message();
  EXPECT_TRUE(resumed->complete());
  EXPECT_EQ(h.server().BlobStatus(s.token, Query(bytes), "t")->have_bytes(), bytes.size());
  EXPECT_TRUE(fs::exists(h.dir() / "blobs" / Hex(Sha256Of(bytes))));
  // Uploading a complete blob again is a no-op.
  EXPECT_TRUE(h.Upload(s, bytes)->complete());
}

TEST(ServerBlobs, BytesThatDoNotMatchTheirNameAreDiscarded) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const std::string bytes = Bytes(1000, 3);
  const std::string claimed = Sha256Of("something else");
  sync::BlobChunk chunk;
  chunk.set_sha256(claimed);
  chunk.set_total_size(bytes.size());
  chunk.set_data(bytes);
  bool sent = false;
  auto state = h.server().UploadBlob(
      s.token,
      [&](sync::BlobChunk& c) {
        if (sent) return false;
        c = chunk;
        return sent = true;
      },
      "t");
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.status().code(), Code::kInvalidArgument);
  EXPECT_NE(state.status().message().find("not the blob's name"), std::string::npos);
  sync::BlobQuery query;
  query.set_sha256(claimed);
  EXPECT_EQ(h.server().BlobStatus(s.token, query, "t")->have_bytes(), 0u);
  EXPECT_FALSE(fs::exists(h.dir() / "blobs" / Hex(claimed)));
  EXPECT_TRUE(fs::is_empty(h.dir() / "blobs" / "partial"));
  EXPECT_EQ(h.Sync(s, {Photo(Id(1), claimed, bytes.size())})->pushed(0).outcome(),
            sync::PushResult::OUTCOME_BLOB_MISSING);
}

TEST(ServerBlobs, MalformedChunksAreRefused) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto upload = [&](sync::BlobChunk chunk) {
    bool sent = false;
    return h.server().UploadBlob(
        s.token,
        [&](sync::BlobChunk& c) {
          if (sent) return false;
          c = chunk;
          return sent = true;
        },
        "t");
  };
  const std::string before = Dump(h.dir());
  sync::BlobChunk chunk;
  chunk.set_sha256(std::string(31, 'x'));
  chunk.set_total_size(10);
  chunk.set_data("0123456789");
  EXPECT_EQ(upload(chunk).status().code(), Code::kInvalidArgument);
  chunk.set_sha256(Sha256Of("0123456789"));
  chunk.set_total_size(5);
  EXPECT_EQ(upload(chunk).status().code(), Code::kInvalidArgument) << "beyond total_size";
  chunk.set_total_size(1ull << 40);
  EXPECT_EQ(upload(chunk).status().code(), Code::kInvalidArgument) << "too big a blob";
  chunk.set_total_size(300 * 1024);
  chunk.set_data(std::string(257 * 1024, 'd'));
  EXPECT_EQ(upload(chunk).status().code(), Code::kInvalidArgument) << "too big a chunk";
  EXPECT_EQ(Dump(h.dir()), before);
  EXPECT_EQ(h.server().UploadBlob(s.token, [](sync::BlobChunk&) { return false; }, "t")
                .status()
                .code(),
            Code::kInvalidArgument)
      << "no chunks";
}

TEST(ServerBlobs, EachAccountUploadsItsOwnCopyOfTheSameBytes) {
  ServerHarness h;
  auto anna = h.SignIn("anna");
  auto bea = h.SignIn("bea");
  const std::string bytes = Bytes(5000, 4);
  ASSERT_TRUE(h.Upload(anna, bytes)->complete());
  EXPECT_EQ(h.server().BlobStatus(bea.token, Query(bytes), "t")->have_bytes(), 0u);
  // Bea's half upload does not touch Anna's blob, and is Bea's own.
  ASSERT_FALSE(h.Upload(bea, bytes, 1000, 0, 2000)->complete());
  EXPECT_EQ(h.server().BlobStatus(bea.token, Query(bytes), "t")->have_bytes(), 2000u);
  EXPECT_TRUE(h.server().BlobStatus(anna.token, Query(bytes), "t")->complete());
  ASSERT_TRUE(h.Upload(bea, bytes, 1000, 2000)->complete());
  // One file serves both.
  int files = 0;
  for (const auto& e : fs::directory_iterator(h.dir() / "blobs")) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(ServerBlobs, EmptyBlob) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto state = h.Upload(s, "");
  ASSERT_TRUE(state.ok()) << state.status().message();
  EXPECT_TRUE(state->complete());
  std::string got = "x";
  int chunks = 0;
  ASSERT_TRUE(h.server()
                  .DownloadBlob(s.token, Query(""), 0,
                                [&](const sync::BlobChunk& c) {
                                  got = c.data();
                                  ++chunks;
                                  return true;
                                },
                                "t")
                  .ok());
  EXPECT_EQ(chunks, 1);
  EXPECT_EQ(got, "");
}

}  // namespace
}  // namespace swivel::server::testing
