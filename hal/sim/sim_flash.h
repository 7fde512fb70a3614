#pragma once
// SimFlash: emulated NAND behind hal::Flash, with the faults a store must survive.
//
// Fault model:
// - Power cut: schedule_power_cut(n, mode) tears the n-th write (program or erase, counted by
//   writes()); after it, every operation fails with kPowerLost until restore_power().
//   Reads do not count: a cut during a read leaves flash as a cut before the next write does.
// - Torn program: nothing, a prefix, or a seeded random subset of the bytes lands, or all of
//   it lands but the caller never hears so. Either way the page counts as programmed: a
//   store must not program a page that may be partly programmed.
// - Torn erase: nothing, the first pages, or a seeded random subset of bytes return to 0xFF;
//   pages not fully erased still count as programmed, so the block needs a new erase.
// - Unstable bits (optional, as UBIFS warns): after a tear, the bits that were changing when
//   power went read as either their old or new value, afresh on every read, until the block
//   is erased. A store must not trust that two reads of a torn page agree.
// - Bit flips on read (seeded, in the returned bytes only) and flips of stored bits.
// - Wear-out: the erase after `erase_endurance` erases fails and the block goes bad.
#include <boost/filesystem/path.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "hal/flash.h"
#include "hal/sim/flash_image.h"
#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_random.h"

namespace swivel::hal::sim {

// Datasheet-like SLC NAND figures; each operation adds its time to the device clock.
struct FlashTiming {
  Duration page_read{25};
  Duration page_program{250};
  Duration block_erase{2000};
};

enum class TearMode {
  kNothing,       // power went before the operation started
  kPrefix,        // program: a prefix of the data; erase: the first pages of the block
  kRandomSubset,  // a seeded random subset of the bytes
  kComplete,      // the operation finished, but power went before it could report success
};

struct FlashStats {
  uint64_t reads = 0, programs = 0, erases = 0;
  uint64_t bytes_read = 0, bytes_programmed = 0;
  Duration busy{0};
  std::vector<uint64_t> block_reads, block_programs, block_erases;
};

class SimFlash final : public Flash {
 public:
  // `clock` may be null (busy time then only shows in stats().busy).
  SimFlash(FlashImage image, SimRandom random, SimClock* clock = nullptr, FlashTiming timing = {});

  static std::unique_ptr<SimFlash> InMemory(const FlashGeometry& geometry, uint64_t seed,
                                            SimClock* clock = nullptr, FlashTiming timing = {});
  // Opens the image file at `path`, creating it if it does not exist. A file with another
  // geometry than `geometry` is refused (ImageError) rather than reinterpreted.
  static std::unique_ptr<SimFlash> OpenOrCreate(const boost::filesystem::path& path,
                                                const FlashGeometry& geometry, uint64_t seed,
                                                SimClock* clock = nullptr,
                                                FlashTiming timing = {});

  // hal::Flash
  const FlashGeometry& geometry() const override { return image_.geometry(); }
  FlashStatus read(uint64_t page, uint32_t offset, std::span<uint8_t> out) override;
  FlashStatus program(uint64_t page, std::span<const uint8_t> data) override;
  FlashStatus erase(uint32_t block) override;
  bool is_bad(uint32_t block) const override;
  FlashStatus mark_bad(uint32_t block) override;

  // Fault injection.
  void schedule_power_cut(uint64_t write_index, TearMode mode);
  void cancel_power_cut() { cut_at_.reset(); }
  void cut_power() { powered_ = false; }
  void restore_power() { powered_ = true; }
  bool powered() const { return powered_; }
  void set_read_flip_probability(double per_read) { flip_probability_ = per_read; }
  void set_unstable_tears(bool on) { unstable_tears_ = on; }
  void flip_stored_bit(uint64_t page, uint32_t bit_in_page);

  // Introspection for tests, tools and benchmarks.
  uint64_t writes() const { return writes_; }  // programs + erases started while powered
  uint32_t erase_count(uint32_t block) const { return image_.block(block).erase_count; }
  bool is_programmed(uint64_t page) const { return image_.page_programmed(page); }
  const FlashStats& stats() const { return stats_; }
  void reset_stats();
  FlashImage& image() { return image_; }

 private:
  bool CutNow();  // counts a write; true when this one is torn
  void Busy(Duration d);
  void TearProgram(uint64_t page, std::span<const uint8_t> data);
  void TearErase(uint32_t block);
  void EraseBlockBytes(uint32_t block, uint32_t first_page, uint32_t end_page);
  // Remembers what a torn page was becoming, so reads can waver between old and new bits.
  void MarkUnstable(uint64_t page, std::span<const uint8_t> target);
  void ApplyUnstableBits(uint64_t page, uint32_t offset, std::span<uint8_t> out);

  FlashImage image_;
  SimRandom random_;
  SimClock* clock_;
  FlashTiming timing_;
  FlashStats stats_;
  bool powered_ = true;
  uint64_t writes_ = 0;
  std::optional<uint64_t> cut_at_;
  TearMode cut_mode_ = TearMode::kNothing;
  double flip_probability_ = 0;
  bool unstable_tears_ = false;
  std::unordered_map<uint64_t, std::vector<uint8_t>> unstable_;  // page -> bits it was becoming
};

}  // namespace swivel::hal::sim
