#pragma once
// `swivel-flash ls` and `swivel-flash fsck`: look at the record store in an image file
// without changing it. The file is opened read-only and mapped without write access, and
// the store sees it through os::storage::ReadOnlyFlash, so nothing can program or erase it.
#include <iosfwd>
#include <string>

namespace swivel::tools {

// One line per live record ("NS KEY SIZE": namespace, key as 32 hex digits, value size in
// bytes), in namespace and key order, then one summary line per namespace. Returns the exit
// status: 0, or 1 when the image cannot be opened or the store does not mount.
int ListImage(const std::string& path, std::ostream& out, std::ostream& err);

// Prints the fsck report. Returns 0 when clean, 1 when it found problems or the image
// cannot be opened.
int FsckImage(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace swivel::tools
