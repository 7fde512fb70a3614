#include "hal/sim/flash_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem/operations.hpp>
#include <cerrno>
#include <cstring>
#include <utility>

#include "base/crc32c.h"
#include "base/le.h"

namespace swivel::hal::sim {
namespace {

constexpr char kMagic[8] = {'S', 'W', 'V', 'F', 'L', 'A', 'S', 'H'};
constexpr size_t kBlockEntrySize = 16;
constexpr uint32_t kFlagBad = 1;
constexpr uint8_t kPageErased = 0xFF, kPageProgrammed = 0x00;

// Header fields, little-endian u32s after the magic; the CRC covers magic + fields.
struct HeaderFields {
  uint32_t version, page_size, pages_per_block, block_count, erase_endurance;
};
constexpr size_t kHeaderCrcOffset = sizeof(kMagic) + sizeof(HeaderFields);

size_t AlignUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

std::string ValidateGeometry(const FlashGeometry& g) {
  if (g.page_size < 64 || g.page_size > 65536) return "page size must be 64..65536 bytes";
  if (g.pages_per_block < 1 || g.pages_per_block > 4096) return "pages per block must be 1..4096";
  if (g.block_count < 1 || g.block_count > (1u << 20)) return "block count must be 1..1048576";
  if (g.erase_endurance < 1) return "erase endurance must be at least 1";
  if (g.total_bytes() > (uint64_t(16) << 30)) return "flash larger than 16 GiB";
  return {};
}

size_t FlashImage::ImageSize(const FlashGeometry& g) {
  const size_t table = kHeaderSize + size_t(g.block_count) * kBlockEntrySize;
  const size_t states = table + g.page_count();
  return AlignUp(states, 4096) + g.total_bytes();
}

void FlashImage::Layout() {
  table_offset_ = kHeaderSize;
  states_offset_ = table_offset_ + size_t(geometry_.block_count) * kBlockEntrySize;
  data_offset_ = AlignUp(states_offset_ + geometry_.page_count(), 4096);
  size_ = data_offset_ + geometry_.total_bytes();
}

FlashImage FlashImage::InMemory(const FlashGeometry& geometry) {
  if (auto why = ValidateGeometry(geometry); !why.empty())
    throw ImageError("invalid flash geometry: " + why);
  FlashImage image;
  image.geometry_ = geometry;
  image.Layout();
  image.memory_.resize(image.size_);
  image.bytes_ = image.memory_.data();
  image.WriteFreshImage();
  return image;
}

FlashImage FlashImage::Create(const boost::filesystem::path& path, const FlashGeometry& geometry) {
  if (auto why = ValidateGeometry(geometry); !why.empty())
    throw ImageError(path.string() + ": invalid flash geometry: " + why);
  if (path.has_parent_path()) boost::filesystem::create_directories(path.parent_path());
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw ImageError(Errno(path.string() + ": cannot create flash image"));
  FlashImage image;
  image.geometry_ = geometry;
  image.path_ = path;
  image.Layout();
  if (::ftruncate(fd, off_t(image.size_)) != 0) {
    const auto message = Errno(path.string() + ": cannot size flash image");
    ::close(fd);
    ::unlink(path.c_str());
    throw ImageError(message);
  }
  void* map = ::mmap(nullptr, image.size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw ImageError(Errno(path.string() + ": cannot map flash image"));
  image.bytes_ = static_cast<uint8_t*>(map);
  image.mapped_ = true;
  image.WriteFreshImage();
  return image;
}

FlashImage FlashImage::Open(const boost::filesystem::path& path, bool writable) {
  const int fd = ::open(path.c_str(), (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) throw ImageError(Errno(path.string() + ": cannot open flash image"));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw ImageError(path.string() + ": not a regular file");
  }
  const auto file_size = uint64_t(st.st_size);
  if (file_size < kHeaderSize) {
    ::close(fd);
    throw ImageError(path.string() + ": file is " + std::to_string(file_size) +
                     " bytes, smaller than a flash image header (" +
                     std::to_string(kHeaderSize) + "): truncated or not a flash image");
  }
  void* map = ::mmap(nullptr, file_size, PROT_READ | (writable ? PROT_WRITE : 0), MAP_SHARED,
                     fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw ImageError(Errno(path.string() + ": cannot map flash image"));
  FlashImage image;
  image.path_ = path;
  image.bytes_ = static_cast<uint8_t*>(map);
  image.size_ = file_size;
  image.mapped_ = true;
  image.Validate(file_size);  // on throw, ~FlashImage unmaps
  return image;
}

void FlashImage::Validate(uint64_t file_size) {
  const std::string name = path_.string() + ": ";
  if (std::memcmp(bytes_, kMagic, sizeof(kMagic)) != 0)
    throw ImageError(name + "not a Swivel flash image (bad magic)");
  const uint8_t* f = bytes_ + sizeof(kMagic);
  const uint32_t stored_crc = GetLe32(bytes_ + kHeaderCrcOffset);
  if (Crc32c({bytes_, kHeaderCrcOffset}) != stored_crc)
    throw ImageError(name + "flash image header is corrupt (checksum mismatch)");
  if (GetLe32(f) != kVersion)
    throw ImageError(name + "unsupported flash image version " + std::to_string(GetLe32(f)));
  geometry_ = FlashGeometry{GetLe32(f + 4), GetLe32(f + 8), GetLe32(f + 12), GetLe32(f + 16)};
  if (auto why = ValidateGeometry(geometry_); !why.empty())
    throw ImageError(name + "flash image header has an invalid geometry: " + why);
  const size_t mapped_size = size_;
  Layout();
  if (file_size != size_) {
    const bool short_file = file_size < size_;
    size_ = mapped_size;  // unmap what was really mapped
    throw ImageError(name + "file is " + std::to_string(file_size) + " bytes but its geometry needs " +
                     std::to_string(ImageSize(geometry_)) +
                     (short_file ? ": the image is truncated" : ": unexpected bytes at the end"));
  }
  for (uint32_t b = 0; b < geometry_.block_count; ++b) {
    const uint8_t* e = bytes_ + table_offset_ + size_t(b) * kBlockEntrySize;
    if (Crc32c({e, 12}) != GetLe32(e + 12))
      throw ImageError(name + "block " + std::to_string(b) +
                       "'s table entry is corrupt (checksum mismatch)");
  }
}

void FlashImage::WriteFreshImage() {
  std::memset(bytes_, 0, kHeaderSize);
  std::memcpy(bytes_, kMagic, sizeof(kMagic));
  uint8_t* f = bytes_ + sizeof(kMagic);
  PutLe32(f, kVersion);
  PutLe32(f + 4, geometry_.page_size);
  PutLe32(f + 8, geometry_.pages_per_block);
  PutLe32(f + 12, geometry_.block_count);
  PutLe32(f + 16, geometry_.erase_endurance);
  PutLe32(bytes_ + kHeaderCrcOffset, Crc32c({bytes_, kHeaderCrcOffset}));
  for (uint32_t b = 0; b < geometry_.block_count; ++b) set_block(b, BlockInfo{});
  std::memset(bytes_ + states_offset_, kPageErased, data_offset_ - states_offset_);
  std::memset(bytes_ + data_offset_, 0xFF, geometry_.total_bytes());  // new NAND is erased
}

FlashImage::BlockInfo FlashImage::block(uint32_t b) const {
  const uint8_t* e = bytes_ + table_offset_ + size_t(b) * kBlockEntrySize;
  return BlockInfo{GetLe32(e), (GetLe32(e + 4) & kFlagBad) != 0, GetLe32(e + 8)};
}

void FlashImage::set_block(uint32_t b, const BlockInfo& info) {
  // Built aside and copied in one go, so the entry in the mapping is never half updated
  // for longer than one memcpy.
  uint8_t e[kBlockEntrySize];
  PutLe32(e, info.erase_count);
  PutLe32(e + 4, info.bad ? kFlagBad : 0);
  PutLe32(e + 8, info.next_page);
  PutLe32(e + 12, Crc32c({e, 12}));
  std::memcpy(bytes_ + table_offset_ + size_t(b) * kBlockEntrySize, e, sizeof(e));
}

bool FlashImage::page_programmed(uint64_t p) const {
  return bytes_[states_offset_ + p] != kPageErased;
}

void FlashImage::set_page_programmed(uint64_t p, bool programmed) {
  bytes_[states_offset_ + p] = programmed ? kPageProgrammed : kPageErased;
}

std::span<uint8_t> FlashImage::page(uint64_t p) {
  return {bytes_ + data_offset_ + p * geometry_.page_size, geometry_.page_size};
}

std::span<const uint8_t> FlashImage::page(uint64_t p) const {
  return {bytes_ + data_offset_ + p * geometry_.page_size, geometry_.page_size};
}

void FlashImage::flush() {
  if (mapped_) ::msync(bytes_, size_, MS_SYNC);
}

void FlashImage::Unmap() {
  if (mapped_ && bytes_) ::munmap(bytes_, size_);
  bytes_ = nullptr;
  mapped_ = false;
}

FlashImage::FlashImage(FlashImage&& other) noexcept { *this = std::move(other); }

FlashImage& FlashImage::operator=(FlashImage&& other) noexcept {
  if (this == &other) return *this;
  Unmap();
  geometry_ = other.geometry_;
  path_ = std::move(other.path_);
  memory_ = std::move(other.memory_);
  mapped_ = std::exchange(other.mapped_, false);
  size_ = other.size_;
  bytes_ = mapped_ ? std::exchange(other.bytes_, nullptr) : memory_.data();
  other.bytes_ = nullptr;
  table_offset_ = other.table_offset_;
  states_offset_ = other.states_offset_;
  data_offset_ = other.data_offset_;
  return *this;
}

FlashImage::~FlashImage() { Unmap(); }

}  // namespace swivel::hal::sim
