#include "emulator/window/skin_texture.h"

#include "os/gfx/png.h"

namespace swivel::emulator::window {

std::optional<os::gfx::BitmapRgba> LoadSkinImage(const std::string& path, std::string* error) {
  try {
    return os::gfx::LoadPng(path);
  } catch (const os::gfx::PngError& e) {
    *error = e.what();
    return std::nullopt;
  }
}

std::optional<SkinTexture> MakeSkinTexture(SDL_Renderer* renderer, const os::gfx::BitmapRgba& image,
                                           std::string* error) {
  // RGBA32: the bytes R, G, B, A in memory, as the PNG decoder leaves them.
  TextureHandle texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                          image.width, image.height));
  if (!texture || SDL_UpdateTexture(texture.get(), nullptr, image.pixels.data(), image.width * 4) != 0) {
    *error = std::string("a skin image cannot be made a texture: ") + SDL_GetError();
    return std::nullopt;
  }
  bool opaque = true;
  for (size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = image.pixels[i] == 255;
  SDL_SetTextureBlendMode(texture.get(), opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  return SkinTexture{std::move(texture), {image.width, image.height}};
}

}  // namespace swivel::emulator::window
