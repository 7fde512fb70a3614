// Photos with their bytes: saved in one transaction, read back only when they hash right.
#include "os/pim/photo_library.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "os/pim/sha256.h"
#include "tests/os/pim/photo_test_support.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::pim {
namespace {

using hal::sim::SimClock;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using namespace test;

constexpr hal::FlashGeometry kGeometry{.page_size = 2048, .pages_per_block = 64,
                                       .block_count = 64, .erase_endurance = 100000};

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) {
    out += "0123456789abcdef"[b >> 4];
    out += "0123456789abcdef"[b & 15];
  }
  return out;
}

struct PhotoLibraryTest : ::testing::Test {
  SimClock clock;
  SimRandom random{3};
  std::unique_ptr<SimFlash> flash = SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<storage::Store> store = MountOk(*flash);
  std::unique_ptr<PhotoRepository> photos = std::make_unique<PhotoRepository>(*store, clock, random);
  std::unique_ptr<PhotoLibrary> library = std::make_unique<PhotoLibrary>(*store, *photos);

  void Remount() {
    library.reset();
    photos.reset();
    store = MountOk(*flash);
    photos = std::make_unique<PhotoRepository>(*store, clock, random);
    library = std::make_unique<PhotoLibrary>(*store, *photos);
  }
};

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(Hex(Sha256Of("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sha256Of("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 pieces;  // the same bytes given in pieces hash the same
  pieces.Update("a");
  pieces.Update("bc");
  EXPECT_EQ(pieces.Finish(), Sha256Of("abc"));
}

TEST_F(PhotoLibraryTest, SavesTheRecordWithItsBytesAndReadsThemBackAfterARemount) {
  const std::string bytes = PhotoBytes(2'500'000, 1);  // not a whole number of parts
  swivel::pim::Photo photo = Sample<swivel::pim::Photo>(1);
  photo.clear_sha256();
  ASSERT_EQ(library->SavePhoto(photo, bytes), Status::kOk);
  EXPECT_EQ(photo.byte_size(), bytes.size());
  EXPECT_EQ(photo.sha256(), Sha256Of(bytes));
  EXPECT_EQ(photo.meta().revision(), 1u);
  EXPECT_EQ(store->Count(kBlobsNamespace), BlobStore::PartCount(bytes.size()) + 1u)
      << "its parts and one header";

  Remount();
  swivel::pim::Photo stored;
  ASSERT_EQ(photos->Get(photo.meta().id(), &stored), Status::kOk);
  EXPECT_EQ(stored.sha256(), photo.sha256());
  EXPECT_EQ(stored.byte_size(), bytes.size());
  std::vector<DirtyEntry> dirty;
  ASSERT_EQ(photos->Dirty(&dirty), Status::kOk);
  EXPECT_EQ(dirty, (std::vector<DirtyEntry>{{photo.meta().id(), 1}}));
  std::string read;
  ASSERT_EQ(library->ReadBlob(photo.sha256(), &read), Status::kOk);
  EXPECT_TRUE(read == bytes);
  EXPECT_TRUE(library->HasBlob(photo.sha256()));
  EXPECT_EQ(library->ReadBlob(Sha256Of("not saved"), &read), Status::kNotFound);
  EXPECT_EQ(library->ReadBlob("short", &read), Status::kInvalidRecord);
}

TEST_F(PhotoLibraryTest, SavingAPhotoAgainWithTheSameBytesDoesNotWriteThemAgain) {
  const std::string bytes = PhotoBytes(300'000, 2);
  swivel::pim::Photo photo = Sample<swivel::pim::Photo>(2);
  ASSERT_EQ(library->SavePhoto(photo, bytes), Status::kOk);
  const uint64_t written = store->stats().user_bytes;
  photo.set_caption("a new caption");
  ASSERT_EQ(library->SavePhoto(photo, bytes), Status::kOk);
  EXPECT_EQ(photo.meta().revision(), 2u);
  EXPECT_LT(store->stats().user_bytes - written, 1000u) << "only the record went out";
  // Empty bytes are a blob too (SHA-256 of nothing).
  swivel::pim::Photo empty;
  ASSERT_EQ(library->SavePhoto(empty, ""), Status::kOk);
  std::string read = "x";
  ASSERT_EQ(library->ReadBlob(empty.sha256(), &read), Status::kOk);
  EXPECT_EQ(read, "");
}

TEST_F(PhotoLibraryTest, BytesThatNoLongerHashToTheirNameAreNeverReturned) {
  const std::string bytes = PhotoBytes(150'000, 3);
  swivel::pim::Photo photo;
  ASSERT_EQ(library->SavePhoto(photo, bytes), Status::kOk);
  // A part rewritten with other bytes of the same size: only the hash can tell.
  BlobStore& blobs = library->blobs();
  std::string part;
  ASSERT_EQ(blobs.ReadPart(photo.sha256(), 1, &part), Status::kOk);
  part[100] ^= 0x20;
  std::vector<storage::Change> changes;
  blobs.StagePart(photo.sha256(), 1, part, &changes);
  ASSERT_EQ(store->Commit(changes), storage::Status::kOk);
  std::string read = "stale";
  EXPECT_EQ(library->ReadBlob(photo.sha256(), &read), Status::kCorrupt);
  EXPECT_EQ(read, "");
  EXPECT_FALSE(blobs.Verify(photo.sha256()) == Status::kOk);
  // A part gone entirely.
  changes.clear();
  blobs.StagePart(photo.sha256(), 1, bytes.substr(kBlobPartBytes, kBlobPartBytes), &changes);
  ASSERT_EQ(store->Commit(changes), storage::Status::kOk);
  ASSERT_EQ(library->ReadBlob(photo.sha256(), &read), Status::kOk) << "put right again";
  ASSERT_EQ(store->Erase(kBlobsNamespace, changes[0].key), storage::Status::kOk);
  EXPECT_EQ(library->ReadBlob(photo.sha256(), &read), Status::kCorrupt);
}

TEST_F(PhotoLibraryTest, BytesDamagedOnFlashAreNeverReturned) {
  const std::string bytes = PhotoBytes(100'000, 4);
  swivel::pim::Photo photo;
  ASSERT_EQ(library->SavePhoto(photo, bytes), Status::kOk);
  flash->flip_stored_bit(10, 8 * 100);  // within the first part's chunks, written first
  std::string read = "stale";
  EXPECT_EQ(library->ReadBlob(photo.sha256(), &read), Status::kCorrupt);
  EXPECT_EQ(read, "");
}

TEST_F(PhotoLibraryTest, TooLargeAPhotoIsRefusedAndChangesNothing) {
  const std::string huge(kMaxBlobBytes + 1, 'x');
  swivel::pim::Photo photo = Sample<swivel::pim::Photo>(5);
  const auto before = photo;
  EXPECT_EQ(library->SavePhoto(photo, huge), Status::kTooLarge);
  EXPECT_EQ(photo.SerializeAsString(), before.SerializeAsString());
  EXPECT_EQ(store->Count(kPhotosNamespace), 0u);
  EXPECT_EQ(store->Count(kBlobsNamespace), 0u);
  // A failed save (here: a record that would not parse back) puts the record back as it was.
  photo.set_caption("\xff not UTF-8");
  const auto bad = photo;
  EXPECT_EQ(library->SavePhoto(photo, "bytes"), Status::kInvalidRecord);
  EXPECT_EQ(photo.sha256(), bad.sha256());
  EXPECT_EQ(photo.byte_size(), bad.byte_size());
  EXPECT_EQ(store->Count(kBlobsNamespace), 0u);
}

// More than one store value can hold (16 MiB): the parts make it possible.
TEST(PhotoLibraryLargest, APhotoLargerThanAStoreValueIsKeptInParts) {
  SimClock clock;
  SimRandom random{4};
  auto flash = SimFlash::InMemory({.page_size = 2048, .pages_per_block = 64, .block_count = 320,
                                   .erase_endurance = 100000}, 1);
  auto store = MountOk(*flash);
  PhotoRepository photos{*store, clock, random};
  PhotoLibrary library{*store, photos};
  const std::string bytes = PhotoBytes(storage::kMaxValueSize + 100'000, 5);
  swivel::pim::Photo photo;
  ASSERT_EQ(library.SavePhoto(photo, bytes), Status::kOk);
  std::string read;
  ASSERT_EQ(library.ReadBlob(photo.sha256(), &read), Status::kOk);
  EXPECT_TRUE(read == bytes);
}

}  // namespace
}  // namespace swivel::os::pim
