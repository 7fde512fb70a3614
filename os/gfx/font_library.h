#pragma once
// FontLibrary: the three DejaVu faces, opened once, and the HarfBuzz fonts made from them.
//
// Owns everything FreeType and HarfBuzz allocate (the FT_Library, the faces, one hb_font_t per
// face and pixel size), so several handsets in one process share nothing. Not thread-safe;
// the OS draws on one thread.
//
// Determinism: the FT_Library is made with FT_New_Library + FT_Add_Default_Modules rather
// than FT_Init_FreeType, so the FREETYPE_PROPERTIES environment variable cannot change how
// glyphs render on some host. HarfBuzz positions come from its own OpenType tables (hb-ot),
// not from FreeType's hinted metrics.
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace swivel::os::gfx {

enum class FontFace : uint8_t { kSans = 0, kSansBold = 1, kMono = 2 };
inline constexpr size_t kFontFaceCount = 3;

struct TextStyle {
  FontFace face = FontFace::kSans;
  int32_t pixel_size = 12;  // the em size in pixels; clamped to [kMinPixelSize, kMaxPixelSize]
};

// A font file that is missing or unusable; the message starts with the file's path.
class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FontLibrary {
 public:
  static constexpr int32_t kMinPixelSize = 4;
  static constexpr int32_t kMaxPixelSize = 256;

  struct Options {
    std::string directory = "/usr/share/fonts/truetype/dejavu";
    // Indexed by FontFace; a name starting with '/' is used as it is, without `directory`.
    std::array<std::string, kFontFaceCount> files = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                                     "DejaVuSansMono.ttf"};
  };

  // Reads and opens all three files; throws FontError naming the first one that fails.
  explicit FontLibrary(const Options& options);
  FontLibrary() : FontLibrary(Options{}) {}
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  static int32_t ClampSize(int32_t pixel_size);
  const std::string& path(FontFace face) const { return faces_[size_t(face)].path; }

  // The HarfBuzz font for `face` at `pixel_size`, made on first use and kept. Its scale is
  // pixel_size * 64, so every position HarfBuzz returns is in 26.6 fixed-point pixels.
  hb_font_t* HbFont(FontFace face, int32_t pixel_size);
  // The FreeType face, set to `pixel_size` (it has one current size; this switches it).
  FT_Face FtFace(FontFace face, int32_t pixel_size);

 private:
  struct Face {
    std::string path;
    std::vector<uint8_t> data;  // the file; FreeType and HarfBuzz both read from here
    FT_Face ft = nullptr;
    int32_t ft_pixel_size = 0;
    hb_face_t* hb = nullptr;
  };
  struct SizedFont {
    FontFace face;
    int32_t pixel_size;
    hb_font_t* font;
  };

  void Release();  // frees the FreeType and HarfBuzz objects; safe to call twice

  FT_MemoryRec_ memory_{};
  FT_Library library_ = nullptr;
  std::array<Face, kFontFaceCount> faces_;
  std::vector<SizedFont> fonts_;  // a handful of sizes per face; a linear scan is enough
};

}  // namespace swivel::os::gfx
