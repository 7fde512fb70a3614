#include "tests/e2e/ledger.h"

namespace swivel::e2e {

void Ledger::Saved(const std::string& account, const std::string& kind, const std::string& id,
                   const std::string& text, const std::string& photo_sha256) {
  entries_[id] = LedgerEntry{account, kind, text, false, photo_sha256};
}

void Ledger::Deleted(const std::string& id) { entries_.at(id).deleted = true; }

size_t Ledger::CountFor(const std::string& account) const {
  size_t n = 0;
  for (const auto& [id, e] : entries_) n += e.account == account;
  return n;
}

void Ledger::Compare(const std::string& account, const Holding& held, const std::string& who,
                     Findings* out) const {
  auto problem = [&](const std::string& id, const LedgerEntry& e, const std::string& what) {
    out->problems.push_back(who + ": " + e.kind + " " + id + " \"" + e.text + "\": " + what);
  };
  for (const auto& [id, e] : entries_) {
    const auto it = held.find(id);
    if (e.account != account) {
      if (it != held.end()) problem(id, e, "another account's record is here");
      continue;
    }
    ++out->checked;
    if (it == held.end()) {
      ++out->lost;
      problem(id, e, "missing");
      continue;
    }
    const HeldRecord& h = it->second;
    if (h.kind != e.kind) {
      ++out->lost;
      problem(id, e, "held as a " + h.kind);
    } else if (e.deleted) {
      if (!h.deleted) problem(id, e, "deleted, but back as \"" + h.text + "\"");
    } else if (h.deleted) {
      ++out->lost;
      problem(id, e, "deleted here, never by its owner");
    } else if (h.text != e.text) {
      ++out->lost;
      problem(id, e, "holds \"" + h.text + "\" instead");
    } else if (h.photo_sha256 != e.photo_sha256) {
      ++out->lost;
      problem(id, e, "photo bytes " + (h.photo_sha256.empty() ? "missing" : "differ (" + h.photo_sha256 + ")"));
    }
    if (e.deleted) continue;
    // The same content under another id (a re-seed that duplicated instead of merging).
    for (const auto& [other_id, o] : held)
      if (other_id != id && !o.deleted && o.kind == e.kind && o.text == e.text)
        problem(id, e, "duplicated as " + other_id);
  }
}

}  // namespace swivel::e2e
