#include "os/ui/widgets.h"

#include <gtest/gtest.h>

#include "os/ui/ui_tree.h"

namespace swivel::os::ui {
namespace {

hal::InputEvent Down(hal::Key k, char32_t c = 0) {
  return {hal::InputEvent::Type::kKeyDown, k, c, {}, {}};
}

TEST(Button, SelectAndEnterPressIt) {
  int pressed = 0;
  Button b("ok", "OK", [&] { ++pressed; });
  EXPECT_TRUE(b.OnKey(Down(hal::Key::kSelect)));
  EXPECT_TRUE(b.OnKey(Down(hal::Key::kEnter)));
  EXPECT_FALSE(b.OnKey(Down(hal::Key::kDown)));
  EXPECT_EQ(pressed, 2);
}

TEST(ListView, ScrollsToKeepTheSelectionVisibleAndKeepsRowIds) {
  ListView list("people", 20);
  list.set_bounds({0, 20, 240, 60});  // three rows fit
  list.SetRows({"Ana", "Ben", "Cleo", "Dan", "Eve"});
  size_t activated = 99;
  list.on_activate = [&](size_t i) { activated = i; };
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(list.OnKey(Down(hal::Key::kDown)));
  EXPECT_EQ(list.selected(), 3u);
  EXPECT_EQ(DumpTree(list, nullptr),
            "people list \"\" 0,20 240x60\n"
            "  people.row1 row \"Ben\" 0,20 240x20\n"
            "  people.row2 row \"Cleo\" 0,40 240x20\n"
            "  people.row3 row \"Dan\" 0,60 240x20 selected\n");
  EXPECT_TRUE(list.OnKey(Down(hal::Key::kEnter)));
  EXPECT_EQ(activated, 3u);
  EXPECT_TRUE(list.OnKey(Down(hal::Key::kDown)));
  EXPECT_FALSE(list.OnKey(Down(hal::Key::kDown))) << "at the end: the key is not used";
  list.SetRows({"Ana", "Ben"});  // filtered: selection clamps, rows past the end hide
  EXPECT_EQ(list.selected(), 1u);
  EXPECT_EQ(DumpTree(list, nullptr),
            "people list \"\" 0,20 240x60\n"
            "  people.row0 row \"Ana\" 0,20 240x20\n"
            "  people.row1 row \"Ben\" 0,40 240x20 selected\n");
}

TEST(TextField, BackspaceAndArrowsGoByWholeGraphemeClusters) {
  TextField f("note");
  f.SetText("Cafe\xcc\x81!");  // "e" + COMBINING ACUTE ACCENT
  f.OnKey(Down(hal::Key::kLeft));
  f.OnKey(Down(hal::Key::kBackspace));
  EXPECT_EQ(f.text(), "Caf!") << "the accent goes with its e";
}

TEST(TextField, AMaskedFieldShowsADotPerCharacterAndKeepsTheText) {
  Widget form("form", "screen");
  auto& f = form.Add(std::make_unique<TextField>("pw", "Password"));
  f.set_masked(true);
  for (char32_t c : std::u32string(U"hörse")) f.OnKey(Down(hal::Key::kCharacter, c));
  EXPECT_EQ(f.text(), "h\xc3\xb6rse") << "what was typed";
  EXPECT_EQ(f.shown_text(), "•••••") << "five characters, five dots";
  EXPECT_EQ(DumpTree(form, nullptr).find("rse"), std::string::npos);
  EXPECT_FALSE(ShowsText(form, "h\xc3\xb6rse"));
  EXPECT_TRUE(ShowsText(form, "•••"));
  f.set_masked(false);
  EXPECT_TRUE(ShowsText(form, "h\xc3\xb6rse"));
}

TEST(TextField, EditsAtTheCursorWholeCodePointsAtATime) {
  TextField f("name");
  int changes = 0;
  f.on_change = [&] { ++changes; };
  for (char32_t c : std::u32string(U"Mller")) f.OnKey(Down(hal::Key::kCharacter, c));
  for (int i = 0; i < 4; ++i) f.OnKey(Down(hal::Key::kLeft));
  f.OnKey(Down(hal::Key::kCharacter, U'\u00fc'));
  EXPECT_EQ(f.text(), "M\xc3\xbcller");
  EXPECT_EQ(f.cursor(), 3u);
  f.OnKey(Down(hal::Key::kBackspace));
  EXPECT_EQ(f.text(), "Mller") << "the two bytes of \xc3\xbc go together";
  f.OnKey(Down(hal::Key::kSpace));
  EXPECT_EQ(f.text(), "M ller");
  EXPECT_EQ(changes, 8);
  f.SetText("Ana");
  EXPECT_EQ(f.cursor(), 3u);
  EXPECT_FALSE(f.OnKey(Down(hal::Key::kRight))) << "at the end Right moves focus instead";
  EXPECT_FALSE(f.OnKey(Down(hal::Key::kCharacter, U'\n'))) << "control characters are not text";
}

}  // namespace
}  // namespace swivel::os::ui
