#include "server/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "server/crypto.h"
#include "server/data_dir.h"
#include "server/hex.h"
#include "server/sqlite_store.h"
#include "server/sqlite_util.h"

namespace swivel::server {

namespace fs = std::filesystem;

namespace {

void SyncPath(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string error = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    throw StoreError("cannot sync " + path.string() + ": " + error);
  }
  ::close(fd);
}

// Copies a blob file, checking that its bytes hash to its name; returns its size.
uint64_t CopyBlob(const fs::path& from, const fs::path& to, const std::string& sha256) {
  std::ifstream in(from, std::ios::binary);
  if (!in) throw StoreError("blob " + Hex(sha256) + " is missing: " + from.string());
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) throw StoreError("cannot write " + to.string());
  Sha256 hash;
  std::vector<char> buffer(1 << 16);
  uint64_t size = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    hash.Update(std::string_view(buffer.data(), n));
    out.write(buffer.data(), static_cast<std::streamsize>(n));
    size += n;
  }
  out.close();
  if (in.bad() || !out) throw StoreError("cannot copy " + from.string() + " to " + to.string());
  if (hash.Finish() != sha256)
    throw StoreError("blob " + from.string() + " is damaged: its bytes do not match its name");
  SyncPath(to, false);
  return size;
}

int64_t Count(sqlite::Db& db, const char* sql) {
  sqlite::Stmt stmt(db, sql);
  auto q = stmt();
  return q.Step() ? q.ColumnInt(0) : 0;
}

std::vector<std::string> CompleteBlobs(sqlite::Db& db) {
  std::vector<std::string> out;
  sqlite::Stmt stmt(db, "SELECT DISTINCT sha256 FROM blobs WHERE complete = 1 ORDER BY sha256");
  auto q = stmt();
  while (q.Step()) out.push_back(q.ColumnBlob(0));
  return out;
}

std::string ReadEpoch(sqlite::Db& db) {
  sqlite::Stmt stmt(db, "SELECT value FROM meta WHERE key = 'epoch'");
  auto q = stmt();
  return q.Step() ? q.ColumnBlob(0) : std::string();
}

DataSummary Summarize(sqlite::Db& db) {
  DataSummary s;
  s.epoch = ReadEpoch(db);
  s.accounts = Count(db, "SELECT count(*) FROM accounts");
  s.devices = Count(db, "SELECT count(*) FROM devices");
  s.records = Count(db, "SELECT count(*) FROM records");
  return s;
}

bool EmptyOrMissing(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

}  // namespace

DataSummary Backup(const fs::path& data_dir, const fs::path& dest) {
  const fs::path source = data_dir / SqliteStore::kFileName;
  if (!fs::exists(source)) throw StoreError("no database in " + data_dir.string());
  if (!EmptyOrMissing(dest))
    throw StoreError(dest.string() + " exists and is not an empty directory");
  std::error_code ec;
  fs::create_directories(dest / "blobs", ec);
  if (ec) throw StoreError("cannot create " + (dest / "blobs").string() + ": " + ec.message());

  sqlite::Db from(source.string(), SQLITE_OPEN_READWRITE);
  from.Check(sqlite3_busy_timeout(from.get(), 5000), "busy_timeout");
  SqliteStore::CheckSchema(from, source.string());
  const fs::path copy = dest / SqliteStore::kFileName;
  sqlite::Db to(copy.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) throw StoreError("cannot back up " + source.string() + ": " +
                                sqlite3_errmsg(to.get()));
  int rc;
  int busy = 0;
  // -1: every page in one step, under one read transaction: one consistent snapshot.
  while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_OK ||
         ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy < 100))
    if (rc != SQLITE_OK) sqlite3_sleep(50);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw StoreError("cannot back up " + source.string() + ": " + sqlite3_errstr(rc));
  from.Close();
  to.Exec("PRAGMA journal_mode = DELETE");

  DataSummary summary = Summarize(to);
  for (const auto& sha256 : CompleteBlobs(to)) {
    summary.blob_bytes +=
        CopyBlob(data_dir / "blobs" / Hex(sha256), dest / "blobs" / Hex(sha256), sha256);
    ++summary.blobs;
  }
  to.Close();
  SyncPath(copy, false);
  SyncPath(dest / "blobs", true);
  SyncPath(dest, true);
  return summary;
}

DataSummary Restore(const fs::path& backup, const fs::path& data_dir) {
  const fs::path source = backup / SqliteStore::kFileName;
  if (!fs::exists(source)) throw StoreError("no backup in " + backup.string() + " (no " +
                                            SqliteStore::kFileName + ")");
  auto lock = DataDirLock::TryLock(data_dir);
  if (!lock)
    throw StoreError("a swivel-syncd is serving " + data_dir.string() + ": stop it first");

  // Prepare the new database beside the old one; the old one stays until the final rename.
  const fs::path target = data_dir / SqliteStore::kFileName;
  const fs::path staged = data_dir / (std::string(SqliteStore::kFileName) + ".restoring");
  std::error_code ec;
  fs::remove(staged, ec);
  fs::copy_file(source, staged, ec);
  if (ec) throw StoreError("cannot copy " + source.string() + ": " + ec.message());
  DataSummary summary;
  std::vector<std::string> blobs;
  try {
    sqlite::Db db(staged.string(), SQLITE_OPEN_READWRITE);
    SqliteStore::CheckSchema(db, source.string());
    {
      sqlite::Stmt check(db, "PRAGMA quick_check");
      auto q = check();
      if (!q.Step() || q.ColumnText(0) != "ok")
        throw StoreError(source.string() + " is damaged (quick_check failed)");
    }
    blobs = CompleteBlobs(db);
    fs::create_directories(data_dir / "blobs" / "partial");
    for (const auto& sha256 : blobs) {
      const fs::path to = data_dir / "blobs" / Hex(sha256);
      const fs::path from = backup / "blobs" / Hex(sha256);
      if (fs::exists(to)) {
        summary.blob_bytes += fs::file_size(to);  // complete blobs never change
      } else {
        const fs::path part = to.string() + ".restoring";
        summary.blob_bytes += CopyBlob(from, part, sha256);
        fs::rename(part, to);
      }
    }
    SyncPath(data_dir / "blobs", true);
    db.Exec("BEGIN IMMEDIATE");
    SqliteStore::WriteNewEpoch(db);
    db.Exec("COMMIT");
    SqliteStore::Configure(db);  // back to WAL
    DataSummary counts = Summarize(db);
    counts.blob_bytes = summary.blob_bytes;
    counts.blobs = static_cast<int64_t>(blobs.size());
    summary = counts;
  } catch (...) {
    fs::remove(staged, ec);
    throw;
  }
  SyncPath(staged, false);

  // The old WAL belongs to the old database: it must go before the new file takes its name.
  fs::remove(data_dir / (std::string(SqliteStore::kFileName) + "-wal"), ec);
  fs::remove(data_dir / (std::string(SqliteStore::kFileName) + "-shm"), ec);
  fs::rename(staged, target);
  SyncPath(data_dir, true);
  // Partial uploads belonged to the replaced data.
  for (const auto& entry : fs::directory_iterator(data_dir / "blobs" / "partial", ec))
    fs::remove(entry.path(), ec);
  return summary;
}

}  // namespace swivel::server
