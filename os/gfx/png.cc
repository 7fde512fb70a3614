#include "os/gfx/png.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <fstream>
#include <iterator>

#include "os/gfx/color.h"

namespace swivel::os::gfx {

BitmapRgba DecodePng(std::span<const uint8_t> bytes, const std::string& name) {
  // libpng's simplified API keeps its setjmp/longjmp inside libpng's own C frames, so no C++
  // frame is ever jumped over; failures come back as a flag plus image.message.
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    throw PngError(name + ": not a readable PNG (" + image.message + ")");
  }
  if (image.width == 0 || image.height == 0 || image.width > kMaxPngSide ||
      image.height > kMaxPngSide) {
    png_image_free(&image);
    throw PngError(name + ": PNG is " + std::to_string(image.width) + "x" +
                   std::to_string(image.height) + ", larger than " + std::to_string(kMaxPngSide) +
                   " on a side or empty");
  }
  image.format = PNG_FORMAT_RGBA;
  BitmapRgba out(int32_t(image.width), int32_t(image.height));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    const std::string why = image.message;
    png_image_free(&image);
    throw PngError(name + ": corrupt PNG (" + why + ")");
  }
  return out;
}

BitmapRgba LoadPng(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PngError(path + ": cannot open (" + std::strerror(errno) + ")");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  if (in.bad()) throw PngError(path + ": read error");
  return DecodePng(bytes, path);
}

namespace {

struct WriteState {
  std::vector<uint8_t>* out;
  char error[200];
};

void OnWrite(png_structp png, png_bytep data, size_t length) {
  auto* state = static_cast<WriteState*>(png_get_io_ptr(png));
  state->out->insert(state->out->end(), data, data + length);
}

void OnFlush(png_structp) {}

void OnError(png_structp png, png_const_charp message) {
  auto* state = static_cast<WriteState*>(png_get_error_ptr(png));
  std::snprintf(state->error, sizeof state->error, "%s", message);
  png_longjmp(png, 1);
}

void OnWarning(png_structp, png_const_charp) {}

// Only plain C data lives in this frame, so libpng's longjmp back to the setjmp skips no
// destructor; the rows are prepared by the caller.
bool WriteRows(WriteState* state, png_bytep* rows, uint32_t width, uint32_t height,
               int color_type) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, OnError, OnWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, state, OnWrite, OnFlush);
  png_set_compression_level(png, 6);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, width, height, 8, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_rows(png, info, rows);
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

// Rows of `channels` bytes a pixel, written with the fixed settings of WriteRows.
std::vector<uint8_t> EncodeRows(uint8_t* data, int32_t width, int32_t height, int channels,
                                int color_type, const char* who) {
  std::vector<png_bytep> rows(static_cast<size_t>(height));
  for (size_t y = 0; y < rows.size(); ++y) rows[y] = &data[y * size_t(width) * size_t(channels)];
  std::vector<uint8_t> out;
  WriteState state{&out, {}};
  if (!WriteRows(&state, rows.data(), uint32_t(width), uint32_t(height), color_type)) {
    throw PngError(std::string(who) + ": libpng failed (" + state.error + ")");
  }
  return out;
}

void CheckSize(size_t have, int32_t width, int32_t height, const char* who) {
  if (width <= 0 || height <= 0 || uint32_t(width) > kMaxPngSide ||
      uint32_t(height) > kMaxPngSide || have < size_t(width) * size_t(height)) {
    throw PngError(std::string(who) + ": cannot encode " + std::to_string(have) + " pixels as " +
                   std::to_string(width) + "x" + std::to_string(height));
  }
}

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw PngError(path + ": cannot create (" + std::strerror(errno) + ")");
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  out.close();
  if (!out) throw PngError(path + ": write failed");
}

}  // namespace

std::vector<uint8_t> EncodePng(std::span<const uint16_t> pixels, int32_t width, int32_t height) {
  CheckSize(pixels.size(), width, height, "EncodePng");
  std::vector<uint8_t> rgb(size_t(width) * size_t(height) * 3);
  for (size_t i = 0; i < size_t(width) * size_t(height); ++i) {
    const Color c = FromRgb565(pixels[i]);
    rgb[i * 3] = c.r, rgb[i * 3 + 1] = c.g, rgb[i * 3 + 2] = c.b;
  }
  return EncodeRows(rgb.data(), width, height, 3, PNG_COLOR_TYPE_RGB, "EncodePng");
}

void SavePng(const std::string& path, std::span<const uint16_t> pixels, int32_t width,
             int32_t height) {
  WriteFile(path, EncodePng(pixels, width, height));
}

std::vector<uint8_t> EncodePngRgba(const BitmapRgba& image) {
  CheckSize(image.pixels.size() / 4, image.width, image.height, "EncodePngRgba");
  std::vector<uint8_t> rgba(image.pixels.begin(),
                            image.pixels.begin() + std::ptrdiff_t(size_t(image.width) *
                                                                  size_t(image.height) * 4));
  return EncodeRows(rgba.data(), image.width, image.height, 4, PNG_COLOR_TYPE_RGB_ALPHA,
                    "EncodePngRgba");
}

void SavePngRgba(const std::string& path, const BitmapRgba& image) {
  WriteFile(path, EncodePngRgba(image));
}

}  // namespace swivel::os::gfx
