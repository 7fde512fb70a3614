#pragma once
// Address-book entries that look like a real phone's: given and family names (some with a
// middle name, an honorific, accented letters), the display name a phone would show, one or
// two phone numbers with labels, and an e-mail address. The same seed makes the same
// contacts, so runs compare.
#include <cstdint>

#include "hal/sim/sim_random.h"
#include "proto/pim.pb.h"

namespace swivel::bench {

class ContactMaker {
 public:
  explicit ContactMaker(uint64_t seed) : random_(seed) {}
  // A new contact with no meta (the repository gives it an id and a revision).
  pim::Contact Next();
  // Changes `contact` the way a user edits one: a phone number typed again.
  void Edit(pim::Contact& contact);

 private:
  hal::sim::SimRandom random_;
};

}  // namespace swivel::bench
