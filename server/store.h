#pragma once
// The sync service's storage, as an interface: accounts, devices and their tokens, records
// with their stamps and a per-account change feed, the blob index, and the epoch. SQLite
// implements it (sqlite_store.h); a PostgreSQL backend can implement it later without
// touching the sync rules (sync_logic.h), which only see this interface.
//
// Records. One row per (account, id) holds the record's current version: its type, stamp,
// the device that stored it, tombstone flag and payload (the serialized pim record, as sent).
// An id belongs to one account only; a backend must refuse to store it in a second one.
// Storing a version takes the account's next change sequence: it becomes both the stamp's
// sequence (with the current epoch) and the record's place in the account's feed, so the
// feed lists each record once, at its latest change. Restored records keep their stamps, and
// so does a re-seeded record unchanged since a base of an older epoch (it is that version).
//
// Blobs. The bytes live in files (blob_store.h); the store keeps, per account, which blobs
// the account uploaded, their size and whether they are complete.
//
// Errors: a failing backend (disk full, corrupt file, lost connection) throws StoreError.
// Nothing here judges requests: that is sync_logic's and auth's job.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace swivel::server {

using AccountId = int64_t;

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Account {
  AccountId id = 0;
  std::string name;
  std::string password_hash;  // crypto_pwhash_str output
};

struct Device {
  std::string id;  // 32 hex digits
  AccountId account = 0;
  std::string account_name;
  std::string name;
};

// Where a version sits in the server's history (see proto/sync.proto).
struct Stamp {
  std::string epoch;  // 16 bytes; empty for "never acknowledged"
  uint64_t sequence = 0;
  bool empty() const { return epoch.empty(); }
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

struct StoredRecord {
  int type = 0;        // swivel::sync::RecordType
  std::string id;      // 16 bytes
  Stamp stamp;
  uint64_t feed_sequence = 0;
  std::string origin_device;  // device id that stored this version
  bool deleted = false;
  std::string payload;
};

// A version to store: the store gives it the stamp, unless `keep_stamp` names the version
// it is (a re-seeded record unchanged since a base of an older epoch). Either way it takes
// the account's next feed place.
struct RecordWrite {
  int type = 0;
  std::string id;
  std::string origin_device;
  bool deleted = false;
  std::string payload;
  std::optional<Stamp> keep_stamp;
};

// One entry of an account's change feed, as a pull sees it.
struct FeedEntry {
  bool own = false;  // stored by the scanning device: its payload is not read (left empty)
  StoredRecord record;
};

struct BlobEntry {
  uint64_t size = 0;       // the whole blob's size
  bool complete = false;   // every byte received and the SHA-256 checked
};

// One account's records inside one transaction: everything a Sync request reads and writes
// commits together or not at all. Destroying it without Commit() rolls back.
class SyncTransaction {
 public:
  virtual ~SyncTransaction() = default;
  // The account's newest change sequence (0 for an account with no changes).
  virtual uint64_t Sequence() = 0;
  virtual std::optional<StoredRecord> Get(std::string_view id) = 0;
  // Whether `id` is a record of some other account.
  virtual bool IdInOtherAccount(std::string_view id) = 0;
  virtual bool BlobComplete(std::string_view sha256) = 0;
  // Stores a version at the next sequence, stamped with it and the current epoch (or with
  // write.keep_stamp); returns its stamp.
  virtual Stamp Put(const RecordWrite& write) = 0;
  // Calls `visit` for feed entries after `after`, oldest first, at most `limit` of them,
  // until it returns false. Entries stored by `device` come with own = true and no payload.
  virtual void ScanFeed(uint64_t after, std::string_view device, size_t limit,
                        const std::function<bool(const FeedEntry&)>& visit) = 0;
  virtual void Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // 16 random bytes made when the database was created or last restored.
  virtual std::string Epoch() = 0;

  // A new account, or nothing when the name is taken.
  virtual std::optional<AccountId> CreateAccount(std::string_view name,
                                                 std::string_view password_hash,
                                                 int64_t created_ms) = 0;
  virtual std::optional<Account> FindAccount(std::string_view name) = 0;

  // Registers a device; only a hash of its token is kept.
  virtual void AddDevice(const Device& device, std::string_view token_hash,
                         int64_t created_ms) = 0;
  virtual std::optional<Device> FindDeviceByTokenHash(std::string_view token_hash) = 0;

  // Starts the one transaction a Sync request runs in. While it is open, the calling thread
  // must not use the store otherwise.
  virtual std::unique_ptr<SyncTransaction> BeginSync(AccountId account) = 0;

  virtual std::optional<BlobEntry> GetBlob(AccountId account, std::string_view sha256) = 0;
  virtual void PutBlob(AccountId account, std::string_view sha256, const BlobEntry& entry) = 0;
};

}  // namespace swivel::server
