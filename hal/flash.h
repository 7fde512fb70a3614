#pragma once
// hal::Flash: raw NAND, as a flash translation layer or log-structured store sees it.
//
// Rules (as on real SLC NAND):
// - Erase works on a whole block and sets every byte to 0xFF.
// - A page is programmed at most once between erases, and pages in a block are programmed in
//   ascending order (pages may be skipped, never revisited).
// - Reads of a bad block still work (to salvage data); program and erase on it fail.
// - After power is lost every operation fails with kPowerLost until the host restores power.
#include <cstdint>
#include <span>
#include <string_view>

namespace swivel::hal {

struct FlashGeometry {
  uint32_t page_size = 2048;       // bytes per page (the program unit)
  uint32_t pages_per_block = 64;   // pages per erase block
  uint32_t block_count = 512;      // 512 x 64 x 2 KiB = 64 MiB
  uint32_t erase_endurance = 100000;  // erases a block takes before it wears out

  uint64_t block_size() const { return uint64_t(page_size) * pages_per_block; }
  uint64_t page_count() const { return uint64_t(pages_per_block) * block_count; }
  uint64_t total_bytes() const { return block_size() * block_count; }
  bool operator==(const FlashGeometry&) const = default;
};

enum class FlashStatus {
  kOk,
  kPowerLost,          // power is gone; nothing more happens until it returns
  kBadBlock,           // the block is marked bad (or just wore out)
  kAlreadyProgrammed,  // program of a page that was programmed since the last erase
  kOutOfOrder,         // program of a page below the highest programmed page of its block
  kOutOfRange,         // address or length beyond the geometry
};

std::string_view ToString(FlashStatus status);

// A page is addressed by its index across the whole device: block * pages_per_block + page.
class Flash {
 public:
  virtual ~Flash() = default;
  virtual const FlashGeometry& geometry() const = 0;

  // Reads out.size() bytes of `page` starting at `offset`. Costs one page read.
  virtual FlashStatus read(uint64_t page, uint32_t offset, std::span<uint8_t> out) = 0;
  // Programs `data` (at most a page) at the start of `page`; the rest of the page keeps 0xFF.
  virtual FlashStatus program(uint64_t page, std::span<const uint8_t> data) = 0;
  virtual FlashStatus erase(uint32_t block) = 0;

  virtual bool is_bad(uint32_t block) const = 0;
  // Retires a block for good (what a store does when a block fails). Idempotent.
  virtual FlashStatus mark_bad(uint32_t block) = 0;
};

}  // namespace swivel::hal
