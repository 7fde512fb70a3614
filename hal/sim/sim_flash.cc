#include "hal/sim/sim_flash.h"

#include <boost/filesystem/operations.hpp>
#include <algorithm>
#include <cstring>

namespace swivel::hal::sim {

SimFlash::SimFlash(FlashImage image, SimRandom random, SimClock* clock, FlashTiming timing)
    : image_(std::move(image)), random_(random), clock_(clock), timing_(timing) {
  reset_stats();
}

std::unique_ptr<SimFlash> SimFlash::InMemory(const FlashGeometry& geometry, uint64_t seed,
                                             SimClock* clock, FlashTiming timing) {
  return std::make_unique<SimFlash>(FlashImage::InMemory(geometry), SimRandom(seed), clock,
                                    timing);
}

std::unique_ptr<SimFlash> SimFlash::OpenOrCreate(const boost::filesystem::path& path,
                                                 const FlashGeometry& geometry, uint64_t seed,
                                                 SimClock* clock, FlashTiming timing) {
  FlashImage image = boost::filesystem::exists(path) ? FlashImage::Open(path)
                                                     : FlashImage::Create(path, geometry);
  if (!(image.geometry() == geometry)) {
    const auto& g = image.geometry();
    throw ImageError(path.string() + ": image geometry (" + std::to_string(g.block_count) +
                     " blocks x " + std::to_string(g.pages_per_block) + " pages x " +
                     std::to_string(g.page_size) + " bytes, endurance " +
                     std::to_string(g.erase_endurance) +
                     ") differs from the device profile's; refusing to reinterpret it");
  }
  return std::make_unique<SimFlash>(std::move(image), SimRandom(seed), clock, timing);
}

void SimFlash::reset_stats() {
  const auto blocks = geometry().block_count;
  stats_ = FlashStats{};
  stats_.block_reads.assign(blocks, 0);
  stats_.block_programs.assign(blocks, 0);
  stats_.block_erases.assign(blocks, 0);
}

void SimFlash::Busy(Duration d) {
  stats_.busy += d;
  if (clock_) clock_->advance(d);
}

bool SimFlash::CutNow() {
  const bool cut = cut_at_ && writes_ == *cut_at_;
  ++writes_;
  if (cut) {
    cut_at_.reset();
    powered_ = false;
  }
  return cut;
}

void SimFlash::schedule_power_cut(uint64_t write_index, TearMode mode) {
  cut_at_ = write_index;
  cut_mode_ = mode;
}

FlashStatus SimFlash::read(uint64_t page, uint32_t offset, std::span<uint8_t> out) {
  if (!powered_) return FlashStatus::kPowerLost;
  const auto& g = geometry();
  if (page >= g.page_count() || offset > g.page_size || out.size() > g.page_size - offset)
    return FlashStatus::kOutOfRange;
  const auto block = uint32_t(page / g.pages_per_block);
  const auto src = image_.page(page).subspan(offset, out.size());
  std::copy(src.begin(), src.end(), out.begin());
  ApplyUnstableBits(page, offset, out);
  if (!out.empty() && random_.chance(flip_probability_)) {
    const uint64_t bit = random_.uniform(out.size() * 8);
    out[bit / 8] ^= uint8_t(1u << (bit % 8));
  }
  ++stats_.reads;
  ++stats_.block_reads[block];
  stats_.bytes_read += out.size();
  Busy(timing_.page_read);
  return FlashStatus::kOk;
}

FlashStatus SimFlash::program(uint64_t page, std::span<const uint8_t> data) {
  if (!powered_) return FlashStatus::kPowerLost;
  const auto& g = geometry();
  if (page >= g.page_count() || data.size() > g.page_size) return FlashStatus::kOutOfRange;
  const auto block = uint32_t(page / g.pages_per_block);
  const auto index = uint32_t(page % g.pages_per_block);
  auto info = image_.block(block);
  if (info.bad) return FlashStatus::kBadBlock;
  if (image_.page_programmed(page)) return FlashStatus::kAlreadyProgrammed;
  if (index < info.next_page) return FlashStatus::kOutOfOrder;

  // Page state first, then data: if the host process dies between the two, the page reads
  // as programmed-but-blank, which is a state a real torn program can leave too.
  image_.set_page_programmed(page, true);
  info.next_page = index + 1;
  image_.set_block(block, info);
  ++stats_.programs;
  ++stats_.block_programs[block];
  Busy(timing_.page_program);
  if (CutNow()) {
    TearProgram(page, data);
    return FlashStatus::kPowerLost;
  }
  std::copy(data.begin(), data.end(), image_.page(page).begin());
  stats_.bytes_programmed += data.size();
  return FlashStatus::kOk;
}

void SimFlash::MarkUnstable(uint64_t page, std::span<const uint8_t> target) {
  if (!unstable_tears_) return;
  std::vector<uint8_t> full(geometry().page_size, 0xFF);
  std::copy(target.begin(), target.end(), full.begin());
  unstable_[page] = std::move(full);
}

void SimFlash::ApplyUnstableBits(uint64_t page, uint32_t offset, std::span<uint8_t> out) {
  auto it = unstable_.find(page);
  if (it == unstable_.end()) return;
  for (size_t i = 0; i < out.size(); ++i) {
    const uint8_t changing = out[i] ^ it->second[offset + i];
    if (changing) out[i] ^= uint8_t(random_.next_u64() & changing);
  }
}

void SimFlash::TearProgram(uint64_t page, std::span<const uint8_t> data) {
  auto dest = image_.page(page);
  if (cut_mode_ == TearMode::kPrefix || cut_mode_ == TearMode::kRandomSubset)
    MarkUnstable(page, data);
  switch (cut_mode_) {
    case TearMode::kNothing:
      break;
    case TearMode::kPrefix: {
      const auto n = data.empty() ? 0 : random_.uniform(data.size());
      std::copy_n(data.begin(), n, dest.begin());
      break;
    }
    case TearMode::kRandomSubset:
      for (size_t i = 0; i < data.size(); ++i)
        if (random_.chance(0.5)) dest[i] = data[i];
      break;
    case TearMode::kComplete:
      std::copy(data.begin(), data.end(), dest.begin());
      break;
  }
}

void SimFlash::EraseBlockBytes(uint32_t block, uint32_t first_page, uint32_t end_page) {
  const uint64_t base = uint64_t(block) * geometry().pages_per_block;
  for (uint32_t p = first_page; p < end_page; ++p) {
    auto bytes = image_.page(base + p);
    std::fill(bytes.begin(), bytes.end(), uint8_t{0xFF});
    image_.set_page_programmed(base + p, false);
    unstable_.erase(base + p);
  }
}

FlashStatus SimFlash::erase(uint32_t block) {
  if (!powered_) return FlashStatus::kPowerLost;
  const auto& g = geometry();
  if (block >= g.block_count) return FlashStatus::kOutOfRange;
  auto info = image_.block(block);
  if (info.bad) return FlashStatus::kBadBlock;
  Busy(timing_.block_erase);
  if (info.erase_count >= g.erase_endurance) {
    // Worn out: the erase fails and the block is retired. Its data stays readable.
    info.bad = true;
    image_.set_block(block, info);
    return FlashStatus::kBadBlock;
  }
  ++stats_.erases;
  ++stats_.block_erases[block];
  if (CutNow()) {
    TearErase(block);
    return FlashStatus::kPowerLost;
  }
  // Data first, then the table entry (see program()).
  EraseBlockBytes(block, 0, g.pages_per_block);
  info.erase_count++;
  info.next_page = 0;
  image_.set_block(block, info);
  return FlashStatus::kOk;
}

void SimFlash::TearErase(uint32_t block) {
  const auto& g = geometry();
  auto info = image_.block(block);
  if (cut_mode_ == TearMode::kNothing) return;
  info.erase_count++;  // the cells were stressed either way
  if (cut_mode_ == TearMode::kComplete) {
    EraseBlockBytes(block, 0, g.pages_per_block);
    info.next_page = 0;
  } else if (cut_mode_ == TearMode::kPrefix) {
    EraseBlockBytes(block, 0, uint32_t(random_.uniform(g.pages_per_block)));
  } else {
    const uint64_t base = uint64_t(block) * g.pages_per_block;
    for (uint32_t p = 0; p < g.pages_per_block; ++p)
      for (auto& byte : image_.page(base + p))
        if (random_.chance(0.5)) byte = 0xFF;
  }
  if (cut_mode_ != TearMode::kComplete) {
    const uint64_t base = uint64_t(block) * g.pages_per_block;
    for (uint32_t p = 0; p < g.pages_per_block; ++p)
      if (image_.page_programmed(base + p)) MarkUnstable(base + p, {});  // becoming 0xFF
  }
  // A half-erased block takes no new program until it is erased again: keep next_page, and
  // every page not fully erased above stays "programmed".
  image_.set_block(block, info);
}

bool SimFlash::is_bad(uint32_t block) const {
  return block < geometry().block_count && image_.block(block).bad;
}

FlashStatus SimFlash::mark_bad(uint32_t block) {
  if (!powered_) return FlashStatus::kPowerLost;
  if (block >= geometry().block_count) return FlashStatus::kOutOfRange;
  auto info = image_.block(block);
  info.bad = true;
  image_.set_block(block, info);
  return FlashStatus::kOk;
}

void SimFlash::flip_stored_bit(uint64_t page, uint32_t bit_in_page) {
  image_.page(page)[bit_in_page / 8] ^= uint8_t(1u << (bit_in_page % 8));
}

}  // namespace swivel::hal::sim
