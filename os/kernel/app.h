#pragma once
// App: what the kernel runs. Apps keep running in the background (as on the handset):
// switching away pauses an app, it is not destroyed.
//
// Lifecycle: OnCreate once, then OnResume / OnPause each time it comes to the front or
// leaves it, OnDestroy once at shutdown. Save() must make durable whatever the user has
// typed and not yet saved (a draft): the kernel calls it when the app is paused and every
// few seconds of device time while it is in front (AppManager::kAutosave), so a battery
// pull loses at most that much typing.
#include <functional>
#include <string>
#include <vector>

#include "hal/input.h"
#include "os/ui/focus.h"
#include "os/ui/widget.h"

namespace swivel::os::kernel {

// One line of the menu the Menu key opens (the same way in every app).
struct MenuItem {
  std::string id;        // the widget is menu.<id>
  std::string label;     // "New contact"
  char32_t shortcut = 0; // Menu+key runs it without opening the menu (0: none)
  std::function<void()> run;
};

class App {
 public:
  virtual ~App() = default;
  // The app's screen as a UI tree, and where focus is (for key routing, tests and scripts);
  // nothing for an app without a screen.
  virtual ui::Widget* screen() { return nullptr; }
  virtual ui::Focus* focus() { return nullptr; }
  // What the Menu key offers on the app's current screen; nothing: the key does nothing.
  virtual std::vector<MenuItem> Menu() { return {}; }
  virtual void OnCreate() {}
  virtual void OnResume() {}
  virtual void OnPause() {}
  virtual void OnDestroy() {}
  virtual void Save() {}
  // Brings the screen up to date with what changes without keys (the sync state, a reply
  // that came in); true when what it shows changed. The kernel calls it before it draws and
  // before tests and scripts read the screen; it must be cheap when nothing changed.
  virtual bool Refresh() { return false; }
  // A key for the app in front; false if it did not use it (Back then goes to the
  // previous app). By default keys go through the app's focus (ui::Focus::Route).
  virtual bool OnKey(const hal::InputEvent& event) {
    ui::Focus* f = focus();
    return f && f->Route(event);
  }
};

}  // namespace swivel::os::kernel
