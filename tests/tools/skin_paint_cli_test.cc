// swivel-skin-paint run as a user would: it reproduces the shipped skins byte for byte, so
// the committed art cannot drift from the program that draws it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

namespace fs = std::filesystem;

struct PaintRun {
  int status = -1;
  std::string output;  // stdout and stderr
};

std::string Quote(const std::string& s) { return "'" + s + "'"; }

PaintRun Paint(const std::string& args) {
  PaintRun run;
  FILE* pipe = popen((Quote(SWIVEL_SKIN_PAINT_BIN) + " " + args + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buffer[512];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class SkinPaintTool : public ::testing::TestWithParam<const char*> {};

TEST_P(SkinPaintTool, RepaintsTheShippedSkinByteForByte) {
  const std::string skin = GetParam();
  const fs::path out = fs::temp_directory_path() /
                       ("swivel-skin-paint-" + skin + "-" + std::to_string(getpid()));
  fs::remove_all(out);
  const PaintRun run = Paint(skin + " " + Quote(out.string()));
  ASSERT_EQ(run.status, 0) << run.output;
  const fs::path shipped = fs::path(SWIVEL_SOURCE_DIR) / "skins" / skin;
  for (const char* file : {"body.png", "body_shut.png", "boot_logo.png", "skin.conf"}) {
    EXPECT_NE(run.output.find("wrote " + (out / file).string()), std::string::npos) << run.output;
    const std::string made = Read(out / file), committed = Read(shipped / file);
    ASSERT_FALSE(committed.empty()) << (shipped / file) << " is missing";
    EXPECT_TRUE(made == committed)
        << (shipped / file) << " differs from what swivel-skin-paint draws now; regenerate it "
        << "(skins/README.md) and commit both";
  }
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Skins, SkinPaintTool, ::testing::Values("classic", "lx"),
                         [](const auto& p) { return std::string(p.param); });

TEST(SkinPaintToolUsage, HelpListsTheSkinsAndMistakesExitTwo) {
  PaintRun run = Paint("--help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.output.find("usage: swivel-skin-paint SKIN OUTDIR"), std::string::npos);
  EXPECT_NE(run.output.find("classic"), std::string::npos);
  EXPECT_NE(run.output.find("lx"), std::string::npos);
  run = Paint("flip /tmp/nowhere");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.output.find("no skin 'flip'"), std::string::npos) << run.output;
  EXPECT_EQ(Paint("classic").status, 2) << "no OUTDIR";
  EXPECT_EQ(Paint("--bogus classic /tmp/x").status, 2);
}

TEST(SkinPaintToolUsage, AnUnwritableFolderExitsOne) {
  const PaintRun run = Paint("classic /proc/swivel-cannot-write-here");
  EXPECT_EQ(run.status, 1) << run.output;
  EXPECT_NE(run.output.find("swivel-skin-paint: "), std::string::npos) << run.output;
}

}  // namespace
