#pragma once
// The layout every form-like screen uses: children top to bottom, a row each; a list takes
// the rest of the height and a dialog the whole screen (laid out over it).
#include "os/ui/widget.h"

namespace swivel::os::ui {

void StackRows(Widget& root, int row_height);

}  // namespace swivel::os::ui
