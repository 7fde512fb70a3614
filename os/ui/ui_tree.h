#pragma once
// The automation view of a screen: what tests, scripts and the control API see. Only
// visible widgets are listed.
//
// Dump format, one widget a line, children indented two spaces under their parent:
//   ID KIND "TEXT" X,Y WxH [focused] [disabled] [STATE]
// (STATE: the widget's own, e.g. "checked" or "selected"; see Widget::state)
// with \" \\ and \n escaped in TEXT. The format is stable: tests compare it.
#include <string>
#include <string_view>

#include "os/ui/widget.h"

namespace swivel::os::ui {

std::string DumpTree(const Widget& root, const Widget* focused);
// True when a visible widget shows `text` (its whole text, or as part of it).
bool ShowsText(const Widget& root, std::string_view text);

}  // namespace swivel::os::ui
