// Drawing the window: body, screen (lit by the backlight, turned by the lid), pressed button.
#include <cmath>

#include "emulator/window/window_impl.h"

namespace swivel::emulator::window {

void Window::Impl::UpdateScreen(const hal::sim::SimDisplay& display) {
  const auto picture = display.presented();
  screen_pixels.resize(picture.size());
  for (size_t i = 0; i < picture.size(); ++i) {
    uint8_t rgb[3];
    hal::sim::Rgb565ToRgb888(picture[i], rgb);
    screen_pixels[i] = uint32_t(rgb[0]) << 16 | uint32_t(rgb[1]) << 8 | rgb[2];
  }
  SDL_UpdateTexture(screen.get(), nullptr, screen_pixels.data(), int(display.width() * 4));
}

SwivelPose Window::Impl::Pose() const {
  if (!swivelling) return AtRest(skin, lid);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(HostClock::now() - swivel_start);
  return SwivelAt(skin, lid, elapsed.count());
}

void Window::Impl::Draw() {
  SDL_Renderer* r = renderer.get();
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  SDL_RenderClear(r);

  const SwivelPose pose = Pose();
  const SkinTexture& b = pose.shut_body && body_shut ? *body_shut : *body;
  const SDL_Rect body_rect{0, 0, b.size.width * scale, b.size.height * scale};
  SDL_RenderCopy(r, b.texture.get(), nullptr, &body_rect);

  // The picture, dimmed by the backlight; black when nothing powers it.
  const uint8_t light = PictureOn() ? uint8_t(handset->board().display().backlight() * 255 / 100) : uint8_t(0);
  SDL_SetTextureColorMod(screen.get(), light, light, light);
  if (pose.done) {
    const hal::Rect s = Scaled(ScreenRect(skin, lid), scale);
    const SDL_Rect dst{s.x, s.y, s.width, s.height};
    SDL_RenderCopy(r, screen.get(), nullptr, &dst);
  } else {
    const int32_t w = skin.screen.width * scale, h = skin.screen.height * scale;
    const SDL_Rect dst{int32_t(std::lround(pose.center_x * scale - w / 2.0)),
                       int32_t(std::lround(pose.center_y * scale - h / 2.0)), w, h};
    SDL_RenderCopyEx(r, screen.get(), nullptr, &dst, pose.angle, nullptr, SDL_FLIP_NONE);
  }

  if (LogoShowing()) {  // centred on the screen, over it, upright with the lid at rest
    const hal::Rect s = Scaled(ScreenRect(skin, lid), scale);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    const SDL_Rect screen_rect{s.x, s.y, s.width, s.height};
    SDL_RenderFillRect(r, &screen_rect);
    const int32_t w = boot_logo->size.width * scale, h = boot_logo->size.height * scale;
    const SDL_Rect dst{s.x + (s.width - w) / 2, s.y + (s.height - h) / 2, w, h};
    SDL_RenderCopy(r, boot_logo->texture.get(), nullptr, &dst);
  }

  if (pressed) {
    const hal::Rect s = Scaled(pressed->hotspot, scale);
    const SDL_Rect dst{s.x, s.y, s.width, s.height};
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, 255, 255, 255, 96);
    SDL_RenderFillRect(r, &dst);
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderDrawRect(r, &dst);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
  }
}

void Window::Impl::Render() {
  Draw();
  SDL_RenderPresent(renderer.get());
}

bool Window::Impl::ReadPixels(std::vector<uint8_t>* rgb, int32_t* width, int32_t* height, std::string* error) {
  int w = 0, h = 0;
  if (SDL_GetRendererOutputSize(renderer.get(), &w, &h) != 0) {
    *error = SDL_GetError();
    return false;
  }
  rgb->assign(size_t(w) * size_t(h) * 3, 0);
  if (SDL_RenderReadPixels(renderer.get(), nullptr, SDL_PIXELFORMAT_RGB24, rgb->data(), w * 3) != 0) {
    *error = SDL_GetError();
    return false;
  }
  *width = w;
  *height = h;
  return true;
}

}  // namespace swivel::emulator::window
