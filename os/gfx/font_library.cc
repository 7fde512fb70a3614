#include "os/gfx/font_library.h"

#include FT_MODULE_H

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace swivel::os::gfx {
namespace {

// FreeType's allocator hooks (FT_New_Library wants one; FT_Init_FreeType would make its own).
void* FtAlloc(FT_Memory, long size) { return std::malloc(size_t(size)); }
void FtFree(FT_Memory, void* block) { std::free(block); }
void* FtRealloc(FT_Memory, long, long new_size, void* block) {
  return std::realloc(block, size_t(new_size));
}

std::vector<uint8_t> ReadFontFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FontError(path + ": cannot open font file (" + std::strerror(errno) + ")");
  std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw FontError(path + ": read error");
  if (data.empty()) throw FontError(path + ": font file is empty");
  return data;
}

}  // namespace

FontLibrary::FontLibrary(const Options& options) {
  memory_.user = nullptr;
  memory_.alloc = FtAlloc;
  memory_.free = FtFree;
  memory_.realloc = FtRealloc;
  if (FT_New_Library(&memory_, &library_) != 0) throw FontError("FreeType: cannot create library");
  FT_Add_Default_Modules(library_);
  try {
    for (size_t i = 0; i < kFontFaceCount; ++i) {
      Face& f = faces_[i];
      const std::string& file = options.files[i];
      f.path = (options.directory.empty() || file.starts_with('/')) ? file
                                                                  : options.directory + "/" + file;
      f.data = ReadFontFile(f.path);
      const FT_Error error =
          FT_New_Memory_Face(library_, f.data.data(), FT_Long(f.data.size()), 0, &f.ft);
      if (error != 0 || !FT_IS_SCALABLE(f.ft)) {
        throw FontError(f.path + ": not a usable scalable font (FreeType error " +
                        std::to_string(error) + ")");
      }
      hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(f.data.data()),
                                       unsigned(f.data.size()), HB_MEMORY_MODE_READONLY, nullptr,
                                       nullptr);
      f.hb = hb_face_create(blob, 0);
      hb_blob_destroy(blob);  // the face keeps its own reference
      if (hb_face_get_glyph_count(f.hb) == 0) {
        throw FontError(f.path + ": HarfBuzz finds no glyphs in the font");
      }
    }
  } catch (...) {
    Release();  // the constructor did not finish, so the destructor will not run
    throw;
  }
}

FontLibrary::~FontLibrary() { Release(); }

void FontLibrary::Release() {
  for (SizedFont& s : fonts_) hb_font_destroy(s.font);
  fonts_.clear();
  for (Face& f : faces_) {
    if (f.hb != nullptr) hb_face_destroy(f.hb);
    if (f.ft != nullptr) FT_Done_Face(f.ft);
    f.hb = nullptr, f.ft = nullptr;
  }
  if (library_ != nullptr) FT_Done_Library(library_);
  library_ = nullptr;
}

int32_t FontLibrary::ClampSize(int32_t pixel_size) {
  return std::clamp(pixel_size, kMinPixelSize, kMaxPixelSize);
}

hb_font_t* FontLibrary::HbFont(FontFace face, int32_t pixel_size) {
  pixel_size = ClampSize(pixel_size);
  for (const SizedFont& s : fonts_) {
    if (s.face == face && s.pixel_size == pixel_size) return s.font;
  }
  hb_font_t* font = hb_font_create(faces_[size_t(face)].hb);  // hb-ot font functions
  hb_font_set_scale(font, pixel_size * 64, pixel_size * 64);
  fonts_.push_back(SizedFont{face, pixel_size, font});
  return font;
}

FT_Face FontLibrary::FtFace(FontFace face, int32_t pixel_size) {
  pixel_size = ClampSize(pixel_size);
  Face& f = faces_[size_t(face)];
  if (f.ft_pixel_size != pixel_size) {
    FT_Set_Pixel_Sizes(f.ft, 0, FT_UInt(pixel_size));
    f.ft_pixel_size = pixel_size;
  }
  return f.ft;
}

}  // namespace swivel::os::gfx
