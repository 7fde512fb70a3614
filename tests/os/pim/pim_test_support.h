#pragma once
// Helpers shared by the PIM repository tests: a store on simulated flash, sample records
// of each type, and a readable dump of a repository's whole state.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/pim/repository.h"
#include "os/storage/store.h"

namespace swivel::os::pim::test {

namespace proto = ::swivel::pim;

inline std::unique_ptr<storage::Store> MountOk(hal::Flash& flash) {
  storage::Status s;
  auto store = storage::Store::Mount(flash, &s);
  EXPECT_EQ(s, storage::Status::kOk);
  return store;
}

// A record of each type with some content of its own; `n` makes records differ.
inline void Fill(proto::Contact& c, int n) {
  c.set_display_name("Contact " + std::to_string(n));
  c.mutable_name()->set_family("Family" + std::to_string(n));
  auto* phone = c.add_phones();
  phone->set_label(proto::LABEL_MOBILE);
  phone->set_number("+49 30 " + std::to_string(1000 + n));
}
inline void Fill(proto::Event& e, int n) {
  e.set_title("Event " + std::to_string(n));
  e.set_start_ms(1767225600000 + n * 3600000LL);
  e.set_end_ms(e.start_ms() + 1800000);
  e.set_time_zone("Europe/Berlin");
}
inline void Fill(proto::Task& t, int n) {
  t.set_title("Task " + std::to_string(n));
  t.mutable_due_date()->set_year(2026);
  t.mutable_due_date()->set_month(1 + n % 12);
  t.set_priority(uint32_t(1 + n % 9));
}
inline void Fill(proto::Note& note, int n) {
  note.set_title("Note " + std::to_string(n));
  note.set_body(std::string(size_t(20 + n), 'x'));
}
inline void Fill(proto::Photo& p, int n) {
  p.set_caption("Photo " + std::to_string(n));
  p.set_width(uint32_t(640 + n));
  p.set_height(480);
  p.set_mime_type("image/jpeg");
  p.set_sha256(std::string(32, char(n)));
}

template <typename M>
M Sample(int n) {
  M m;
  Fill(m, n);
  return m;
}

// Every record (tombstones too) and the dirty set, as text: two states are the same iff
// their dumps are equal, and a failing comparison shows both.
template <typename M>
std::string Dump(Repository<M>& repo) {
  std::vector<M> records;
  std::vector<DirtyEntry> dirty;
  EXPECT_EQ(repo.List(&records, Listing::kWithDeleted), Status::kOk);
  EXPECT_EQ(repo.Dirty(&dirty), Status::kOk);
  std::string out;
  for (const auto& r : records) out += r.ShortDebugString() + "\n";
  for (const auto& d : dirty) {
    out += "dirty ";
    for (unsigned char b : d.id) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02x", b);
      out += hex;
    }
    out += " r" + std::to_string(d.revision) + "\n";
  }
  return out;
}

}  // namespace swivel::os::pim::test
