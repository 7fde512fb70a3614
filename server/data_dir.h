#pragma once
// The data directory's layout and its lock.
//
//   DIR/syncd.db (+ -wal, -shm)  the SQLite database (sqlite_store.h)
//   DIR/blobs/<hex sha256>       complete blobs (blob_store.h)
//   DIR/blobs/partial/<account>-<hex sha256>.part   uploads in progress
//   DIR/syncd.lock               held (flock) by the serving process, so `restore` cannot
//                                replace the data under a running server
#include <filesystem>
#include <optional>

namespace swivel::server {

class DataDirLock {
 public:
  static constexpr const char* kFileName = "syncd.lock";
  // Takes DIR/syncd.lock (creating DIR), or nothing when another process holds it.
  static std::optional<DataDirLock> TryLock(const std::filesystem::path& dir);
  ~DataDirLock();
  DataDirLock(DataDirLock&& other) noexcept;
  DataDirLock& operator=(DataDirLock&&) = delete;
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace swivel::server
