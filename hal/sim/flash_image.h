#pragma once
// FlashImage: the bytes behind a SimFlash, laid out the same way in memory and in a host file.
//
//   [0, 4096)        header: magic "SWVFLASH", version, geometry, CRC32C of the header
//   [4096, ...)      block table: 16 bytes a block (erase count, flags, next page, CRC32C)
//   [..., ...)       page states: one byte a page (0xFF erased, 0x00 programmed)
//   [data, end)      the flash contents, page after page; `data` is 4096-aligned
//
// A file-backed image is memory-mapped (MAP_SHARED): every change the device makes is in the
// host's page cache at once, so killing the emulator process leaves the image exactly as the
// device last wrote it, as pulling a real battery would.
#include <boost/filesystem/path.hpp>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "hal/flash.h"

namespace swivel::hal::sim {

// A host image file that cannot be used; the message names the file and the problem.
class ImageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Empty when the geometry is usable, else what is wrong with it.
std::string ValidateGeometry(const FlashGeometry& g);

class FlashImage {
 public:
  static constexpr uint32_t kVersion = 1;
  static constexpr size_t kHeaderSize = 4096;

  struct BlockInfo {
    uint32_t erase_count = 0;
    bool bad = false;
    uint32_t next_page = 0;  // lowest page of the block that may still be programmed
  };

  static FlashImage InMemory(const FlashGeometry& geometry);
  // Creates a new, fully erased image file. Fails if the file exists.
  static FlashImage Create(const boost::filesystem::path& path, const FlashGeometry& geometry);
  // Opens and validates an existing image file.
  static FlashImage Open(const boost::filesystem::path& path, bool writable = true);

  FlashImage(FlashImage&& other) noexcept;
  FlashImage& operator=(FlashImage&& other) noexcept;
  FlashImage(const FlashImage&) = delete;
  FlashImage& operator=(const FlashImage&) = delete;
  ~FlashImage();

  const FlashGeometry& geometry() const { return geometry_; }
  const boost::filesystem::path& path() const { return path_; }  // empty in memory
  bool file_backed() const { return !path_.empty(); }

  BlockInfo block(uint32_t block) const;
  void set_block(uint32_t block, const BlockInfo& info);
  bool page_programmed(uint64_t page) const;
  void set_page_programmed(uint64_t page, bool programmed);
  std::span<uint8_t> page(uint64_t page);
  std::span<const uint8_t> page(uint64_t page) const;

  // Asks the host to write the mapping back to the file (not needed for durability against a
  // killed process; only against a host crash).
  void flush();

  static size_t ImageSize(const FlashGeometry& geometry);

 private:
  FlashImage() = default;
  void Layout();                       // computes offsets from geometry_
  void WriteFreshImage();              // header, empty table, erased pages
  void Validate(uint64_t file_size);   // throws ImageError
  void Unmap();

  FlashGeometry geometry_{};
  boost::filesystem::path path_;
  std::vector<uint8_t> memory_;        // backing store when in memory
  uint8_t* bytes_ = nullptr;           // start of the image (memory_ or the mapping)
  size_t size_ = 0;
  bool mapped_ = false;
  size_t table_offset_ = 0, states_offset_ = 0, data_offset_ = 0;
};

}  // namespace swivel::hal::sim
