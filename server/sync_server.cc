#include "server/sync_server.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>

#include "server/hex.h"

namespace swivel::server {

namespace {

std::string WallTime() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  const std::time_t seconds = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(ms.count() % 1000));
  return std::string(text) + millis;
}

// Log fields never carry raw control characters or quotes from clients.
std::string Clean(std::string_view text) {
  std::string out;
  for (unsigned char c : text)
    out.push_back(c < 0x20 || c == 0x7f || c == '"' ? '?' : static_cast<char>(c));
  return out;
}

std::string Counts(const std::map<int, int>& by_type) {
  if (by_type.empty()) return "0";
  std::string out;
  for (const auto& [type, count] : by_type) {
    if (!out.empty()) out += ",";
    out += std::string(RecordTypeName(type)) + ":" + std::to_string(count);
  }
  return out;
}

}  // namespace

std::string DescribeSync(const SyncSummary& s) {
  if (s.reseed)
    return "reseed_needed (the request's epoch or anchor " + std::to_string(s.anchor) +
           " is not this server's)";
  return "pushed " + Counts(s.pushed_by_type) + " stored=" + std::to_string(s.stored) +
         " unchanged=" + std::to_string(s.unchanged) + " conflicts=" +
         std::to_string(s.conflicts) + " blob_missing=" + std::to_string(s.blob_missing) +
         " pulled " + Counts(s.pulled_by_type) + " bytes=" + std::to_string(s.pulled_bytes) +
         " anchor=" + std::to_string(s.anchor) + "->" + std::to_string(s.next_anchor);
}

SyncServer::SyncServer(Store& store, const std::filesystem::path& data_dir,
                       ServerOptions options)
    : store_(store),
      options_(std::move(options)),
      auth_(store, options_.pwhash, options_.throttle,
            options_.now_ms ? options_.now_ms : SteadyNowMs()),
      blobs_(store, data_dir, options_.blobs) {
  if (!options_.now_ms) options_.now_ms = SteadyNowMs();
}

Status SyncServer::Logged(std::string_view call, std::string_view peer,
                          const std::optional<Device>& device,
                          const std::function<Status(std::string& details)>& body) {
  const int64_t start = options_.now_ms();
  std::string details;
  Status status;
  try {
    status = body(details);
  } catch (const StoreError& e) {
    status = Status(Code::kInternal, "storage error");
    details += std::string(details.empty() ? "" : " ") + "(" + e.what() + ")";
  } catch (const std::exception& e) {
    status = Status(Code::kInternal, "internal error");
    details += std::string(details.empty() ? "" : " ") + "(" + e.what() + ")";
  }
  if (options_.log) {
    std::string line = WallTime() + " " + std::string(call);
    if (device)
      line += " account=" + device->account_name + " device=" + device->id + " \"" +
              Clean(device->name) + "\"";
    if (!peer.empty()) line += " peer=" + Clean(peer);
    if (!details.empty()) line += " " + Clean(details);
    line += " -> " + std::string(CodeName(status.code()));
    if (!status.ok()) line += " \"" + Clean(status.message()) + "\"";
    line += " " + std::to_string(options_.now_ms() - start) + "ms";
    options_.log(line);
  }
  return status;
}

Status SyncServer::Authenticated(std::string_view token, std::optional<Device>& device) {
  auto who = auth_.Authenticate(token);
  if (!who.ok()) return who.status();
  device = std::move(who.value());
  return {};
}

Result<sync::SignUpReply> SyncServer::SignUp(const sync::SignUpRequest& request,
                                             std::string_view peer) {
  auto status = Logged("sign_up", peer, std::nullopt, [&](std::string& details) {
    details = "account=" + request.account().substr(0, 64);
    return auth_.SignUp(request);
  });
  if (!status.ok()) return status;
  return sync::SignUpReply();
}

Result<sync::SignInReply> SyncServer::SignIn(const sync::SignInRequest& request,
                                             std::string_view peer) {
  std::optional<sync::SignInReply> reply;
  auto status = Logged("sign_in", peer, std::nullopt, [&](std::string& details) {
    details = "account=" + request.account().substr(0, 64);
    Device device;
    auto result = auth_.SignIn(request, &device);
    if (!result.ok()) return result.status();
    reply = std::move(result.value());
    details += " new device=" + device.id + " \"" + device.name + "\"";
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*reply);
}

Result<sync::SyncReply> SyncServer::Sync(std::string_view token, const sync::SyncRequest& request,
                                         std::string_view peer) {
  std::optional<sync::SyncReply> reply;
  std::optional<Device> device;
  auto status = Logged("sync", peer, device, [&](std::string& details) {
    if (auto s = Authenticated(token, device); !s.ok()) return s;
    SyncSummary summary;
    auto result = RunSync(store_, device->account, device->id, request, options_.sync, &summary);
    if (!result.ok()) return result.status();
    details = DescribeSync(summary) + " in=" + std::to_string(request.ByteSizeLong()) +
              " out=" + std::to_string(result->ByteSizeLong());
    reply = std::move(result.value());
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*reply);
}

Result<sync::BlobState> SyncServer::UploadBlob(std::string_view token,
                                               const std::function<bool(sync::BlobChunk&)>& next,
                                               std::string_view peer) {
  std::optional<sync::BlobState> state;
  std::optional<Device> device;
  auto status = Logged("upload_blob", peer, device, [&](std::string& details) {
    if (auto s = Authenticated(token, device); !s.ok()) return s;
    std::string sha256;
    uint64_t received = 0;
    auto result = blobs_.Upload(
        device->account,
        [&](sync::BlobChunk& chunk) {
          if (!next(chunk)) return false;
          if (sha256.empty()) sha256 = chunk.sha256();
          return true;
        },
        &received);
    details = "blob=" + Hex(sha256) + " received=" + std::to_string(received);
    if (!result.ok()) return result.status();
    details += " have=" + std::to_string(result->have_bytes()) +
               (result->complete() ? " complete" : "");
    state = std::move(result.value());
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*state);
}

Result<sync::BlobState> SyncServer::BlobStatus(std::string_view token,
                                               const sync::BlobQuery& query,
                                               std::string_view peer) {
  std::optional<sync::BlobState> state;
  std::optional<Device> device;
  auto status = Logged("blob_status", peer, device, [&](std::string& details) {
    if (auto s = Authenticated(token, device); !s.ok()) return s;
    details = "blob=" + Hex(query.sha256());
    auto result = blobs_.State(device->account, query);
    if (!result.ok()) return result.status();
    details += " have=" + std::to_string(result->have_bytes()) +
               (result->complete() ? " complete" : "");
    state = std::move(result.value());
    return Status();
  });
  if (!status.ok()) return status;
  return std::move(*state);
}

Status SyncServer::DownloadBlob(std::string_view token, const sync::BlobQuery& query,
                                size_t chunk_bytes,
                                const std::function<bool(const sync::BlobChunk&)>& write,
                                std::string_view peer) {
  std::optional<Device> device;
  return Logged("download_blob", peer, device, [&](std::string& details) {
    if (auto s = Authenticated(token, device); !s.ok()) return s;
    uint64_t sent = 0;
    auto status = blobs_.Download(device->account, query, chunk_bytes, write, &sent);
    details = "blob=" + Hex(query.sha256()) + " offset=" + std::to_string(query.offset()) +
              " sent=" + std::to_string(sent);
    return status;
  });
}

}  // namespace swivel::server
