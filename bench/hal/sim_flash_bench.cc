// Host time the flash simulator costs. Not a test: it prints figures to compare runs.
#include <benchmark/benchmark.h>

#include <vector>

#include "hal/sim/sim_flash.h"

namespace swivel::hal::sim {
namespace {

const FlashGeometry k64MiB{};  // 512 x 64 x 2 KiB

void BM_ProgramAndEraseBlock(benchmark::State& state) {
  auto flash = SimFlash::InMemory(k64MiB, 1);
  const std::vector<uint8_t> page(k64MiB.page_size, 0xA5);
  uint32_t block = 0;
  for (auto _ : state) {
    const uint64_t base = uint64_t(block) * k64MiB.pages_per_block;
    for (uint32_t p = 0; p < k64MiB.pages_per_block; ++p) flash->program(base + p, page);
    flash->erase(block);
    block = (block + 1) % k64MiB.block_count;
  }
  state.SetItemsProcessed(state.iterations() * k64MiB.pages_per_block);
  state.SetLabel("items = page programs");
}
BENCHMARK(BM_ProgramAndEraseBlock);

void BM_ReadPage(benchmark::State& state) {
  auto flash = SimFlash::InMemory(k64MiB, 1);
  std::vector<uint8_t> out(k64MiB.page_size);
  uint64_t page = 0;
  for (auto _ : state) {
    flash->read(page, 0, out);
    benchmark::DoNotOptimize(out.data());
    page = (page + 1) % k64MiB.page_count();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * k64MiB.page_size);
}
BENCHMARK(BM_ReadPage);

// A fresh in-memory device: what each run of a power-cut sweep pays before its workload.
void BM_NewInMemoryImage(benchmark::State& state) {
  const FlashGeometry g{.page_size = 2048, .pages_per_block = 64,
                        .block_count = uint32_t(state.range(0)), .erase_endurance = 100000};
  for (auto _ : state) benchmark::DoNotOptimize(SimFlash::InMemory(g, 1));
  state.SetLabel(std::to_string(g.total_bytes() >> 20) + " MiB");
}
BENCHMARK(BM_NewInMemoryImage)->Arg(16)->Arg(512)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace swivel::hal::sim
