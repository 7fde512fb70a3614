// swivel-syncd: the sync service (gRPC), and online backup / restore of its data.
#include <grpcpp/grpcpp.h>
#include <grpcpp/security/server_credentials.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "server/backup.h"
#include "server/data_dir.h"
#include "server/hex.h"
#include "server/service.h"
#include "server/sqlite_store.h"
#include "server/sync_server.h"

namespace {

namespace fs = std::filesystem;
using namespace swivel::server;

constexpr const char* kDefaultListen = "127.0.0.1:7410";

constexpr const char* kUsage = R"(usage: swivel-syncd [--data DIR] [--listen ADDR] [--tls-cert FILE --tls-key FILE]
       swivel-syncd backup DEST [--data DIR]
       swivel-syncd restore SRC [--data DIR]

The Swivel sync service: accounts, devices, record sync and photo blobs over gRPC
(proto/sync.proto), stored in SQLite under DIR.

Without a command it serves until SIGTERM or SIGINT, printing one line when ready:
  swivel-syncd: listening on ADDR (epoch HEX, data DIR)
and one log line per call on standard error.

commands:
  backup DEST   copy DIR's data to DEST (a new or empty directory) while the server runs:
                one consistent snapshot of the database, plus every complete blob it names
  restore SRC   replace DIR's data with the backup in SRC under a new epoch (devices
                re-seed); the server must be stopped (restore refuses while it runs)

options:
  --data DIR        the data directory (default: $XDG_DATA_HOME/swivel/syncd, or
                    ~/.local/share/swivel/syncd); created when missing
  --listen ADDR     host:port to serve on (default 127.0.0.1:7410; port 0 picks a free
                    port, printed in the ready line)
  --tls-cert FILE   PEM certificate chain, with --tls-key: serve TLS. Without TLS only a
  --tls-key FILE    loopback address (127.x.x.x, localhost, [::1]) may be used
  -h, --help        show this help

exit status: 0 on success (or after a clean shutdown), 1 when the data or the address
cannot be used, 2 on a usage error.
)";

int g_signal_pipe[2] = {-1, -1};

void OnSignal(int number) {
  const int saved = errno;
  const unsigned char byte = static_cast<unsigned char>(number);
  [[maybe_unused]] auto written = ::write(g_signal_pipe[1], &byte, 1);
  errno = saved;
}

int UsageError(const std::string& message) {
  std::cerr << "swivel-syncd: " << message << "\n(see swivel-syncd --help)\n";
  return 2;
}

int Error(const std::string& message) {
  std::cerr << "swivel-syncd: error: " << message << "\n";
  return 1;
}

fs::path DefaultDataDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return fs::path(xdg) / "swivel" / "syncd";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "share" / "swivel" / "syncd";
  return fs::path("swivel-syncd-data");
}

// The host part of host:port ([v6]:port keeps its brackets off).
std::string HostOf(const std::string& address) {
  const auto colon = address.rfind(':');
  std::string host = colon == std::string::npos ? address : address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return host;
}

bool IsLoopback(const std::string& address) {
  if (address.starts_with("unix:")) return true;
  const std::string host = HostOf(address);
  return host == "localhost" || host.starts_with("127.") || host == "::1";
}

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

struct Options {
  fs::path data = DefaultDataDir();
  std::string listen = kDefaultListen;
  std::string tls_cert, tls_key;
  std::vector<std::string> positional;
};

// Parses flags wherever they are; returns a usage message on error.
std::string Parse(const std::vector<std::string>& args, Options& options) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* field = nullptr;
    std::string data;
    if (a == "--data") field = &data;
    else if (a == "--listen") field = &options.listen;
    else if (a == "--tls-cert") field = &options.tls_cert;
    else if (a == "--tls-key") field = &options.tls_key;
    if (field) {
      if (i + 1 >= args.size() || args[i + 1].empty()) return a + " needs a value";
      *field = args[++i];
      if (a == "--data") options.data = data;
    } else if (a.starts_with("-")) {
      return "unknown option " + a;
    } else {
      options.positional.push_back(a);
    }
  }
  return {};
}

void PrintSummary(const DataSummary& s) {
  std::cout << "epoch " << Hex(s.epoch) << ": " << s.accounts << " accounts, " << s.devices
            << " devices, " << s.records << " records, " << s.blobs << " blobs ("
            << s.blob_bytes << " bytes)\n";
}

int Serve(const Options& options) {
  const bool tls = !options.tls_cert.empty() || !options.tls_key.empty();
  if (tls && (options.tls_cert.empty() || options.tls_key.empty()))
    return UsageError("--tls-cert and --tls-key go together");
  if (!tls && !IsLoopback(options.listen))
    return UsageError("plaintext is allowed on loopback only: give --tls-cert and --tls-key to "
                      "listen on " + options.listen);
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (tls) {
    grpc::SslServerCredentialsOptions ssl;
    grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
    if (!ReadFile(options.tls_key, pair.private_key))
      return Error("cannot read --tls-key " + options.tls_key);
    if (!ReadFile(options.tls_cert, pair.cert_chain))
      return Error("cannot read --tls-cert " + options.tls_cert);
    ssl.pem_key_cert_pairs.push_back(pair);
    credentials = grpc::SslServerCredentials(ssl);
  }

  // SIGTERM and SIGINT may land on any thread (gRPC starts some before main): the handler
  // only writes the signal's number to a pipe, which this thread waits on.
  if (::pipe2(g_signal_pipe, O_CLOEXEC) != 0) return Error("cannot make a pipe");
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);

  auto lock = DataDirLock::TryLock(options.data);
  if (!lock) return Error("another swivel-syncd is serving " + options.data.string());
  auto store = SqliteStore::Open(options.data);

  std::mutex log_mutex;
  ServerOptions server_options;
  server_options.log = [&](std::string_view line) {
    std::lock_guard guard(log_mutex);
    std::cerr << line << "\n";
  };
  SyncServer server(*store, options.data, server_options);
  SyncService service(server);

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, credentials, &port);
  ApplyLimits(builder, server_options);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> grpc_server = builder.BuildAndStart();
  if (!grpc_server || (port == 0 && !options.listen.starts_with("unix:")))
    return Error("cannot listen on " + options.listen);

  std::string address = options.listen;
  if (!address.starts_with("unix:")) address = address.substr(0, address.rfind(':') + 1) + std::to_string(port);
  std::cout << "swivel-syncd: listening on " << address << " (epoch " << Hex(store->Epoch())
            << ", data " << options.data.string() << ")" << std::endl;

  unsigned char signal_number = 0;
  while (::read(g_signal_pipe[0], &signal_number, 1) < 0 && errno == EINTR) {
  }
  std::cerr << "swivel-syncd: " << (signal_number == SIGTERM ? "SIGTERM" : "SIGINT")
            << ": stopping\n";
  // Calls in flight get a moment to finish; then they are cancelled.
  grpc_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc_server->Wait();
  grpc_server.reset();
  std::cerr << "swivel-syncd: stopped\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (const auto& a : args)
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
  Options options;
  if (auto message = Parse(args, options); !message.empty()) return UsageError(message);
  try {
    if (options.positional.empty()) return Serve(options);
    const std::string& command = options.positional[0];
    if (command == "backup" || command == "restore") {
      if (options.positional.size() != 2) return UsageError(command + " takes one directory");
      if (!options.listen.empty() && options.listen != kDefaultListen)
        return UsageError("--listen is for serving, not " + command);
      const fs::path dir = options.positional[1];
      if (command == "backup") {
        auto summary = Backup(options.data, dir);
        std::cout << "backed up " << options.data.string() << " to " << dir.string() << ": ";
        PrintSummary(summary);
      } else {
        auto summary = Restore(dir, options.data);
        std::cout << "restored " << dir.string() << " into " << options.data.string()
                  << " with a new ";
        PrintSummary(summary);
      }
      return 0;
    }
    return UsageError("unknown command " + command);
  } catch (const std::exception& e) {
    return Error(e.what());
  }
}
