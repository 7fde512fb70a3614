#pragma once
// PNG files through libpng: images for the UI and screenshots of the framebuffer.
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "os/gfx/bitmap.h"

namespace swivel::os::gfx {

// A PNG that cannot be read or written; the message starts with the file's name.
class PngError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Images larger than this on either side are refused rather than allocated.
inline constexpr uint32_t kMaxPngSide = 8192;

// Decodes any PNG (palette, grey, 16-bit, interlaced, with or without alpha) to 8-bit RGBA.
// `name` only labels errors. Throws PngError for a corrupt, truncated or oversized image.
BitmapRgba DecodePng(std::span<const uint8_t> bytes, const std::string& name);
// Reads and decodes a file; throws PngError naming the file when it is missing or bad.
BitmapRgba LoadPng(const std::string& path);

// Encodes RGB565 pixels as an 8-bit RGB PNG, each pixel expanded with FromRgb565. The bytes
// depend only on the pixels: no time, text or gamma chunks, zlib level 6 and the
// PNG_FILTER_NONE filter fixed, so screenshots of equal frames are equal files.
std::vector<uint8_t> EncodePng(std::span<const uint16_t> pixels, int32_t width, int32_t height);
void SavePng(const std::string& path, std::span<const uint16_t> pixels, int32_t width,
             int32_t height);
inline void SavePng(const std::string& path, const Bitmap565& b) {
  SavePng(path, b.pixels, b.width, b.height);
}

// Encodes straight-alpha RGBA pixels as an 8-bit RGBA PNG with the same fixed settings, so
// equal images are equal files (art made by a program can be checked against its output).
std::vector<uint8_t> EncodePngRgba(const BitmapRgba& image);
void SavePngRgba(const std::string& path, const BitmapRgba& image);

}  // namespace swivel::os::gfx
