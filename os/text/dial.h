#pragma once
// DialString: what a typed or stored phone number means to the radio, as ASCII.
//
// Phone numbers are shown as the user typed them but dialled as digits. DialString keeps:
// - decimal digits of any script, as ASCII ("٠١٢" Arabic-Indic, fullwidth "０１２" -> "012"),
//   so a number typed in any locale dials the same;
// - '+' only as the first character kept (the international prefix); '*' and '#';
// - Latin letters as the digits printed beside them on a phone keypad (ITU E.161:
//   "1-800-FLOWERS" -> "18003569377"), since the handset has a full keyboard and vanity
//   numbers were typed that way.
// Everything else (spaces, dashes, dots, brackets, other letters) is dropped. Extensions
// ("x123", "ext. 5") are not recognised: their letters become digits too.
#include <string>
#include <string_view>

namespace swivel::os::text {

std::string DialString(std::string_view utf8);

}  // namespace swivel::os::text
