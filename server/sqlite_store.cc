#include "server/sqlite_store.h"

#include <utility>

#include "server/crypto.h"

namespace swivel::server {

namespace {

// The schema (version 1). Every index serves a query on a Sync request's path, so a no-op
// sync and a pull after an anchor cost O(page), not O(account):
// - records_feed (account_id, feed_sequence): the pull "after the anchor", in feed order;
// - records_id (id): a record by id, and the rule that an id belongs to one account only.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL);
CREATE TABLE accounts(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL);
CREATE TABLE devices(
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  token_hash BLOB NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL);
CREATE INDEX devices_account ON devices(account_id);
CREATE TABLE records(
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  id BLOB NOT NULL CHECK(length(id) = 16),
  type INTEGER NOT NULL,
  stamp_epoch BLOB NOT NULL CHECK(length(stamp_epoch) = 16),
  stamp_sequence INTEGER NOT NULL,
  feed_sequence INTEGER NOT NULL,
  origin_device TEXT NOT NULL,
  deleted INTEGER NOT NULL CHECK(deleted IN (0, 1)),
  payload BLOB NOT NULL);
CREATE UNIQUE INDEX records_id ON records(id);
CREATE UNIQUE INDEX records_feed ON records(account_id, feed_sequence);
CREATE TABLE blobs(
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  sha256 BLOB NOT NULL CHECK(length(sha256) = 32),
  size INTEGER NOT NULL,
  complete INTEGER NOT NULL CHECK(complete IN (0, 1)),
  PRIMARY KEY(account_id, sha256)) WITHOUT ROWID;
)sql";

}  // namespace

struct SqliteStore::Statements {
  explicit Statements(const sqlite::Db& db)
      : begin(db, "BEGIN IMMEDIATE"),
        commit(db, "COMMIT"),
        rollback(db, "ROLLBACK"),
        get_sequence(db, "SELECT sequence FROM accounts WHERE id = ?1"),
        set_sequence(db, "UPDATE accounts SET sequence = ?2 WHERE id = ?1"),
        get_record(db,
                   "SELECT type, stamp_epoch, stamp_sequence, feed_sequence, origin_device, "
                   "deleted, payload FROM records WHERE id = ?2 AND account_id = ?1"),
        record_owner(db, "SELECT account_id FROM records WHERE id = ?1"),
        blob_complete(db, "SELECT complete FROM blobs WHERE account_id = ?1 AND sha256 = ?2"),
        update_record(db,
                      "UPDATE records SET type = ?3, stamp_epoch = ?4, stamp_sequence = ?5, "
                      "feed_sequence = ?9, origin_device = ?6, deleted = ?7, payload = ?8 "
                      "WHERE id = ?2 AND account_id = ?1"),
        insert_record(db,
                      "INSERT INTO records(account_id, id, type, stamp_epoch, stamp_sequence, "
                      "feed_sequence, origin_device, deleted, payload) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?9, ?6, ?7, ?8)"),
        scan_feed(db,
                  "SELECT feed_sequence, type, id, stamp_epoch, stamp_sequence, "
                  "origin_device = ?3, deleted, "
                  "CASE WHEN origin_device = ?3 THEN NULL ELSE payload END, origin_device "
                  "FROM records WHERE account_id = ?1 AND feed_sequence > ?2 "
                  "ORDER BY feed_sequence LIMIT ?4"),
        create_account(db,
                       "INSERT INTO accounts(name, password_hash, created_ms) "
                       "VALUES(?1, ?2, ?3) ON CONFLICT(name) DO NOTHING"),
        find_account(db, "SELECT id, name, password_hash FROM accounts WHERE name = ?1"),
        add_device(db,
                   "INSERT INTO devices(id, account_id, name, token_hash, created_ms) "
                   "VALUES(?1, ?2, ?3, ?4, ?5)"),
        find_device(db,
                    "SELECT d.id, d.account_id, a.name, d.name FROM devices d "
                    "JOIN accounts a ON a.id = d.account_id WHERE d.token_hash = ?1"),
        get_blob(db, "SELECT size, complete FROM blobs WHERE account_id = ?1 AND sha256 = ?2"),
        put_blob(db,
                 "INSERT INTO blobs(account_id, sha256, size, complete) VALUES(?1, ?2, ?3, ?4) "
                 "ON CONFLICT(account_id, sha256) DO UPDATE SET size = excluded.size, "
                 "complete = excluded.complete") {}

  sqlite::Stmt begin, commit, rollback;
  sqlite::Stmt get_sequence, set_sequence, get_record, record_owner, blob_complete;
  sqlite::Stmt update_record, insert_record, scan_feed;
  sqlite::Stmt create_account, find_account, add_device, find_device, get_blob, put_blob;
};

class SqliteStore::Txn final : public SyncTransaction {
 public:
  Txn(SqliteStore& store, AccountId account)
      : store_(store), lock_(store.mutex_), st_(*store.st_), account_(account) {
    st_.begin().Run();
    try {
      auto q = st_.get_sequence();
      q.Int(1, account_);
      if (!q.Step()) throw StoreError("no account " + std::to_string(account_));
      sequence_ = static_cast<uint64_t>(q.ColumnInt(0));
    } catch (...) {
      Rollback();
      throw;
    }
  }

  ~Txn() override {
    if (!committed_) Rollback();
  }

  uint64_t Sequence() override { return sequence_; }

  std::optional<StoredRecord> Get(std::string_view id) override {
    auto q = st_.get_record();
    q.Int(1, account_).Blob(2, id);
    if (!q.Step()) return std::nullopt;
    StoredRecord r;
    r.type = static_cast<int>(q.ColumnInt(0));
    r.id = std::string(id);
    r.stamp.epoch = q.ColumnBlob(1);
    r.stamp.sequence = static_cast<uint64_t>(q.ColumnInt(2));
    r.feed_sequence = static_cast<uint64_t>(q.ColumnInt(3));
    r.origin_device = q.ColumnText(4);
    r.deleted = q.ColumnInt(5) != 0;
    r.payload = q.ColumnBlob(6);
    return r;
  }

  bool IdInOtherAccount(std::string_view id) override {
    auto q = st_.record_owner();
    q.Blob(1, id);
    return q.Step() && q.ColumnInt(0) != account_;
  }

  bool BlobComplete(std::string_view sha256) override {
    auto q = st_.blob_complete();
    q.Int(1, account_).Blob(2, sha256);
    return q.Step() && q.ColumnInt(0) != 0;
  }

  Stamp Put(const RecordWrite& write) override {
    const uint64_t sequence = sequence_ + 1;
    const Stamp stamp = write.keep_stamp ? *write.keep_stamp : Stamp{store_.epoch_, sequence};
    auto bind = [&](sqlite::Stmt::Use& q) {
      q.Int(1, account_)
          .Blob(2, write.id)
          .Int(3, write.type)
          .Blob(4, stamp.epoch)
          .Int(5, static_cast<int64_t>(stamp.sequence))
          .Text(6, write.origin_device)
          .Int(7, write.deleted ? 1 : 0)
          .Blob(8, write.payload)
          .Int(9, static_cast<int64_t>(sequence));
    };
    {
      auto q = st_.update_record();
      bind(q);
      q.Run();
    }
    if (sqlite3_changes(store_.db_.get()) == 0) {
      // A new id. If another account holds it, the unique index refuses it.
      auto q = st_.insert_record();
      bind(q);
      q.Run();
    }
    auto q = st_.set_sequence();
    q.Int(1, account_).Int(2, static_cast<int64_t>(sequence));
    q.Run();
    sequence_ = sequence;
    return stamp;
  }

  void ScanFeed(uint64_t after, std::string_view device, size_t limit,
                const std::function<bool(const FeedEntry&)>& visit) override {
    auto q = st_.scan_feed();
    q.Int(1, account_)
        .Int(2, static_cast<int64_t>(after))
        .Text(3, device)
        .Int(4, static_cast<int64_t>(limit));
    while (q.Step()) {
      FeedEntry e;
      e.record.feed_sequence = static_cast<uint64_t>(q.ColumnInt(0));
      e.record.type = static_cast<int>(q.ColumnInt(1));
      e.record.id = q.ColumnBlob(2);
      e.record.stamp.epoch = q.ColumnBlob(3);
      e.record.stamp.sequence = static_cast<uint64_t>(q.ColumnInt(4));
      e.own = q.ColumnInt(5) != 0;
      e.record.deleted = q.ColumnInt(6) != 0;
      if (!e.own) e.record.payload = q.ColumnBlob(7);
      e.record.origin_device = q.ColumnText(8);
      if (!visit(e)) break;
    }
  }

  void Commit() override {
    st_.commit().Run();
    committed_ = true;
  }

 private:
  void Rollback() {
    if (sqlite3_get_autocommit(store_.db_.get())) return;  // nothing open
    try {
      st_.rollback().Run();
    } catch (const StoreError&) {
      // The transaction is gone with the error; nothing more to undo.
    }
  }

  SqliteStore& store_;
  std::unique_lock<std::mutex> lock_;
  Statements& st_;
  AccountId account_;
  uint64_t sequence_ = 0;
  bool committed_ = false;
};

void SqliteStore::Configure(sqlite::Db& db) {
  db.Check(sqlite3_busy_timeout(db.get(), 5000), "busy_timeout");
  sqlite::Stmt mode(db, "PRAGMA journal_mode = WAL");
  {
    auto q = mode();
    if (!q.Step() || q.ColumnText(0) != "wal")
      throw StoreError("sqlite: the database cannot use WAL mode");
  }
  db.Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
}

void SqliteStore::CheckSchema(sqlite::Db& db, const std::string& path) {
  try {
    sqlite::Stmt schema(db, "SELECT value FROM meta WHERE key = 'schema'");
    auto q = schema();
    if (q.Step() && q.ColumnText(0) == std::to_string(kSchemaVersion)) return;
  } catch (const StoreError&) {
  }
  throw StoreError(path + " is not a swivel-syncd database (schema version " +
                   std::to_string(kSchemaVersion) + ")");
}

std::string SqliteStore::WriteNewEpoch(sqlite::Db& db) {
  std::string epoch = RandomBytes(16);
  sqlite::Stmt put(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('epoch', ?1)");
  auto q = put();
  q.Blob(1, epoch);
  q.Run();
  return epoch;
}

std::unique_ptr<SqliteStore> SqliteStore::Open(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) throw StoreError("cannot create " + data_dir.string() + ": " + ec.message());
  const std::string path = (data_dir / kFileName).string();
  sqlite::Db db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  bool empty = false;
  try {
    sqlite::Stmt tables(db, "SELECT count(*) FROM sqlite_master");
    auto q = tables();
    empty = q.Step() && q.ColumnInt(0) == 0;
  } catch (const StoreError&) {
    throw StoreError(path + " is not a swivel-syncd database");
  }
  Configure(db);
  if (empty) {
    // A new database (or one whose creation never committed): schema and epoch in one
    // transaction.
    db.Exec("BEGIN IMMEDIATE");
    try {
      db.Exec(kSchema);
      db.Exec("INSERT INTO meta(key, value) VALUES('schema', '" +
              std::to_string(kSchemaVersion) + "')");
      WriteNewEpoch(db);
      db.Exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
  CheckSchema(db, path);
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
}

SqliteStore::SqliteStore(sqlite::Db db) : db_(std::move(db)) {
  {
    sqlite::Stmt epoch(db_, "SELECT value FROM meta WHERE key = 'epoch'");
    auto q = epoch();
    if (q.Step()) epoch_ = q.ColumnBlob(0);
  }
  if (epoch_.size() != 16) throw StoreError("the database has no valid epoch");
  st_ = std::make_unique<Statements>(db_);
}

SqliteStore::~SqliteStore() {
  st_.reset();  // statements before the connection
}

std::string SqliteStore::Epoch() { return epoch_; }

std::optional<AccountId> SqliteStore::CreateAccount(std::string_view name,
                                                    std::string_view password_hash,
                                                    int64_t created_ms) {
  std::lock_guard lock(mutex_);
  auto q = st_->create_account();
  q.Text(1, name).Text(2, password_hash).Int(3, created_ms);
  q.Run();
  if (sqlite3_changes(db_.get()) == 0) return std::nullopt;
  return sqlite3_last_insert_rowid(db_.get());
}

std::optional<Account> SqliteStore::FindAccount(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto q = st_->find_account();
  q.Text(1, name);
  if (!q.Step()) return std::nullopt;
  return Account{q.ColumnInt(0), q.ColumnText(1), q.ColumnText(2)};
}

void SqliteStore::AddDevice(const Device& device, std::string_view token_hash,
                            int64_t created_ms) {
  std::lock_guard lock(mutex_);
  auto q = st_->add_device();
  q.Text(1, device.id)
      .Int(2, device.account)
      .Text(3, device.name)
      .Blob(4, token_hash)
      .Int(5, created_ms);
  q.Run();
}

std::optional<Device> SqliteStore::FindDeviceByTokenHash(std::string_view token_hash) {
  std::lock_guard lock(mutex_);
  auto q = st_->find_device();
  q.Blob(1, token_hash);
  if (!q.Step()) return std::nullopt;
  return Device{q.ColumnText(0), q.ColumnInt(1), q.ColumnText(2), q.ColumnText(3)};
}

std::unique_ptr<SyncTransaction> SqliteStore::BeginSync(AccountId account) {
  return std::make_unique<Txn>(*this, account);
}

std::optional<BlobEntry> SqliteStore::GetBlob(AccountId account, std::string_view sha256) {
  std::lock_guard lock(mutex_);
  auto q = st_->get_blob();
  q.Int(1, account).Blob(2, sha256);
  if (!q.Step()) return std::nullopt;
  return BlobEntry{static_cast<uint64_t>(q.ColumnInt(0)), q.ColumnInt(1) != 0};
}

void SqliteStore::PutBlob(AccountId account, std::string_view sha256, const BlobEntry& entry) {
  std::lock_guard lock(mutex_);
  auto q = st_->put_blob();
  q.Int(1, account).Blob(2, sha256).Int(3, static_cast<int64_t>(entry.size)).Int(4, entry.complete);
  q.Run();
}

}  // namespace swivel::server
