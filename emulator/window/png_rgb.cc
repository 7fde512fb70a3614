#include "emulator/window/png_rgb.h"

#include <png.h>

#include <cstring>

namespace swivel::emulator::window {

bool SaveRgbPng(const std::string& path, std::span<const uint8_t> rgb, int32_t width, int32_t height,
                std::string* error) {
  if (width <= 0 || height <= 0 || rgb.size() != size_t(width) * size_t(height) * 3) {
    *error = path + ": no image to save";
    return false;
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = png_uint_32(width);
  image.height = png_uint_32(height);
  image.format = PNG_FORMAT_RGB;
  if (!png_image_write_to_file(&image, path.c_str(), 0, rgb.data(), width * 3, nullptr)) {
    *error = path + ": cannot be written (" + image.message + ")";
    png_image_free(&image);
    return false;
  }
  return true;
}

}  // namespace swivel::emulator::window
