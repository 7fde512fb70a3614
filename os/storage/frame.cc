#include "os/storage/frame.h"

#include <algorithm>

#include "base/crc32c.h"
#include "base/le.h"

namespace swivel::os::storage {

std::vector<uint8_t> EncodeFrame(const FrameHeader& header, std::span<const uint8_t> payload,
                                 size_t page_size) {
  std::vector<uint8_t> page(page_size, 0xFF);
  uint8_t* h = page.data();
  PutLe32(h, kFrameMagic);
  h[4] = kFrameVersion;
  h[5] = uint8_t((header.commit ? 1 : 0) | (header.summary ? 2 : 0));
  PutLe16(h + 6, uint16_t(payload.size()));
  PutLe64(h + 8, header.sequence);
  PutLe64(h + 16, header.transaction);
  PutLe32(h + 24, header.erase_count);
  std::copy(payload.begin(), payload.end(), page.begin() + kFrameHeaderSize);
  uint32_t crc = Crc32c({h, 28});
  crc = Crc32c(payload, crc);
  PutLe32(h + 28, crc);
  return page;
}

PageKind DecodeFrame(std::span<const uint8_t> page, DecodedFrame* out) {
  if (std::all_of(page.begin(), page.end(), [](uint8_t b) { return b == 0xFF; }))
    return PageKind::kErased;
  if (page.size() < kFrameHeaderSize) return PageKind::kGarbage;
  const uint8_t* h = page.data();
  if (GetLe32(h) != kFrameMagic || h[4] != kFrameVersion || (h[5] & ~3u) != 0)
    return PageKind::kGarbage;
  const size_t length = GetLe16(h + 6);
  if (length > page.size() - kFrameHeaderSize) return PageKind::kGarbage;
  const auto payload = page.subspan(kFrameHeaderSize, length);
  if (Crc32c(payload, Crc32c({h, 28})) != GetLe32(h + 28)) return PageKind::kGarbage;
  if (out) {
    out->header = FrameHeader{(h[5] & 1u) != 0, GetLe64(h + 8), GetLe64(h + 16), GetLe32(h + 24),
                              (h[5] & 2u) != 0};
    out->payload = payload;
  }
  return PageKind::kFrame;
}

}  // namespace swivel::os::storage
