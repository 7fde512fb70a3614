// The skins in skins/: each loads, its images decode, and its hotspots make sense on them.
#include <gtest/gtest.h>

#include <string>

#include "emulator/skin.h"
#include "hal/sim/device_profile.h"
#include "os/gfx/png.h"

namespace swivel::emulator {
namespace {

const char* const kSkins[] = {"classic", "lx"};

std::string SkinDir(const std::string& name) { return std::string(SWIVEL_SOURCE_DIR) + "/skins/" + name; }

bool Inside(const hal::Rect& r, int32_t width, int32_t height) {
  return r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0 && r.x + r.width <= width &&
         r.y + r.height <= height;
}

bool Overlap(const hal::Rect& a, const hal::Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// The keys the lid covers when shut (skin.h).
bool OnKeyboard(const KeyStroke& k) {
  using hal::Key;
  return k.key == Key::kCharacter || k.key == Key::kEnter || k.key == Key::kBackspace ||
         k.key == Key::kSpace || k.key == Key::kShift || k.key == Key::kAlt;
}

std::string Name(const KeyStroke& k) {
  if (k.key == hal::Key::kCharacter) return std::string(1, char(k.character));
  return std::string(hal::ToString(k.key));
}

uint8_t AlphaAtCentre(const os::gfx::BitmapRgba& image, const hal::Rect& r) {
  return image.at(r.x + r.width / 2, r.y + r.height / 2)[3];
}

class ShippedSkin : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const SkinResult r = LoadSkin(SkinDir(GetParam()));
    ASSERT_TRUE(r.ok()) << r.error;
    skin_ = r.skin;
    body_ = os::gfx::LoadPng(skin_.dir + "/" + skin_.body);
    ASSERT_FALSE(skin_.body_shut.empty());
    body_shut_ = os::gfx::LoadPng(skin_.dir + "/" + skin_.body_shut);
    ASSERT_FALSE(skin_.boot_logo.empty());
    boot_logo_ = os::gfx::LoadPng(skin_.dir + "/" + skin_.boot_logo);
  }

  Skin skin_;
  os::gfx::BitmapRgba body_, body_shut_, boot_logo_;
};

TEST_P(ShippedSkin, LoadsWithItsProfileAndCarrierTheme) {
  const auto profile = hal::sim::ProfileByName(skin_.profile);
  ASSERT_TRUE(profile);
  EXPECT_EQ(skin_.profile, GetParam());
  EXPECT_EQ(uint32_t(skin_.screen.width), profile->screen_width);
  EXPECT_EQ(uint32_t(skin_.screen.height), profile->screen_height);
  EXPECT_FALSE(skin_.carrier.empty());
  for (const char* color : {"background", "text", "accent", "highlight", "status_bar", "status_text"})
    EXPECT_TRUE(skin_.theme_colors.count(color)) << color;
  EXPECT_TRUE(skin_.font_size);
}

TEST_P(ShippedSkin, ScreensAndLogoFitTheirImages) {
  EXPECT_TRUE(Inside(skin_.screen, body_.width, body_.height));
  EXPECT_TRUE(Inside(skin_.screen_shut, body_shut_.width, body_shut_.height));
  // skin.h: the shut image is the open one's size, so the handset's buttons keep their places.
  EXPECT_EQ(body_shut_.width, body_.width);
  EXPECT_EQ(body_shut_.height, body_.height);
  EXPECT_LE(boot_logo_.width, skin_.screen.width);
  EXPECT_LE(boot_logo_.height, skin_.screen.height);
  // The screen is drawn on the handset, not on a hole in it.
  EXPECT_EQ(AlphaAtCentre(body_, skin_.screen), 255);
  EXPECT_EQ(AlphaAtCentre(body_shut_, skin_.screen_shut), 255);
  EXPECT_EQ(body_.at(0, 0)[3], 0) << "the body's rounded corner is transparent";
}

TEST_P(ShippedSkin, HotspotsLieOnTheHandsetAndNeverOverlap) {
  const auto& buttons = skin_.buttons;
  for (size_t i = 0; i < buttons.size(); ++i) {
    const hal::Rect& r = buttons[i].hotspot;
    const std::string name = Name(buttons[i].key);
    EXPECT_TRUE(Inside(r, body_.width, body_.height)) << name;
    EXPECT_EQ(AlphaAtCentre(body_, r), 255) << name << " is not on the drawn handset";
    EXPECT_FALSE(Overlap(r, skin_.screen)) << name;
    if (!OnKeyboard(buttons[i].key)) {
      EXPECT_EQ(AlphaAtCentre(body_shut_, r), 255) << name << " is not on the shut handset";
      EXPECT_FALSE(Overlap(r, skin_.screen_shut)) << name << " is under the shut screen";
    }
    for (size_t j = i + 1; j < buttons.size(); ++j)
      EXPECT_FALSE(Overlap(r, buttons[j].hotspot)) << name << " and " << Name(buttons[j].key);
  }
}

// Every key the handset has can be clicked: each hal::Key but kNone and kCharacter, each
// letter and digit, once.
TEST_P(ShippedSkin, EveryKeyHasExactlyOneHotspot) {
  std::vector<KeyStroke> wanted;
  for (auto k = uint16_t(hal::Key::kEnter); k <= uint16_t(hal::Key::kPower); ++k)
    wanted.push_back({hal::Key(k), 0});
  for (char32_t c = U'a'; c <= U'z'; ++c) wanted.push_back({hal::Key::kCharacter, c});
  for (char32_t c = U'0'; c <= U'9'; ++c) wanted.push_back({hal::Key::kCharacter, c});
  for (const KeyStroke& k : wanted) {
    int count = 0;
    for (const SkinButton& b : skin_.buttons) count += b.key == k;
    EXPECT_EQ(count, 1) << Name(k);
  }
}

INSTANTIATE_TEST_SUITE_P(Skins, ShippedSkin, ::testing::ValuesIn(kSkins),
                         [](const auto& p) { return std::string(p.param); });

// Two carriers, two looks: the skins do not share their theme.
TEST(ShippedSkins, CarriersDiffer) {
  const SkinResult a = LoadSkin(SkinDir(kSkins[0])), b = LoadSkin(SkinDir(kSkins[1]));
  ASSERT_TRUE(a.ok() && b.ok()) << a.error << b.error;
  EXPECT_NE(a.skin.carrier, b.skin.carrier);
  EXPECT_NE(a.skin.theme_colors, b.skin.theme_colors);
  EXPECT_NE(a.skin.font_size, b.skin.font_size);
}

}  // namespace
}  // namespace swivel::emulator
