#include "tests/emulator/window/xwd.h"

#include <bit>

namespace swivel::emulator::testing {
namespace {

// The header: 25 unsigned 32-bit fields, most significant byte first, then the window's
// name up to header_size, then ncolors colour entries of 12 bytes, then the pixels.
enum Field {
  kHeaderSize, kFileVersion, kPixmapFormat, kPixmapDepth, kPixmapWidth, kPixmapHeight, kXOffset,
  kByteOrder, kBitmapUnit, kBitmapBitOrder, kBitmapPad, kBitsPerPixel, kBytesPerLine, kVisualClass,
  kRedMask, kGreenMask, kBlueMask, kBitsPerRgb, kColormapEntries, kNColors, kFieldCount = 25,
};
constexpr uint32_t kZPixmap = 2, kTrueColor = 4, kDirectColor = 5, kColorEntrySize = 12;

uint32_t BigEndian32(const uint8_t* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

// A channel's bits under `mask`, stretched to 0..255.
uint8_t Channel(uint32_t pixel, uint32_t mask) {
  if (mask == 0) return 0;
  const int shift = std::countr_zero(mask);
  const int bits = std::popcount(mask);
  const uint32_t v = (pixel & mask) >> shift;
  const uint32_t max = (bits >= 32) ? 0xFFFFFFFFu : (1u << bits) - 1;
  return uint8_t((uint64_t(v) * 255 + max / 2) / max);
}

}  // namespace

bool ParseXwd(std::span<const uint8_t> bytes, RgbImage* image, std::string* error) {
  if (bytes.size() < kFieldCount * 4) return *error = "too short for an xwd header", false;
  uint32_t h[kFieldCount];
  for (int i = 0; i < kFieldCount; ++i) h[i] = BigEndian32(&bytes[size_t(i) * 4]);
  if (h[kFileVersion] != 7) return *error = "not an xwd dump of version 7", false;
  if (h[kPixmapFormat] != kZPixmap) return *error = "not a ZPixmap dump", false;
  if (h[kVisualClass] != kTrueColor && h[kVisualClass] != kDirectColor)
    return *error = "not a TrueColor or DirectColor visual", false;
  const uint32_t bpp = h[kBitsPerPixel];
  if (bpp != 16 && bpp != 24 && bpp != 32) return *error = "unsupported bits per pixel " + std::to_string(bpp), false;
  const uint32_t width = h[kPixmapWidth], height = h[kPixmapHeight], stride = h[kBytesPerLine];
  if (width == 0 || height == 0 || width > 16384 || height > 16384 || stride < width * (bpp / 8))
    return *error = "implausible size", false;
  const uint64_t data = uint64_t(h[kHeaderSize]) + uint64_t(h[kNColors]) * kColorEntrySize;
  if (h[kHeaderSize] < kFieldCount * 4 || data + uint64_t(stride) * height > bytes.size())
    return *error = "truncated", false;

  const bool msb_first = h[kByteOrder] == 1;
  const uint32_t bytes_per_pixel = bpp / 8;
  image->width = int32_t(width);
  image->height = int32_t(height);
  image->rgb.assign(size_t(width) * height * 3, 0);
  for (uint32_t y = 0; y < height; ++y) {
    const uint8_t* row = &bytes[size_t(data) + size_t(y) * stride];
    for (uint32_t x = 0; x < width; ++x) {
      const uint8_t* p = row + size_t(x) * bytes_per_pixel;
      uint32_t pixel = 0;
      for (uint32_t b = 0; b < bytes_per_pixel; ++b) {
        const uint32_t byte = p[msb_first ? b : bytes_per_pixel - 1 - b];
        pixel = pixel << 8 | byte;
      }
      uint8_t* out = &image->rgb[(size_t(y) * width + x) * 3];
      out[0] = Channel(pixel, h[kRedMask]);
      out[1] = Channel(pixel, h[kGreenMask]);
      out[2] = Channel(pixel, h[kBlueMask]);
    }
  }
  return true;
}

}  // namespace swivel::emulator::testing
