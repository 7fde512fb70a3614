#include <gtest/gtest.h>

#include "os/ui/focus.h"
#include "os/ui/ui_tree.h"
#include "os/ui/widget.h"

namespace swivel::os::ui {
namespace {

std::unique_ptr<Widget> Make(std::string id, std::string kind, hal::Rect r, bool focusable = true,
                             std::string text = "") {
  auto w = std::make_unique<Widget>(std::move(id), std::move(kind));
  w->set_bounds(r);
  w->set_focusable(focusable);
  w->set_text(std::move(text));
  return w;
}

// A 3x3 grid of 40x30 cells, like the Jump screen's apps.
struct Grid : ::testing::Test {
  Widget root{"jump", "screen"};
  Grid() {
    root.set_bounds({0, 0, 240, 160});
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c)
        root.Add(Make("app" + std::to_string(r * 3 + c), "button", {c * 50, r * 40, 40, 30}));
  }
  hal::InputEvent Down(hal::Key k) { return {hal::InputEvent::Type::kKeyDown, k, 0, {}, {}}; }
};

TEST_F(Grid, TheDpadMovesFocusToTheNearestWidgetThatWay) {
  Focus f(root);
  f.Reset();
  EXPECT_EQ(f.focused()->id(), "app0");
  EXPECT_TRUE(f.Route(Down(hal::Key::kRight)));
  EXPECT_EQ(f.focused()->id(), "app1");
  EXPECT_TRUE(f.Route(Down(hal::Key::kDown)));
  EXPECT_EQ(f.focused()->id(), "app4") << "straight down, not diagonally";
  EXPECT_TRUE(f.Route(Down(hal::Key::kDown)));
  EXPECT_FALSE(f.Route(Down(hal::Key::kDown))) << "nothing further down: focus stays";
  EXPECT_EQ(f.focused()->id(), "app7");
  EXPECT_TRUE(f.Route(Down(hal::Key::kLeft)));
  EXPECT_EQ(f.focused()->id(), "app6");
}

TEST_F(Grid, DisabledAndHiddenWidgetsAreSkipped) {
  root.Find("app1")->set_enabled(false);
  root.Find("app2")->set_visible(false);
  Focus f(root);
  ASSERT_TRUE(f.Set(root.Find("app0")));
  EXPECT_FALSE(f.Set(root.Find("app1")));
  EXPECT_TRUE(f.Route(Down(hal::Key::kRight)));
  EXPECT_NE(f.focused()->id(), "app1");
  EXPECT_NE(f.focused()->id(), "app2");
}

// Keys go to the focused widget first, then up through its parents.
TEST(Focus, KeysBubbleUpUntilAWidgetUsesThem) {
  struct Counting : Widget {
    Counting(std::string id, bool uses) : Widget(std::move(id), "box"), uses_(uses) {}
    bool OnKey(const hal::InputEvent&) override {
      ++seen;
      return uses_;
    }
    int seen = 0;
    bool uses_;
  };
  Counting root("root", true);
  auto& panel = root.Add(std::make_unique<Counting>("panel", false));
  auto& field = panel.Add(std::make_unique<Counting>("field", false));
  field.set_focusable(true);
  Focus f(root);
  ASSERT_TRUE(f.Set(&field));
  EXPECT_TRUE(f.Route({hal::InputEvent::Type::kKeyDown, hal::Key::kEnter, 0, {}, {}}));
  EXPECT_EQ(field.seen, 1);
  EXPECT_EQ(panel.seen, 1);
  EXPECT_EQ(root.seen, 1);
}

TEST(UiTree, DumpIsStableAndListsOnlyVisibleWidgets) {
  Widget root("contacts", "screen");
  root.set_bounds({0, 0, 240, 160});
  auto& list = root.Add(Make("contacts.list", "list", {0, 20, 240, 140}));
  list.Add(Make("contacts.row0", "row", {0, 20, 240, 20}, true, "Ana \"Bee\" M\xc3\xbcller"));
  list.Add(Make("contacts.row1", "row", {0, 40, 240, 20}, true, "Ben"))
      .set_enabled(false);
  root.Add(Make("contacts.hidden", "label", {0, 0, 1, 1}, false, "secret")).set_visible(false);
  EXPECT_EQ(DumpTree(root, root.Find("contacts.row0")),
            "contacts screen \"\" 0,0 240x160\n"
            "  contacts.list list \"\" 0,20 240x140\n"
            "    contacts.row0 row \"Ana \\\"Bee\\\" M\xc3\xbcller\" 0,20 240x20 focused\n"
            "    contacts.row1 row \"Ben\" 0,40 240x20 disabled\n");
  EXPECT_TRUE(ShowsText(root, "M\xc3\xbcller"));
  EXPECT_FALSE(ShowsText(root, "secret")) << "hidden widgets show nothing";
  EXPECT_FALSE(ShowsText(root, "Cleo"));
}

}  // namespace
}  // namespace swivel::os::ui
