#include "emulator/skin_path.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>

namespace swivel::emulator {
namespace {

namespace fs = boost::filesystem;

class SkinPath : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / fs::unique_path("swivel-skins-%%%%%%%%");
    for (const char* skin : {"a/classic", "b/classic", "b/lx"}) {
      fs::create_directories(root_ / skin);
      std::ofstream((root_ / skin / "skin.conf").string()) << "name = x\n";
    }
    fs::create_directories(root_ / "a" / "empty");
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string P(const std::string& rel) const { return (root_ / rel).string(); }
  fs::path root_;
};

TEST_F(SkinPath, SearchPathIsTheEnvironmentThenTheSourceTreeThenBesideTheProgram) {
  const auto path = SkinSearchPath((P("a") + ":" + P("b")).c_str(), "/opt/swivel/bin/swivel-emu");
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[0], P("a"));
  EXPECT_EQ(path[1], P("b"));
  EXPECT_EQ(path[2], std::string(SWIVEL_SOURCE_DIR) + "/skins");
  EXPECT_EQ(path[3], "/opt/swivel/share/swivel/skins");
  EXPECT_EQ(SkinSearchPath(nullptr, "").size(), 1u);
}

TEST_F(SkinPath, ANameIsLookedUpInOrder) {
  const std::vector<std::string> search = {P("a"), P("b")};
  EXPECT_EQ(FindSkin("classic", search).dir, P("a/classic"));
  EXPECT_EQ(FindSkin("lx", search).dir, P("b/lx"));
}

TEST_F(SkinPath, AFolderIsTakenAsItIs) {
  EXPECT_EQ(FindSkin(P("b/lx"), {}).dir, P("b/lx"));
  const auto empty = FindSkin(P("a/empty"), {P("a")});
  EXPECT_FALSE(empty.found());
  EXPECT_NE(empty.error.find("has no skin.conf"), std::string::npos) << empty.error;
}

TEST_F(SkinPath, AMissingSkinNamesEveryPlaceLookedIn) {
  const auto r = FindSkin("flip", {P("a"), P("b")});
  EXPECT_FALSE(r.found());
  EXPECT_NE(r.error.find("no skin named 'flip'"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find(P("a/flip")), std::string::npos) << r.error;
  EXPECT_NE(r.error.find(P("b/flip")), std::string::npos) << r.error;
}

}  // namespace
}  // namespace swivel::emulator
