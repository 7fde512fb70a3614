#pragma once
// Shared pieces of the server tests: scratch directories, a server on a fresh data directory
// with the cheapest password hashing and a hand-driven clock, record builders, and a dump of
// everything stored (to prove a refused request changed nothing).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "proto/pim.pb.h"
#include "proto/sync.pb.h"
#include "server/sqlite_store.h"
#include "server/sync_server.h"

namespace swivel::server::testing {

// A fresh directory, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A 16-byte record id made from a number (distinct numbers, distinct ids).
std::string Id(uint32_t n);

sync::Record Contact(const std::string& id, const std::string& name, uint64_t revision = 1,
                     bool deleted = false);
sync::Record Note(const std::string& id, const std::string& body);
sync::Record Photo(const std::string& id, const std::string& sha256, uint64_t size);
sync::Record WithBase(sync::Record record, const sync::Stamp& base);

// Every row of every table (blobs as hex) and every file under blobs/, in a stable order.
std::string Dump(const std::filesystem::path& data_dir);

struct Session {
  std::string token;
  std::string device_id;
  std::string epoch;
  uint64_t anchor = 0;
};

class ServerHarness {
 public:
  explicit ServerHarness(ServerOptions options = TestOptions());
  static ServerOptions TestOptions();

  // Signs `account` up (if new) and signs a device in.
  Session SignIn(const std::string& account, const std::string& device = "phone");
  // One Sync with the session's epoch and anchor; on success the session takes the reply's
  // epoch and next_anchor.
  Result<sync::SyncReply> Sync(Session& session, const std::vector<sync::Record>& push = {},
                               uint32_t max_records = 0, uint32_t max_bytes = 0);
  // Syncs until `more` is false; returns every pulled record.
  std::vector<sync::Record> PullAll(Session& session, uint32_t max_records = 0);
  // Uploads `bytes` as one blob in chunks of `chunk` bytes (one upload call).
  Result<sync::BlobState> Upload(const Session& session, const std::string& bytes,
                                 size_t chunk = 256 * 1024, uint64_t from = 0,
                                 uint64_t until = UINT64_MAX);

  const std::filesystem::path& dir() const { return dir_.path(); }
  SqliteStore& store() { return *store_; }
  SyncServer& server() { return *server_; }
  int64_t now_ms = 1'000'000;  // the clock the server reads
  std::vector<std::string> log;

 private:
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<SyncServer> server_;
};

}  // namespace swivel::server::testing
