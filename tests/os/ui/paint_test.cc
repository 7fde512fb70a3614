// Widgets drawn with a theme: checked against pixels of a small RGB565 canvas.
#include <gtest/gtest.h>

#include <vector>

#include "os/ui/painter.h"
#include "os/ui/ui_tree.h"
#include "os/ui/widgets.h"

namespace swivel::os::ui {
namespace {

hal::InputEvent Down(hal::Key k) { return {hal::InputEvent::Type::kKeyDown, k, 0, {}, {}}; }

struct PaintTest : ::testing::Test {
  static constexpr int32_t kW = 120, kH = 40;
  std::vector<uint16_t> pixels = std::vector<uint16_t>(kW * kH, 0);
  gfx::Canvas canvas{pixels, kW, kH};
  gfx::FontLibrary fonts;
  gfx::TextRenderer text{fonts};
  Theme theme;

  void Paint(const Widget& w, const Widget* focused, gfx::TextRenderer* t) {
    canvas.Clear(theme.background);
    Painter p(canvas, t, theme, focused);
    PaintTree(w, p);
  }
  void Paint(const Widget& w, const Widget* focused = nullptr) { Paint(w, focused, &text); }
  uint16_t At(int32_t x, int32_t y) const { return pixels[size_t(y * kW + x)]; }
  size_t Count(const hal::Rect& r, gfx::Color c) const {
    size_t n = 0;
    for (int32_t y = r.y; y < r.y + r.height; ++y)
      for (int32_t x = r.x; x < r.x + r.width; ++x) n += At(x, y) == gfx::ToRgb565(c);
    return n;
  }
  // Pixels in `r` that are neither of the two colours: text ink (and its antialiasing).
  size_t Ink(const hal::Rect& r, gfx::Color a, gfx::Color b) const {
    size_t n = 0;
    for (int32_t y = r.y; y < r.y + r.height; ++y)
      for (int32_t x = r.x; x < r.x + r.width; ++x)
        n += At(x, y) != gfx::ToRgb565(a) && At(x, y) != gfx::ToRgb565(b);
    return n;
  }
};

TEST_F(PaintTest, AFocusedButtonIsFilledWithTheAccentAndAnOtherIsOutlined) {
  Button b("ok", "OK", nullptr);
  b.set_bounds({10, 10, 60, 18});
  Paint(b, &b);
  EXPECT_EQ(At(40, 12), gfx::ToRgb565(theme.accent));
  EXPECT_GT(Ink({11, 11, 58, 16}, theme.accent, theme.background), 10u) << "the label is drawn";
  Paint(b);
  EXPECT_EQ(At(40, 11), gfx::ToRgb565(theme.border)) << "the outline";
  EXPECT_EQ(At(15, 14), gfx::ToRgb565(theme.field));
  EXPECT_EQ(At(5, 5), gfx::ToRgb565(theme.background)) << "nothing outside its bounds";
}

TEST_F(PaintTest, ASkinsColoursRestyleWidgets) {
  ASSERT_TRUE(SetThemeColor(theme, "accent", 0xFF7A00));
  EXPECT_FALSE(SetThemeColor(theme, "sparkle", 0x123456));
  Button b("ok", "OK", nullptr);
  b.set_bounds({10, 10, 60, 18});
  Paint(b, &b);
  EXPECT_EQ(At(40, 12), gfx::ToRgb565(gfx::Color::Hex(0xFF7A00)));
}

TEST_F(PaintTest, LongTextEndsInAnEllipsisInsideItsBox) {
  Label l("l", "A name far too long to fit in such a narrow label at all");
  l.set_bounds({0, 0, 60, 16});
  Paint(l);
  EXPECT_EQ(Count({60, 0, kW - 60, kH}, theme.background), size_t((kW - 60) * kH))
      << "nothing is drawn past the label";
  Painter p(canvas, &text, theme, nullptr);
  EXPECT_GT(p.Width(l.text(), p.Body()), 60);
  // Cut and ended with "…" inside the padding, rather than clipped at the box's edge: the
  // ink reaches close to the padding but never into it.
  int32_t rightmost = -1;
  for (int32_t x = 0; x < 60; ++x)
    if (Ink({x, 0, 1, 16}, theme.background, theme.background) > 0) rightmost = x;
  EXPECT_LT(rightmost, 60 - theme.padding);
  EXPECT_GT(rightmost, 60 - theme.padding - 8);
}

TEST_F(PaintTest, WithoutFontsEveryBoxIsStillDrawn) {
  Button b("ok", "OK", nullptr);
  b.set_bounds({10, 10, 60, 18});
  Paint(b, &b, nullptr);
  EXPECT_EQ(Ink({11, 11, 58, 16}, theme.accent, theme.background), 0u) << "no text";
  EXPECT_EQ(At(40, 12), gfx::ToRgb565(theme.accent));
}

TEST_F(PaintTest, ACheckboxFlipsAndShowsItsTick) {
  Checkbox c("sync", "Sync now", false);
  c.set_bounds({0, 0, 100, 16});
  int changes = 0;
  c.on_change = [&] { ++changes; };
  Paint(c);
  const size_t unticked = Count({3, 2, 11, 11}, theme.accent);
  EXPECT_EQ(DumpTree(c, nullptr), "sync checkbox \"Sync now\" 0,0 100x16\n");
  EXPECT_TRUE(c.OnKey(Down(hal::Key::kSelect)));
  EXPECT_TRUE(c.checked());
  EXPECT_EQ(DumpTree(c, nullptr), "sync checkbox \"Sync now\" 0,0 100x16 checked\n");
  Paint(c);
  EXPECT_GT(Count({3, 2, 11, 11}, theme.accent), unticked + 6) << "the tick";
  EXPECT_TRUE(c.OnKey(Down(hal::Key::kSpace)));
  EXPECT_FALSE(c.checked());
  EXPECT_FALSE(c.OnKey(Down(hal::Key::kDown)));
  EXPECT_EQ(changes, 2);
}

TEST_F(PaintTest, ATextFieldShowsItsPlaceholderOrTextAndACaretWhenFocused) {
  TextField f("name", "First name");
  f.set_bounds({0, 0, 120, 18});
  Paint(f);
  const size_t placeholder_ink = Ink({4, 2, 112, 14}, theme.field, theme.field);
  EXPECT_GT(Count({4, 2, 112, 14}, theme.field), 0u);
  EXPECT_GT(placeholder_ink, 20u);
  f.SetText("Ann");
  Paint(f, &f);
  EXPECT_EQ(At(1, 9), gfx::ToRgb565(theme.accent)) << "a focused field's border";
  // The caret: a column of text colour just right of "Ann".
  Painter p(canvas, &text, theme, nullptr);
  const int32_t caret_x = 1 + theme.padding + p.Width("Ann", p.Body());
  EXPECT_EQ(At(caret_x, 9), gfx::ToRgb565(theme.text));
  // Typing past the right edge scrolls: the caret stays inside the box.
  for (int i = 0; i < 40; ++i) f.OnKey({hal::InputEvent::Type::kKeyDown, hal::Key::kCharacter, U'w', {}, {}});
  Paint(f, &f);
  size_t caret_column = 0;
  for (int32_t x = 100; x < 118; ++x)
    if (At(x, 9) == gfx::ToRgb565(theme.text) && At(x, 6) == gfx::ToRgb565(theme.text)) caret_column = size_t(x);
  EXPECT_GT(caret_column, 100u);
}

TEST_F(PaintTest, ListRowsShowTheSelectionStrongOnlyWhileTheListHasFocus) {
  ListView list("people", 10);
  list.set_bounds({0, 0, 120, 40});
  list.SetRows({"Ana", "Ben", "Cleo", "Dan", "Eve", "Finn"});
  list.Select(1);
  Paint(list, &list);
  EXPECT_EQ(At(60, 15), gfx::ToRgb565(theme.accent));
  EXPECT_EQ(At(60, 5), gfx::ToRgb565(theme.background));
  EXPECT_GT(Count({117, 0, 2, 40}, theme.text_dim), 0u) << "a scroll bar: 6 rows, 4 fit";
  Paint(list);
  EXPECT_EQ(At(60, 15), gfx::ToRgb565(theme.highlight));
}

TEST_F(PaintTest, ADialogLaysOutItsButtonsInARowAndCancelRunsItsCancel) {
  Dialog d("ask", "Delete contact", "Delete Ana?");
  bool cancelled = false;
  d.on_cancel = [&] { cancelled = true; };
  d.AddButton("ask.yes", "Delete", nullptr);
  d.AddButton("ask.no", "Keep", nullptr);
  d.set_bounds({0, 0, kW, kH + 40});
  d.Layout();
  const auto& yes = d.Find("ask.yes")->bounds();
  const auto& no = d.Find("ask.no")->bounds();
  EXPECT_EQ(yes.y, no.y);
  EXPECT_LT(yes.x + yes.width, no.x);
  EXPECT_EQ(d.Find("ask.message")->text(), "Delete Ana?");
  EXPECT_TRUE(d.OnKey(Down(hal::Key::kCancel)));
  EXPECT_TRUE(cancelled);
  d.set_bounds({0, 0, kW, kH});
  Paint(d);
  EXPECT_EQ(At(kW / 2, d.panel().y + 2), gfx::ToRgb565(theme.accent)) << "the title bar";
}

TEST(ScrollIntoView, ATallFormSlidesSoTheTargetShowsAndBack) {
  Widget root("form", "screen");
  root.set_bounds({0, 10, 100, 50});
  std::vector<Widget*> rows;
  for (int i = 0; i < 6; ++i) {
    rows.push_back(&root.Add(std::make_unique<Label>("row" + std::to_string(i), "x")));
    rows.back()->set_bounds({0, 10 + i * 16, 100, 16});
  }
  ScrollIntoView(root, *rows[5]);
  EXPECT_EQ(rows[5]->bounds().y + 16, 60) << "the last row sits at the bottom";
  EXPECT_EQ(rows[0]->bounds().y, 10 - 46);
  ScrollIntoView(root, *rows[4]);
  EXPECT_EQ(rows[5]->bounds().y + 16, 60) << "already in view: nothing moves";
  ScrollIntoView(root, *rows[0]);
  EXPECT_EQ(rows[0]->bounds().y, 10);
}

}  // namespace
}  // namespace swivel::os::ui
