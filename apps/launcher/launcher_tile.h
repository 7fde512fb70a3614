#pragma once
// One app on the Jump screen: an icon (the app's initial on a rounded square), its title,
// and under it the line of what is new (a child label, id launcher.<app>.news).
#include <string>

#include "os/ui/widgets.h"

namespace swivel::apps {

class LauncherTile final : public os::ui::Widget {
 public:
  static constexpr int32_t kIcon = 24, kTitle = 14, kNews = 12;  // heights, top to bottom
  static constexpr int32_t kHeight = 2 + kIcon + kTitle + kNews + 2;

  LauncherTile(const std::string& app, std::string title, hal::Rect bounds);
  os::ui::Label& news() { return *news_; }
  void Paint(os::ui::Painter& p) const override;

 private:
  os::ui::Label* news_;
};

}  // namespace swivel::apps
