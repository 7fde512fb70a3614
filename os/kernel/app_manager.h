#pragma once
// AppManager: which apps exist, which one is in front, and the way back.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "os/kernel/app.h"
#include "os/kernel/timer.h"

namespace swivel::os::kernel {

using AppFactory = std::function<std::unique_ptr<App>()>;

class AppManager {
 public:
  // How often the app in front saves its draft while the user types.
  static constexpr hal::Duration kAutosave = std::chrono::seconds(5);

  explicit AppManager(hal::Clock& clock) : autosave_(clock) {}

  void Register(std::string id, AppFactory factory);
  // Brings `id` to the front: pauses (and saves) the app in front, creates `id` the first
  // time, resumes it. False when no app has that id.
  bool Launch(std::string_view id);
  // Back to the app that was in front before this one; false when there is none.
  bool Back();
  App* current();
  std::string_view current_id() const;  // empty when no app runs
  // Every created app saves its draft (before a shutdown, or when power runs low).
  void SaveAll();
  // Pauses the app in front and destroys every app, newest first. Nothing runs after.
  void Shutdown();

 private:
  void Front(const std::string& id);  // resume + autosave
  void Leave();                       // pause + save the app in front
  void Autosave();

  std::map<std::string, AppFactory, std::less<>> factories_;
  std::map<std::string, std::unique_ptr<App>, std::less<>> running_;
  std::vector<std::string> created_order_;
  std::vector<std::string> stack_;  // the front app last
  Timer autosave_;
};

}  // namespace swivel::os::kernel
