#pragma once
// The Store on SQLite: one database file, DIR/syncd.db, in WAL mode with synchronous=FULL
// (a commit that returned is on disk) and foreign keys on. One connection, serialized by a
// mutex; a Sync request holds it for its one IMMEDIATE transaction. Statements are prepared
// once. The schema is in sqlite_store.cc and server/README.md.
#include <filesystem>
#include <memory>
#include <mutex>

#include "server/sqlite_util.h"
#include "server/store.h"

namespace swivel::server {

class SqliteStore final : public Store {
 public:
  static constexpr const char* kFileName = "syncd.db";
  static constexpr int kSchemaVersion = 1;

  // Opens DIR/syncd.db, creating the file, its schema and a new epoch when it does not exist.
  // Throws StoreError when the file is not a swivel-syncd database or cannot be used.
  static std::unique_ptr<SqliteStore> Open(const std::filesystem::path& data_dir);
  ~SqliteStore() override;

  std::string Epoch() override;
  std::optional<AccountId> CreateAccount(std::string_view name, std::string_view password_hash,
                                         int64_t created_ms) override;
  std::optional<Account> FindAccount(std::string_view name) override;
  void AddDevice(const Device& device, std::string_view token_hash, int64_t created_ms) override;
  std::optional<Device> FindDeviceByTokenHash(std::string_view token_hash) override;
  std::unique_ptr<SyncTransaction> BeginSync(AccountId account) override;
  std::optional<BlobEntry> GetBlob(AccountId account, std::string_view sha256) override;
  void PutBlob(AccountId account, std::string_view sha256, const BlobEntry& entry) override;

  // Shared with backup/restore: the connection settings every opener applies, the check
  // that a database is ours (throws StoreError naming `path` otherwise), and a new epoch.
  static void Configure(sqlite::Db& db);
  static void CheckSchema(sqlite::Db& db, const std::string& path);
  static std::string WriteNewEpoch(sqlite::Db& db);

 private:
  class Txn;
  struct Statements;
  explicit SqliteStore(sqlite::Db db);

  std::mutex mutex_;
  sqlite::Db db_;
  std::string epoch_;
  std::unique_ptr<Statements> st_;
};

}  // namespace swivel::server
