#include "emulator/screenshot.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "emulator/player.h"
#include "os/gfx/png.h"

namespace swivel::emulator {
namespace {

namespace fs = boost::filesystem;

class Screenshot : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::unique_path("swivel-shot-%%%%%%%%");
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A picture with every pixel different, presented as the OS would.
  void Draw(Handset& h) {
    auto& d = h.board().display();
    auto fb = d.framebuffer();
    for (size_t i = 0; i < fb.size(); ++i) fb[i] = uint16_t(i * 7919 + 13);
    d.present({});
  }

  fs::path dir_;
};

TEST_F(Screenshot, TheScriptCommandWritesThePresentedFramebufferExactly) {
  HandsetOptions o;
  o.install = [](os::kernel::Device& d) {
    d.kernel().apps().Register("launcher", [] { return std::make_unique<os::kernel::App>(); });
  };
  Handset h(o);
  std::string error;
  ASSERT_TRUE(h.PowerOn(&error)) << error;
  Draw(h);
  // Drawn but not presented: the screenshot shows what the screen shows, not the back buffer.
  h.board().display().framebuffer()[0] = 0xFFFF;

  const std::string file = (dir_ / "out.png").string();
  auto parsed = ParseScript("screenshot " + file + "\n", "shot.swv");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  PlayerHooks hooks;
  hooks.screenshot = ScreenshotHook(h);
  const auto r = Play(parsed.script, h, hooks);
  ASSERT_TRUE(r.ok) << r.error;

  const auto png = os::gfx::LoadPng(file);
  const auto& display = h.board().display();
  ASSERT_EQ(png.width, int32_t(display.width()));
  ASSERT_EQ(png.height, int32_t(display.height()));
  const auto presented = display.presented();
  ASSERT_NE(presented[0], 0xFFFF);
  for (size_t i = 0; i < presented.size(); ++i) {
    uint8_t want[3];
    hal::sim::Rgb565ToRgb888(presented[i], want);
    ASSERT_EQ(png.pixels[i * 4 + 0], want[0]) << "pixel " << i;
    ASSERT_EQ(png.pixels[i * 4 + 1], want[1]) << "pixel " << i;
    ASSERT_EQ(png.pixels[i * 4 + 2], want[2]) << "pixel " << i;
  }
}

TEST_F(Screenshot, AFileThatCannotBeWrittenFailsTheLine) {
  Handset h(HandsetOptions{});
  auto parsed = ParseScript("# first\nscreenshot " + (dir_ / "no" / "such" / "dir.png").string() + "\n", "shot.swv");
  ASSERT_TRUE(parsed.ok());
  PlayerHooks hooks;
  hooks.screenshot = ScreenshotHook(h);
  const auto r = Play(parsed.script, h, hooks);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.rfind("shot.swv:2: ", 0), 0u) << r.error;
  EXPECT_NE(r.error.find("dir.png: cannot create"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace swivel::emulator
