#pragma once
// Online backup and restore of a data directory.
//
// Backup copies the database with SQLite's backup API in one step, i.e. one read
// transaction: a consistent snapshot even while the server keeps writing (WAL readers do not
// block the writer). Then it copies every complete blob the snapshot names, checking each
// file's SHA-256 on the way; complete blobs never change, so the copy matches the snapshot.
// DEST gets syncd.db (one file, rollback journal) and blobs/<hex>.
//
// Restore replaces a data directory's database with a backup's, under a new epoch (so every
// device re-seeds: see proto/sync.proto), keeping every record's stamp. It copies the
// backup's blobs in, drops partial uploads, and refuses while a server holds DIR's lock.
#include <cstdint>
#include <filesystem>
#include <string>

namespace swivel::server {

struct DataSummary {
  std::string epoch;  // the database's epoch (after a restore: the new one)
  int64_t accounts = 0, devices = 0, records = 0, blobs = 0;
  uint64_t blob_bytes = 0;
};

// Throws StoreError (with what went wrong and the path) on any failure; DEST must not exist
// or be an empty directory.
DataSummary Backup(const std::filesystem::path& data_dir, const std::filesystem::path& dest);

// Throws StoreError on any failure, before touching DIR's database when it can.
DataSummary Restore(const std::filesystem::path& backup, const std::filesystem::path& data_dir);

}  // namespace swivel::server
