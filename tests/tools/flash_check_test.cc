// swivel-flash ls / fsck on image files: good images, damaged ones, and files that are not
// images at all. In process (under the sanitizers) and through the built binary.
#include "tools/swivel-flash/flash_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/filesystem/operations.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "hal/sim/flash_image.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/frame.h"
#include "os/storage/fsck.h"
#include "os/storage/log.h"
#include "os/storage/store.h"

namespace swivel::tools {
namespace {

namespace fs = boost::filesystem;
using hal::sim::FlashImage;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using os::storage::Key;
using os::storage::Status;
using ::testing::HasSubstr;

constexpr hal::FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 16,
                                       .block_count = 16, .erase_endurance = 100000};

Key K(uint8_t n) {
  Key k{};
  k[15] = n;
  return k;
}

std::vector<char> FileBytes(const fs::path& p) {
  std::ifstream in(p.string(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void WriteFile(const fs::path& p, const std::vector<uint8_t>& bytes) {
  std::ofstream out(p.string(), std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

class FlashCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          fs::unique_path("swivel-flash-check-%%%%-%%%%-%%%%");
    fs::create_directories(dir);
    image = dir / "flash.img";
  }
  void TearDown() override { fs::remove_all(dir); }

  // An image holding ns 1: K(1) 10 bytes, K(2) 700 bytes (two frames); ns 3: K(7) 0 bytes.
  void WriteStoreImage() {
    auto flash = SimFlash::OpenOrCreate(image, kGeometry, 1);
    Status s;
    auto store = os::storage::Store::Mount(*flash, &s);
    ASSERT_TRUE(store);
    ASSERT_EQ(store->Put(1, K(2), std::vector<uint8_t>(700, 2)), Status::kOk);
    ASSERT_EQ(store->Put(1, K(1), std::vector<uint8_t>(10, 1)), Status::kOk);
    ASSERT_EQ(store->Put(3, K(7), {}), Status::kOk);
    ASSERT_EQ(store->Put(3, K(9), std::vector<uint8_t>(5, 9)), Status::kOk);
    ASSERT_EQ(store->Erase(3, K(9)), Status::kOk);
  }

  int Ls(std::string* out, std::string* err = nullptr) {
    std::ostringstream o, e;
    const int rc = ListImage(image.string(), o, e);
    *out = o.str();
    if (err) *err = e.str();
    return rc;
  }
  int Check(std::string* out, std::string* err = nullptr) {
    std::ostringstream o, e;
    const int rc = FsckImage(image.string(), o, e);
    *out = o.str();
    if (err) *err = e.str();
    return rc;
  }

  fs::path dir, image;
};

const std::string kListing =
    "1 00000000000000000000000000000001 10\n"
    "1 00000000000000000000000000000002 700\n"
    "3 00000000000000000000000000000007 0\n"
    "namespace 1: 2 records, 710 bytes\n"
    "namespace 3: 1 records, 0 bytes\n";

TEST_F(FlashCheck, ListsAndChecksAStoreImageWithoutChangingIt) {
  WriteStoreImage();
  const auto before = FileBytes(image);
  const auto mtime = fs::last_write_time(image);
  std::string out, err;
  EXPECT_EQ(Ls(&out, &err), 0) << err;
  EXPECT_EQ(out, kListing);
  EXPECT_EQ(Check(&out, &err), 0) << out << err;
  EXPECT_THAT(out, HasSubstr("records: 3 (710 bytes)"));
  EXPECT_THAT(out, HasSubstr("  namespace 1: 2 records, 710 bytes\n"));
  EXPECT_THAT(out, HasSubstr("\nclean\n"));
  EXPECT_EQ(FileBytes(image), before) << "ls/fsck changed the image";
  EXPECT_EQ(fs::last_write_time(image), mtime);
}

TEST_F(FlashCheck, FsckNamesAKeyWhoseStoredBitFlipped) {
  WriteStoreImage();
  {
    auto flash = SimFlash::OpenOrCreate(image, kGeometry, 1);
    uint64_t page = 0;
    bool found = false;
    for (const auto& t : os::storage::ScanLog(*flash).transactions)
      for (const auto& e : t.entries)
        if (e.ns == 1 && e.key == K(1)) page = t.pages[0], found = true;
    ASSERT_TRUE(found);
    flash->flip_stored_bit(page, 8 * (os::storage::kFrameHeaderSize +
                                      os::storage::kRecordHeaderSize + 3));
  }
  std::string out;
  EXPECT_EQ(Check(&out), 1) << out;
  EXPECT_THAT(out, HasSubstr("problem: "));
  EXPECT_THAT(out, HasSubstr("ns 1 key 00000000000000000000000000000001"));
  EXPECT_THAT(out, HasSubstr("1 problem\n"));
}

TEST_F(FlashCheck, RandomBytesAreRefusedWithAClearError) {
  SimRandom random(5);
  std::vector<uint8_t> bytes(FlashImage::ImageSize(kGeometry));
  random.fill(bytes);
  WriteFile(image, bytes);
  std::string out, err;
  EXPECT_EQ(Check(&out, &err), 1);
  EXPECT_THAT(err, HasSubstr("not a Swivel flash image"));
  EXPECT_EQ(Ls(&out, &err), 1);
  EXPECT_THAT(err, HasSubstr(image.string()));
}

TEST_F(FlashCheck, TruncatedImageIsRefusedWithAClearError) {
  WriteStoreImage();
  fs::resize_file(image, fs::file_size(image) - 4096);
  std::string out, err;
  EXPECT_EQ(Check(&out, &err), 1);
  EXPECT_THAT(err, HasSubstr("truncated"));
  EXPECT_EQ(Ls(&out, &err), 1);
  EXPECT_THAT(err, HasSubstr("truncated"));
}

TEST_F(FlashCheck, ValidHeaderThenRandomBytesIsRefusedAtTheBlockTable) {
  { FlashImage::Create(image, kGeometry); }
  auto bytes = FileBytes(image);
  SimRandom random(6);
  std::vector<uint8_t> garbage(bytes.size() - FlashImage::kHeaderSize);
  random.fill(garbage);
  std::copy(garbage.begin(), garbage.end(), bytes.begin() + FlashImage::kHeaderSize);
  WriteFile(image, {bytes.begin(), bytes.end()});
  std::string out, err;
  EXPECT_EQ(Check(&out, &err), 1);
  EXPECT_THAT(err, HasSubstr("table entry is corrupt"));
}

// A valid header and block table over random page contents, random page states (mostly
// "programmed"), random erase counts, bad flags and next pages, and some frames that pass
// their CRC: the image opens; ls and fsck finish without crashing or changing the file, and
// take nothing from random bytes as data.
TEST_F(FlashCheck, GarbagePagesInAValidImageNeverCrash) {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    fs::remove(image);
    SimRandom random(seed);
    uint64_t crafted = 0;
    {
      auto img = FlashImage::Create(image, kGeometry);
      for (uint32_t b = 0; b < kGeometry.block_count; ++b)
        img.set_block(b, {uint32_t(random.next_u64()), random.chance(0.1),
                          uint32_t(random.uniform(40))});
      for (uint64_t p = 0; p < kGeometry.page_count(); ++p) {
        img.set_page_programmed(p, random.chance(0.8));
        auto page = img.page(p);
        if (seed % 2 == 0 && random.chance(0.2)) {  // a frame of random records' bytes
          std::vector<uint8_t> payload(random.uniform(200));
          random.fill(payload);
          const uint64_t seq = random.uniform(64);
          const auto frame = os::storage::EncodeFrame(
              {random.chance(0.5), seq, seq, uint32_t(random.uniform(9))}, payload,
              kGeometry.page_size);
          std::copy(frame.begin(), frame.end(), page.begin());
          ++crafted;
        } else {
          random.fill(page);
        }
      }
    }
    const auto before = FileBytes(image);
    std::string out, err;
    const int ls = Ls(&out, &err);
    EXPECT_TRUE(ls == 0 || ls == 1) << err;
    if (crafted == 0) {
      EXPECT_EQ(out, "no records\n") << "random bytes taken as records";
    }
    const int rc = Check(&out, &err);
    EXPECT_TRUE(rc == 0 || rc == 1) << err;
    if (crafted == 0) {
      EXPECT_THAT(out, HasSubstr("records: 0 (0 bytes)"));
    }
    EXPECT_EQ(FileBytes(image), before) << "seed " << seed << ": the image changed";
  }
}

// The built binary, as a user runs it.
struct Run {
  int rc = -1;
  std::string out;
};

Run RunTool(const std::string& args) {
  Run r;
  FILE* pipe = ::popen((std::string(SWIVEL_FLASH_BIN) + " " + args + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
  const int status = ::pclose(pipe);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST_F(FlashCheck, CommandLineLsAndFsck) {
  WriteStoreImage();
  const auto before = FileBytes(image);
  auto ls = RunTool("ls " + image.string());
  EXPECT_EQ(ls.rc, 0) << ls.out;
  EXPECT_EQ(ls.out, kListing);
  auto fsck = RunTool("fsck " + image.string());
  EXPECT_EQ(fsck.rc, 0) << fsck.out;
  EXPECT_THAT(fsck.out, HasSubstr("\nclean\n"));
  EXPECT_EQ(FileBytes(image), before);

  {
    auto img = FlashImage::Open(image);
    // Page 0 of the log's first block is K(2)'s first frame, followed by more frames.
    img.page(0)[100] ^= 0x10;
  }
  fsck = RunTool("fsck " + image.string());
  EXPECT_EQ(fsck.rc, 1) << fsck.out;
  EXPECT_THAT(fsck.out, HasSubstr("problem: block 0 page 0: damaged"));
  EXPECT_EQ(RunTool("fsck").rc, 2);
  EXPECT_EQ(RunTool("ls a b").rc, 2);
  EXPECT_EQ(RunTool("fsck " + (dir / "missing.img").string()).rc, 1);
}

}  // namespace
}  // namespace swivel::tools
