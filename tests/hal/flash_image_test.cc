#include "hal/sim/flash_image.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <vector>

#include "hal/sim/sim_flash.h"

namespace swivel::hal::sim {
namespace {

namespace fs = boost::filesystem;
using ::testing::HasSubstr;

constexpr FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 4, .block_count = 8,
                                  .erase_endurance = 100};

class FlashImageFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::unique_path("swivel-image-%%%%-%%%%");
    fs::create_directories(dir_);
    path_ = dir_ / "flash.img";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Expects opening the image to fail with a message containing `needle`.
  void ExpectOpenError(const std::string& needle) {
    try {
      FlashImage::Open(path_);
      ADD_FAILURE() << "opened a broken image";
    } catch (const ImageError& e) {
      EXPECT_THAT(e.what(), HasSubstr(needle));
      EXPECT_THAT(e.what(), HasSubstr(path_.string())) << "the error must name the file";
    }
  }
  void PokeByte(uint64_t offset, uint8_t value) {
    std::fstream f(path_.string(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(std::streamoff(offset));
    f.put(char(value));
  }

  fs::path dir_, path_;
};

TEST_F(FlashImageFile, ReopenFindsTheSameBytesAndWear) {
  const std::vector<uint8_t> data(kGeometry.page_size, 0x5A);
  {
    auto f = SimFlash::OpenOrCreate(path_, kGeometry, 1);
    ASSERT_EQ(f->erase(2), FlashStatus::kOk);
    ASSERT_EQ(f->erase(2), FlashStatus::kOk);
    ASSERT_EQ(f->program(9, data), FlashStatus::kOk);
    ASSERT_EQ(f->mark_bad(5), FlashStatus::kOk);
  }
  auto f = SimFlash::OpenOrCreate(path_, kGeometry, 1);
  std::vector<uint8_t> out(kGeometry.page_size);
  ASSERT_EQ(f->read(9, 0, out), FlashStatus::kOk);
  EXPECT_EQ(out, data);
  EXPECT_EQ(f->erase_count(2), 2u);
  EXPECT_TRUE(f->is_bad(5));
  EXPECT_EQ(f->program(9, data), FlashStatus::kAlreadyProgrammed) << "page states persist";
  EXPECT_EQ(f->program(8, data), FlashStatus::kOutOfOrder) << "program order persists";
}

TEST_F(FlashImageFile, NewImageIsErasedAndSizedByItsGeometry) {
  FlashImage::Create(path_, kGeometry);
  EXPECT_EQ(fs::file_size(path_), FlashImage::ImageSize(kGeometry));
  auto image = FlashImage::Open(path_);
  EXPECT_EQ(image.geometry(), kGeometry);
  for (uint64_t p = 0; p < kGeometry.page_count(); ++p) {
    EXPECT_FALSE(image.page_programmed(p));
    for (uint8_t b : image.page(p)) ASSERT_EQ(b, 0xFF);
  }
}

TEST_F(FlashImageFile, CreateRefusesToOverwrite) {
  FlashImage::Create(path_, kGeometry);
  EXPECT_THROW(FlashImage::Create(path_, kGeometry), ImageError);
}

TEST_F(FlashImageFile, TruncatedImageIsRefused) {
  FlashImage::Create(path_, kGeometry);
  fs::resize_file(path_, fs::file_size(path_) - 100);
  ExpectOpenError("truncated");
}

TEST_F(FlashImageFile, FileShorterThanAHeaderIsRefused) {
  std::ofstream(path_.string()) << "hello";
  ExpectOpenError("smaller than a flash image header");
}

TEST_F(FlashImageFile, TrailingBytesAreRefused) {
  FlashImage::Create(path_, kGeometry);
  fs::resize_file(path_, fs::file_size(path_) + 1);
  ExpectOpenError("unexpected bytes at the end");
}

TEST_F(FlashImageFile, WrongMagicIsRefused) {
  FlashImage::Create(path_, kGeometry);
  PokeByte(0, 'X');
  ExpectOpenError("not a Swivel flash image");
}

TEST_F(FlashImageFile, CorruptHeaderIsRefused) {
  FlashImage::Create(path_, kGeometry);
  PokeByte(13, 0x7F);  // inside the page size field
  ExpectOpenError("header is corrupt");
}

TEST_F(FlashImageFile, CorruptBlockTableEntryIsRefused) {
  FlashImage::Create(path_, kGeometry);
  PokeByte(FlashImage::kHeaderSize + 16 * 3, 0x42);  // block 3's erase count
  ExpectOpenError("block 3's table entry is corrupt");
}

TEST_F(FlashImageFile, AnotherGeometryIsRefusedNotReinterpreted) {
  FlashImage::Create(path_, kGeometry);
  auto other = kGeometry;
  other.pages_per_block = 8;
  other.block_count = 4;  // same size, different shape
  try {
    SimFlash::OpenOrCreate(path_, other, 1);
    ADD_FAILURE() << "opened an image of another geometry";
  } catch (const ImageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("differs from the device profile"));
  }
}

TEST_F(FlashImageFile, MissingFileGivesAClearError) {
  ExpectOpenError("cannot open flash image");
}

TEST(FlashImageGeometry, NonsenseGeometryIsRefused) {
  EXPECT_THROW(FlashImage::InMemory({.page_size = 0}), ImageError);
  EXPECT_THROW(FlashImage::InMemory({.page_size = 2048, .pages_per_block = 0}), ImageError);
  EXPECT_THROW(FlashImage::InMemory({.page_size = 2048, .pages_per_block = 64,
                                     .block_count = 16, .erase_endurance = 0}),
               ImageError);
  EXPECT_EQ(ValidateGeometry(FlashGeometry{}), "");
}

}  // namespace
}  // namespace swivel::hal::sim
