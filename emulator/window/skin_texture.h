#pragma once
// Skin images (PNG, any kind) as SDL textures, alpha kept (internal to the window library).
#include <optional>
#include <string>

#include "emulator/window/layout.h"
#include "emulator/window/sdl_handles.h"
#include "os/gfx/bitmap.h"

namespace swivel::emulator::window {

// Decodes a skin image; nothing, with `error` naming the file, when it cannot be read.
std::optional<os::gfx::BitmapRgba> LoadSkinImage(const std::string& path, std::string* error);

struct SkinTexture {
  TextureHandle texture;
  Size size;
};

// An opaque image is copied as it is; one with transparency is blended over black. Nothing,
// with SDL's reason in `error`, when the renderer cannot hold it.
std::optional<SkinTexture> MakeSkinTexture(SDL_Renderer* renderer, const os::gfx::BitmapRgba& image,
                                           std::string* error);

}  // namespace swivel::emulator::window
