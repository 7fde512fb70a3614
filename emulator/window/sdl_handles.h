#pragma once
// Owning handles for SDL objects (internal to the window library).
#include <SDL.h>

#include <memory>
#include <string>

namespace swivel::emulator::window {

struct SdlDeleter {
  void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
  void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using WindowHandle = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererHandle = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TextureHandle = std::unique_ptr<SDL_Texture, SdlDeleter>;

// SDL's video subsystem for as long as it lives.
class VideoSession {
 public:
  VideoSession() = default;
  VideoSession(const VideoSession&) = delete;
  VideoSession& operator=(const VideoSession&) = delete;
  ~VideoSession() {
    if (started_) SDL_Quit();
  }
  // False, with SDL's reason in `error`, when there is no display to open windows on.
  bool Start(std::string* error) {
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
      *error = SDL_GetError();
      SDL_Quit();
      return false;
    }
    started_ = true;
    // With no display SDL falls back to drawing offscreen, where nobody sees the window:
    // that counts as no display unless someone asked for it (SDL_VIDEODRIVER, as tests do).
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    const char* asked = SDL_getenv("SDL_VIDEODRIVER");
    if ((driver == "offscreen" || driver == "dummy") && !(asked && *asked)) {
      *error = "no display: SDL found only its " + driver + " driver";
      return false;
    }
    return true;
  }

 private:
  bool started_ = false;
};

}  // namespace swivel::emulator::window
