#include "tests/server/server_test_util.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <stdexcept>

#include "server/crypto.h"
#include "server/hex.h"

namespace swivel::server::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "swivel-server-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string Id(uint32_t n) {
  std::string id(16, '\0');
  id[0] = 'I';
  id[1] = 'D';
  for (int i = 0; i < 4; ++i) id[12 + i] = static_cast<char>((n >> (8 * (3 - i))) & 0xff);
  return id;
}

sync::Record Contact(const std::string& id, const std::string& name, uint64_t revision,
                     bool deleted) {
  pim::Contact contact;
  contact.mutable_meta()->set_id(id);
  contact.mutable_meta()->set_revision(revision);
  contact.mutable_meta()->set_deleted(deleted);
  if (!deleted) contact.set_display_name(name);
  sync::Record record;
  record.set_type(sync::RECORD_TYPE_CONTACT);
  record.set_id(id);
  record.set_deleted(deleted);
  record.set_payload(contact.SerializeAsString());
  return record;
}

sync::Record Note(const std::string& id, const std::string& body) {
  pim::Note note;
  note.mutable_meta()->set_id(id);
  note.mutable_meta()->set_revision(1);
  note.set_body(body);
  sync::Record record;
  record.set_type(sync::RECORD_TYPE_NOTE);
  record.set_id(id);
  record.set_payload(note.SerializeAsString());
  return record;
}

sync::Record Photo(const std::string& id, const std::string& sha256, uint64_t size) {
  pim::Photo photo;
  photo.mutable_meta()->set_id(id);
  photo.mutable_meta()->set_revision(1);
  photo.set_sha256(sha256);
  photo.set_byte_size(size);
  photo.set_mime_type("image/jpeg");
  sync::Record record;
  record.set_type(sync::RECORD_TYPE_PHOTO);
  record.set_id(id);
  record.set_payload(photo.SerializeAsString());
  return record;
}

sync::Record WithBase(sync::Record record, const sync::Stamp& base) {
  *record.mutable_stamp() = base;
  return record;
}

std::string Dump(const fs::path& data_dir) {
  std::string out;
  sqlite3* db = nullptr;
  const std::string path = (data_dir / SqliteStore::kFileName).string();
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  for (const char* table : {"meta", "accounts", "devices", "records", "blobs"}) {
    out += std::string("[") + table + "]\n";
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1, 2";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const void* data = sqlite3_column_blob(stmt, c);
        const int size = sqlite3_column_bytes(stmt, c);
        out += (c ? "|" : "") +
               Hex(std::string_view(static_cast<const char*>(data), data ? size : 0));
      }
      out += "\n";
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  std::vector<std::string> files;
  if (fs::exists(data_dir / "blobs"))
    for (const auto& e : fs::recursive_directory_iterator(data_dir / "blobs"))
      if (e.is_regular_file())
        files.push_back(fs::relative(e.path(), data_dir).string() + " " +
                        std::to_string(e.file_size()));
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out += f + "\n";
  return out;
}

ServerOptions ServerHarness::TestOptions() {
  ServerOptions options;
  options.pwhash = PwhashLimits::Minimum();
  return options;
}

ServerHarness::ServerHarness(ServerOptions options) {
  store_ = SqliteStore::Open(dir_.path());
  options.now_ms = [this] { return now_ms; };
  options.log = [this](std::string_view line) { log.emplace_back(line); };
  server_ = std::make_unique<SyncServer>(*store_, dir_.path(), std::move(options));
}

Session ServerHarness::SignIn(const std::string& account, const std::string& device) {
  sync::SignUpRequest up;
  up.set_account(account);
  up.set_password("correct horse");
  auto signed_up = server_->SignUp(up, "test");
  if (!signed_up.ok() && signed_up.status().code() != Code::kAlreadyExists)
    throw std::runtime_error("sign-up failed: " + signed_up.status().message());
  sync::SignInRequest in;
  in.set_account(account);
  in.set_password("correct horse");
  in.set_device_name(device);
  auto reply = server_->SignIn(in, "test");
  if (!reply.ok()) throw std::runtime_error("sign-in failed: " + reply.status().message());
  return Session{reply->token(), reply->device_id(), "", 0};
}

Result<sync::SyncReply> ServerHarness::Sync(Session& session,
                                            const std::vector<sync::Record>& push,
                                            uint32_t max_records, uint32_t max_bytes) {
  sync::SyncRequest request;
  request.set_epoch(session.epoch);
  request.set_anchor(session.anchor);
  for (const auto& r : push) *request.add_push() = r;
  request.set_max_records(max_records);
  request.set_max_bytes(max_bytes);
  auto reply = server_->Sync(session.token, request, "test");
  if (reply.ok() && !reply->reseed_needed()) {
    session.epoch = reply->epoch();
    session.anchor = reply->next_anchor();
  }
  return reply;
}

std::vector<sync::Record> ServerHarness::PullAll(Session& session, uint32_t max_records) {
  std::vector<sync::Record> all;
  for (;;) {
    auto reply = Sync(session, {}, max_records);
    if (!reply.ok()) throw std::runtime_error("sync failed: " + reply.status().message());
    for (const auto& r : reply->pulled()) all.push_back(r);
    if (!reply->more()) return all;
  }
}

Result<sync::BlobState> ServerHarness::Upload(const Session& session, const std::string& bytes,
                                              size_t chunk, uint64_t from, uint64_t until) {
  const std::string sha256 = Sha256Of(bytes);
  uint64_t offset = from;
  const uint64_t end = std::min<uint64_t>(until, bytes.size());
  bool first = true;
  return server_->UploadBlob(
      session.token,
      [&](sync::BlobChunk& c) {
        if (offset >= end && !(first && bytes.empty())) return false;
        first = false;
        c.set_sha256(sha256);
        c.set_total_size(bytes.size());
        c.set_offset(offset);
        const size_t n = static_cast<size_t>(std::min<uint64_t>(chunk, end - offset));
        c.set_data(bytes.substr(static_cast<size_t>(offset), n));
        offset += n;
        return true;
      },
      "test");
}

}  // namespace swivel::server::testing
