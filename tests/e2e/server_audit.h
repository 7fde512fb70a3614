#pragma once
// Reads all an account holds on a running swivel-syncd over gRPC, as a newly signed-in
// device of that account would: every record from anchor 0, page after page.
#include <string>

#include "tests/e2e/ledger.h"

namespace swivel::e2e {

// False with `error` set when the server cannot be read.
bool ReadAccount(const std::string& address, const std::string& account, const std::string& password,
                 Holding* out, std::string* error);

}  // namespace swivel::e2e
