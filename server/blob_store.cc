#include "server/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "server/crypto.h"
#include "server/hex.h"

namespace swivel::server {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void IoFail(const std::string& what, const fs::path& path) {
  throw StoreError(what + " " + path.string() + ": " + std::strerror(errno));
}

// Closes a file descriptor when it goes away.
class Fd {
 public:
  Fd(const fs::path& path, int flags) : fd_(::open(path.c_str(), flags | O_CLOEXEC, 0644)) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

uint64_t FileSize(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

void WriteAt(const fs::path& path, uint64_t offset, std::string_view data) {
  Fd fd(path, O_WRONLY | O_CREAT);
  if (!fd.ok()) IoFail("cannot open", path);
  while (!data.empty()) {
    const ssize_t n = ::pwrite(fd.get(), data.data(), data.size(), static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      IoFail("cannot write", path);
    }
    data.remove_prefix(static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
}

void Fsync(const fs::path& path, bool directory) {
  Fd fd(path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (!fd.ok() || ::fsync(fd.get()) != 0) IoFail("cannot sync", path);
}

std::string HashFile(const fs::path& path) {
  Sha256 hash;
  Fd fd(path, O_RDONLY);
  if (!fd.ok()) {
    if (errno == ENOENT) return hash.Finish();  // no bytes yet
    IoFail("cannot open", path);
  }
  std::string buffer(1 << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      IoFail("cannot read", path);
    }
    if (n == 0) break;
    hash.Update(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  return hash.Finish();
}

}  // namespace

BlobStore::BlobStore(Store& store, fs::path data_dir, BlobLimits limits)
    : store_(store), dir_(std::move(data_dir) / "blobs"), limits_(limits) {
  std::error_code ec;
  fs::create_directories(dir_ / "partial", ec);
  if (ec) throw StoreError("cannot create " + (dir_ / "partial").string() + ": " + ec.message());
}

fs::path BlobStore::BlobPath(std::string_view sha256) const { return dir_ / Hex(sha256); }

fs::path BlobStore::PartPath(AccountId account, std::string_view sha256) const {
  return dir_ / "partial" / (std::to_string(account) + "-" + Hex(sha256) + ".part");
}

Result<sync::BlobState> BlobStore::Upload(AccountId account,
                                          const std::function<bool(sync::BlobChunk&)>& next,
                                          uint64_t* received) {
  sync::BlobState state;
  sync::BlobChunk chunk;
  std::string sha256;
  uint64_t total = 0, fresh = 0;
  bool first = true;
  Status status;
  while (status.ok() && next(chunk)) {
    const std::string where = "chunk at offset " + std::to_string(chunk.offset());
    if (first) {
      sha256 = chunk.sha256();
      total = chunk.total_size();
      if (sha256.size() != 32) status = Invalid(where + ": sha256 must be 32 bytes");
      else if (total > limits_.max_blob_bytes)
        status = Invalid(where + ": a blob may be at most " +
                         std::to_string(limits_.max_blob_bytes) + " bytes");
      first = false;
    } else if (chunk.sha256() != sha256 || chunk.total_size() != total) {
      status = Invalid(where + ": every chunk of one upload names the same blob and size");
    }
    if (!status.ok()) break;
    if (chunk.data().size() > limits_.max_chunk_bytes)
      status = Invalid(where + ": data is over " + std::to_string(limits_.max_chunk_bytes) +
                       " bytes");
    else if (chunk.offset() > total || chunk.data().size() > total - chunk.offset())
      status = Invalid(where + ": bytes beyond total_size " + std::to_string(total));
    else
      status = Append(account, chunk, state, fresh);
  }
  if (received) *received = fresh;
  if (!status.ok()) return status;
  if (first) return Invalid("an upload needs at least one chunk");
  return state;
}

Status BlobStore::Append(AccountId account, const sync::BlobChunk& chunk,
                         sync::BlobState& state, uint64_t& received) {
  std::lock_guard lock(mutex_);
  const std::string& sha256 = chunk.sha256();
  const uint64_t total = chunk.total_size();
  auto entry = store_.GetBlob(account, sha256);
  if (entry && entry->complete) {
    if (entry->size != total) return Invalid("total_size is not the stored blob's size");
    state.set_have_bytes(total);
    state.set_complete(true);
    return {};
  }
  const fs::path part = PartPath(account, sha256);
  if (!entry || entry->size != total) {
    if (entry && chunk.offset() != 0)
      return Invalid("total_size differs from the upload in progress (" +
                     std::to_string(entry->size) + " bytes): start again at offset 0");
    std::error_code ec;
    fs::remove(part, ec);
    store_.PutBlob(account, sha256, BlobEntry{total, false});
  }
  uint64_t have = FileSize(part);
  if (have > total) {
    fs::remove(part);
    have = 0;
  }
  if (chunk.offset() > have)
    return Status(Code::kFailedPrecondition, "the upload of " + Hex(sha256) +
                                                 " resumes at offset " + std::to_string(have));
  const uint64_t end = chunk.offset() + chunk.data().size();
  if (end > have) {
    WriteAt(part, have, std::string_view(chunk.data()).substr(have - chunk.offset()));
    received += end - have;
    have = end;
  }
  state.set_have_bytes(have);
  state.set_complete(false);
  if (have == total) {
    if (auto status = Finish(account, sha256, total); !status.ok()) {
      state.set_have_bytes(0);
      return status;
    }
    state.set_complete(true);
  }
  return {};
}

Status BlobStore::Finish(AccountId account, const std::string& sha256, uint64_t size) {
  const fs::path part = PartPath(account, sha256);
  const std::string actual = HashFile(part);
  if (actual != sha256) {
    std::error_code ec;
    fs::remove(part, ec);
    return Invalid("the bytes' SHA-256 is " + Hex(actual) + ", not the blob's name " +
                   Hex(sha256) + ": upload discarded, send it again from offset 0");
  }
  if (!fs::exists(part)) WriteAt(part, 0, {});  // an empty blob
  Fsync(part, false);
  const fs::path final_path = BlobPath(sha256);
  if (fs::exists(final_path)) {
    fs::remove(part);  // the same bytes, uploaded before (by this or another account)
  } else {
    fs::rename(part, final_path);
    Fsync(dir_, true);
  }
  store_.PutBlob(account, sha256, BlobEntry{size, true});
  return {};
}

Result<sync::BlobState> BlobStore::State(AccountId account, const sync::BlobQuery& query) {
  if (query.sha256().size() != 32) return Invalid("sha256 must be 32 bytes");
  std::lock_guard lock(mutex_);
  sync::BlobState state;
  auto entry = store_.GetBlob(account, query.sha256());
  if (!entry) return state;
  if (entry->complete) {
    state.set_have_bytes(entry->size);
    state.set_complete(true);
  } else {
    state.set_have_bytes(std::min(entry->size, FileSize(PartPath(account, query.sha256()))));
  }
  return state;
}

Status BlobStore::Download(AccountId account, const sync::BlobQuery& query, size_t chunk_bytes,
                           const std::function<bool(const sync::BlobChunk&)>& write,
                           uint64_t* sent) {
  if (sent) *sent = 0;
  if (query.sha256().size() != 32) return Invalid("sha256 must be 32 bytes");
  auto entry = store_.GetBlob(account, query.sha256());
  if (!entry || !entry->complete)
    return Status(Code::kNotFound, "no blob " + Hex(query.sha256()) + " in this account");
  if (query.offset() > entry->size)
    return Status(Code::kOutOfRange, "offset " + std::to_string(query.offset()) +
                                         " is beyond the blob's " +
                                         std::to_string(entry->size) + " bytes");
  const fs::path path = BlobPath(query.sha256());
  Fd fd(path, O_RDONLY);
  if (!fd.ok()) IoFail("cannot open", path);
  uint64_t remaining = entry->size - query.offset();
  if (query.max_bytes() > 0) remaining = std::min<uint64_t>(remaining, query.max_bytes());
  const size_t step = std::min(chunk_bytes ? chunk_bytes : limits_.max_chunk_bytes,
                               limits_.max_chunk_bytes);
  uint64_t offset = query.offset();
  sync::BlobChunk chunk;
  chunk.set_sha256(query.sha256());
  chunk.set_total_size(entry->size);
  do {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(remaining, step));
    std::string* data = chunk.mutable_data();
    data->resize(want);
    size_t got = 0;
    while (got < want) {
      const ssize_t n = ::pread(fd.get(), data->data() + got, want - got,
                                static_cast<off_t>(offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) IoFail("cannot read", path);
      got += static_cast<size_t>(n);
    }
    chunk.set_offset(offset);
    if (!write(chunk)) break;
    offset += want;
    remaining -= want;
    if (sent) *sent += want;
  } while (remaining > 0);
  return {};
}

}  // namespace swivel::server
