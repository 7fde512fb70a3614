// Golden screenshots: the Jump screen (fresh, and with contacts) and the contacts list on each
// shipped skin, compared
// pixel for pixel with tests/golden/*.png. Headless runs are deterministic (virtual time,
// seeded randomness, integer drawing), so any difference is a real change in what the
// handset shows. After an intended change, regenerate with
//   SWIVEL_UPDATE_GOLDENS=1 ctest -R Golden
// and look at the new images before committing them.
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "apps/suite/suite.h"
#include "emulator/handset.h"
#include "emulator/skin_options.h"
#include "os/gfx/png.h"

namespace swivel::emulator {
namespace {

namespace fs = boost::filesystem;

const std::string kSource = SWIVEL_SOURCE_DIR;

// Names that exercise collation (accents sort with their base letter), Cyrillic, Greek,
// and right-to-left shaping.
const char* const kPeople[][2] = {
    {"Zoë", "Adams"},  {"Ana", "Müller"},   {"Émile", "Zola"},  {"Bob", "Stone"},
    {"Иван", "Петров"}, {"Γιώργος", "Παπάς"}, {"Chen", "Li"},   {"سارة", "أحمد"},
    {"Dana", "Ruiz"},  {"Eve", "Park"},
};

struct Shot {
  std::string name;
  std::vector<uint16_t> pixels;
  int32_t width, height;
};

std::vector<Shot> Shoot(const std::string& skin_name) {
  const auto loaded = LoadSkin(kSource + "/skins/" + skin_name);
  EXPECT_TRUE(loaded.ok()) << loaded.error;
  if (!loaded.ok()) return {};
  HandsetOptions options;
  ApplySkin(loaded.skin, options);
  std::string error;
  const auto rules = apps::LocaleRules("en_US", &error);
  options.install = [rules](os::kernel::Device& d) { apps::InstallApps(d, *rules); };
  Handset h(options);
  EXPECT_TRUE(h.PowerOn(&error)) << error;
  std::vector<Shot> shots;
  auto shoot = [&](const std::string& what) {
    auto& d = h.board().display();
    shots.push_back({what + "-" + skin_name, {d.presented().begin(), d.presented().end()},
                     int32_t(d.width()), int32_t(d.height())});
  };
  shoot("launcher-fresh");  // just booted on an empty flash (EmulatorWindow.xvfb_classic too)
  for (const auto& [given, family] : kPeople) {
    pim::Contact c;
    c.mutable_name()->set_given(given);
    c.mutable_name()->set_family(family);
    EXPECT_EQ(h.os()->contacts().Save(c), os::pim::Status::kOk);
  }
  // Into Contacts and back: the Jump screen's news line counts the new contacts.
  h.Press(hal::Key::kSelect);
  h.Press(hal::Key::kJump);
  shoot("launcher");
  h.Press(hal::Key::kSelect);
  h.Press(hal::Key::kDown);
  shoot("contacts");
  // Settings (Jump+S), never signed in, with the ten contacts waiting to go up.
  h.KeyDown(hal::Key::kJump);
  h.Press(hal::Key::kCharacter, U's');
  h.KeyUp(hal::Key::kJump);
  shoot("settings");
  return shots;
}

// The number of pixels that differ from the golden file (all of them when it is missing or
// another size).
size_t Differences(const Shot& shot, const std::string& golden) {
  const auto image = os::gfx::LoadPng(golden);
  if (image.width != shot.width || image.height != shot.height) return shot.pixels.size();
  size_t differ = 0;
  for (size_t i = 0; i < shot.pixels.size(); ++i) {
    const auto c = os::gfx::FromRgb565(shot.pixels[i]);
    const uint8_t* p = &image.pixels[i * 4];
    differ += c.r != p[0] || c.g != p[1] || c.b != p[2];
  }
  return differ;
}

void Check(const std::string& skin) {
  const bool update = std::getenv("SWIVEL_UPDATE_GOLDENS") != nullptr;
  for (const Shot& shot : Shoot(skin)) {
    const std::string golden = kSource + "/tests/golden/" + shot.name + ".png";
    if (update) {
      fs::create_directories(fs::path(golden).parent_path());
      os::gfx::SavePng(golden, shot.pixels, shot.width, shot.height);
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing (SWIVEL_UPDATE_GOLDENS=1 makes it)";
    const size_t differ = Differences(shot, golden);
    if (differ) {
      const std::string actual = (fs::current_path() / (shot.name + ".actual.png")).string();
      os::gfx::SavePng(actual, shot.pixels, shot.width, shot.height);
      ADD_FAILURE() << shot.name << ": " << differ << " pixels differ from " << golden
                    << "; what the handset showed is in " << actual;
    }
  }
}

TEST(Golden, LauncherContactsAndSettingsOnTheClassicSkin) { Check("classic"); }
TEST(Golden, LauncherContactsAndSettingsOnTheLxSkin) { Check("lx"); }

}  // namespace
}  // namespace swivel::emulator
