#include "emulator/skin.h"
#include "emulator/skin_options.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>

namespace swivel::emulator {
namespace {

std::optional<ScreenSize> Sizes(std::string_view profile) {
  if (profile == "classic") return ScreenSize{240, 160};
  if (profile == "lx") return ScreenSize{400, 240};
  return std::nullopt;
}

constexpr const char* kGood = R"(# Swivel Classic
name = Swivel Classic
carrier = Lumen Mobile
profile = classic
body = body.png
body_shut = body_shut.png    # the lid swivelled shut
screen = 100 60 240 160
button jump = 10 10 40 30
button Menu = 390 10 40 30
button Down = 200 240 20 20
theme.accent = #FF7A00   # carrier orange
)";

TEST(Skin, AGoodSkinParses) {
  const auto r = ParseSkin(std::string(kGood) + "theme.font_size = 12\n", "skin.conf", Sizes);
  ASSERT_TRUE(r.ok()) << r.error;
  const Skin& s = r.skin;
  EXPECT_EQ(s.name, "Swivel Classic");
  EXPECT_EQ(s.carrier, "Lumen Mobile");
  EXPECT_EQ(s.body_shut, "body_shut.png");
  EXPECT_EQ(s.screen, (hal::Rect{100, 60, 240, 160}));
  EXPECT_EQ(s.screen_shut, s.screen);  // not given: the same place
  ASSERT_EQ(s.buttons.size(), 3u);
  EXPECT_EQ(s.buttons[0].key.key, hal::Key::kJump);
  EXPECT_EQ(s.buttons[1].hotspot, (hal::Rect{390, 10, 40, 30}));
  EXPECT_EQ(s.theme_colors.at("accent"), 0xFF7A00u);
  EXPECT_EQ(s.font_size, 12);
}

// Each broken line: the error names the file and line and says what is wrong.
TEST(Skin, BrokenLinesAreRefusedWithFileAndLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"scren = 1 2 3 4", "unknown key 'scren'"},
      {"button Jmup = 1 2 3 4", "unknown key 'Jmup'"},
      {"button Back = 1 2 3", "a button needs X Y W H"},
      {"button Back = 1 2 0 4", "a button needs X Y W H"},
      {"theme.highlight = orange", "'theme.highlight' needs a colour #RRGGBB"},
      {"theme.sparkle = #FFFFFF", "unknown theme setting 'sparkle'"},
      {"theme.font_size = 99", "theme.font_size needs a whole number of pixels, 6..48"},
      {"name = Again", "'name' is given twice"},
      {"just words", "expected 'key = value'"},
      {"boot_logo =", "'boot_logo' has no value"},
  };
  for (const auto& [line, message] : cases) {
    const auto r = ParseSkin(std::string(kGood) + line + "\n", "skins/x/skin.conf", Sizes);
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.error.rfind(std::string("skins/x/skin.conf:12: ") + message, 0), 0u) << r.error;
  }
}

TEST(Skin, MissingKeysWrongProfileAndScreenSize) {
  auto r = ParseSkin("name = A\ncarrier = B\nprofile = classic\nbody = b.png\n", "k.conf", Sizes);
  EXPECT_EQ(r.error, "k.conf: missing 'screen'");
  r = ParseSkin("name = A\ncarrier = B\nprofile = flip\nbody = b.png\nscreen = 0 0 240 160\n",
                "k.conf", Sizes);
  EXPECT_EQ(r.error, "k.conf: unknown profile 'flip'");
  r = ParseSkin("name = A\ncarrier = B\nprofile = lx\nbody = b.png\nscreen = 0 0 240 160\n",
                "k.conf", Sizes);
  EXPECT_EQ(r.error, "k.conf:5: screen is 240x160 but profile 'lx' has a 400x240 screen");
  r = ParseSkin(std::string(kGood) + "screen_shut = 5 6 160 240\n", "k.conf", Sizes);
  EXPECT_EQ(r.error, "k.conf:12: screen_shut must be the same size as screen");
  r = ParseSkin(std::string(kGood) + "screen_shut = 5 6 240 160\n", "k.conf", Sizes);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.skin.screen_shut, (hal::Rect{5, 6, 240, 160}));
}

// A hotspot names its key as a script's press does: a key name in any case, or one character.
TEST(Skin, ButtonsTakeKeyNamesAndSingleCharacters) {
  const auto r = ParseSkin(std::string(kGood) +
                               "button q = 1 1 5 5\nbutton 7 = 1 1 5 5\nbutton , = 1 1 5 5\n"
                               "button shoulder-left = 1 1 5 5\nbutton Volume-Up = 1 1 5 5\n"
                               "button backspace = 1 1 5 5\n",
                           "k.conf", Sizes);
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.skin.buttons.size(), 9u);
  EXPECT_EQ(r.skin.buttons[3].key, (KeyStroke{hal::Key::kCharacter, U'q'}));
  EXPECT_EQ(r.skin.buttons[4].key, (KeyStroke{hal::Key::kCharacter, U'7'}));
  EXPECT_EQ(r.skin.buttons[5].key, (KeyStroke{hal::Key::kCharacter, U','}));
  EXPECT_EQ(r.skin.buttons[6].key.key, hal::Key::kShoulderLeft);
  EXPECT_EQ(r.skin.buttons[7].key.key, hal::Key::kVolumeUp);
  EXPECT_EQ(r.skin.buttons[8].key.key, hal::Key::kBackspace);
}

TEST(Skin, LoadChecksTheFolderAndItsImages) {
  namespace fs = boost::filesystem;
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("swivel-skin-%%%%-%%%%");
  fs::create_directories(dir);
  EXPECT_EQ(LoadSkin(dir.string()).error, (dir / "skin.conf").string() + ": cannot be read (is the skin name right?)");
  std::ofstream(dir / "skin.conf") << kGood;
  std::ofstream(dir / "body.png") << "x";
  auto r = LoadSkin(dir.string());
  EXPECT_EQ(r.error, (dir / "skin.conf").string() + ": image 'body_shut.png' is not in " + dir.string());
  std::ofstream(dir / "body_shut.png") << "x";
  r = LoadSkin(dir.string());
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.skin.dir, dir.string());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace swivel::emulator

namespace swivel::emulator {
namespace {

TEST(Skin, ApplyingASkinSetsProfileCarrierAndTheme) {
  auto good = ParseSkin(std::string(kGood) + "theme.font_size = 13\n", "s.conf", Sizes);
  ASSERT_TRUE(good.ok()) << good.error;
  HandsetOptions options;
  const os::ui::Theme defaults;
  ApplySkin(good.skin, options);
  EXPECT_EQ(options.board.profile.name, "classic");
  EXPECT_EQ(options.os.kernel.status.carrier, "Lumen Mobile");
  EXPECT_EQ(options.os.kernel.theme.accent, os::gfx::Color::Hex(0xFF7A00));
  EXPECT_EQ(options.os.kernel.theme.text, defaults.text) << "what the skin does not name stays";
  EXPECT_EQ(options.os.kernel.theme.font_size, 13);
  good.skin.profile = "flip";
  EXPECT_THROW(ApplySkin(good.skin, options), std::logic_error);
}

}  // namespace
}  // namespace swivel::emulator
