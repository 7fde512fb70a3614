#include "os/kernel/app_manager.h"

#include <algorithm>

namespace swivel::os::kernel {

void AppManager::Register(std::string id, AppFactory factory) {
  factories_[std::move(id)] = std::move(factory);
}

App* AppManager::current() {
  if (stack_.empty()) return nullptr;
  return running_.find(stack_.back())->second.get();
}

std::string_view AppManager::current_id() const {
  return stack_.empty() ? std::string_view{} : std::string_view(stack_.back());
}

void AppManager::Leave() {
  if (App* app = current()) {
    app->OnPause();
    app->Save();
  }
  autosave_.Cancel();
}

void AppManager::Front(const std::string& id) {
  running_.find(id)->second->OnResume();
  Autosave();
}

void AppManager::Autosave() {
  autosave_.Start(kAutosave, [this] {
    if (App* app = current()) app->Save();
    Autosave();
  });
}

bool AppManager::Launch(std::string_view id) {
  const auto factory = factories_.find(id);
  if (factory == factories_.end()) return false;
  if (!stack_.empty() && stack_.back() == id) return true;
  Leave();
  const std::string name(id);
  if (!running_.count(name)) {
    running_[name] = factory->second();
    created_order_.push_back(name);
    running_[name]->OnCreate();
  }
  // One entry per app on the way back: launching an app already on it moves it to the top.
  stack_.erase(std::remove(stack_.begin(), stack_.end(), name), stack_.end());
  stack_.push_back(name);
  Front(name);
  return true;
}

bool AppManager::Back() {
  if (stack_.size() < 2) return false;
  Leave();
  stack_.pop_back();
  Front(stack_.back());
  return true;
}

void AppManager::SaveAll() {
  for (const auto& id : created_order_) running_[id]->Save();
}

void AppManager::Shutdown() {
  Leave();
  for (auto it = created_order_.rbegin(); it != created_order_.rend(); ++it)
    running_[*it]->OnDestroy();
  running_.clear();
  created_order_.clear();
  stack_.clear();
}

}  // namespace swivel::os::kernel
