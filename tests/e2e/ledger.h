#pragma once
// The drill's ledger: what the owners saved, written down outside every handset and the
// server the moment a save returns success. The drill's checks compare what each holder
// (a handset, the server) has against it, never against what the holders say of themselves.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace swivel::e2e {

struct LedgerEntry {
  std::string account, kind, text;
  bool deleted = false;
  std::string photo_sha256;  // hex; photos only
};

// A record as one holder has it.
struct HeldRecord {
  std::string kind, text;
  bool deleted = false;
  std::string conflict_of;   // hex, for a conflict copy
  std::string photo_sha256;  // hex, photos only: of the bytes the holder really has ("" if none)
};
using Holding = std::map<std::string, HeldRecord>;  // by record id (hex)

struct Findings {
  size_t checked = 0;  // ledger entries compared, summed over holders
  size_t lost = 0;     // of those: missing, rolled back, deleted, or with other bytes
  std::vector<std::string> problems;  // every discrepancy, lost or not (duplicates, leaks)
};

class Ledger {
 public:
  void Saved(const std::string& account, const std::string& kind, const std::string& id,
             const std::string& text, const std::string& photo_sha256 = "");
  void Deleted(const std::string& id);
  const std::map<std::string, LedgerEntry>& entries() const { return entries_; }
  size_t CountFor(const std::string& account) const;

  // Compares `held`, all that holder `who` of `account` has, with the ledger: every entry
  // of that account there with its last saved content (or deleted), none twice, and nothing
  // of any other account.
  void Compare(const std::string& account, const Holding& held, const std::string& who, Findings* out) const;

 private:
  std::map<std::string, LedgerEntry> entries_;  // by record id (hex)
};

}  // namespace swivel::e2e
