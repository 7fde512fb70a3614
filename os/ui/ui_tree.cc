#include "os/ui/ui_tree.h"

namespace swivel::os::ui {
namespace {

void Escape(std::string_view s, std::string& out) {
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else out += c;
  }
}

void Dump(const Widget& w, const Widget* focused, int depth, std::string& out) {
  if (!w.visible()) return;
  out.append(size_t(depth) * 2, ' ');
  const auto& b = w.bounds();
  out += w.id() + " " + w.kind() + " \"";
  Escape(w.shown_text(), out);
  out += "\" " + std::to_string(b.x) + "," + std::to_string(b.y) + " " + std::to_string(b.width) +
         "x" + std::to_string(b.height);
  if (&w == focused) out += " focused";
  if (!w.enabled()) out += " disabled";
  if (const auto state = w.state(); !state.empty()) out += " " + std::string(state);
  out += "\n";
  for (const auto& c : w.children()) Dump(*c, focused, depth + 1, out);
}

}  // namespace

std::string DumpTree(const Widget& root, const Widget* focused) {
  std::string out;
  Dump(root, focused, 0, out);
  return out;
}

bool ShowsText(const Widget& root, std::string_view text) {
  if (!root.visible()) return false;
  if (root.shown_text().find(text) != std::string::npos) return true;
  for (const auto& c : root.children())
    if (ShowsText(*c, text)) return true;
  return false;
}

}  // namespace swivel::os::ui
