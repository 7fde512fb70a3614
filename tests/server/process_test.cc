// swivel-syncd as a real process: serve on a free port, sign up, sign in and sync over a
// real gRPC channel (directly and through the radio bridge), stop on SIGTERM; backup and
// restore from the command line.
#include <fcntl.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "proto/sync.grpc.pb.h"
#include "server/data_dir.h"
#include "server/hex.h"
#include "server/radio_bridge.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

namespace fs = std::filesystem;

// A running swivel-syncd whose stdout is a pipe to us and whose stderr goes to a file.
class Syncd {
 public:
  Syncd(const fs::path& data, const fs::path& log, std::vector<std::string> extra = {}) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    std::vector<std::string> args = {SWIVEL_SYNCD_BIN, "--data", data.string(), "--listen",
                                     "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::dup2(err, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    ::close(err);
    out_ = out[0];
  }
  ~Syncd() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
  }

  // The next line of standard output; empty when none comes within the timeout.
  std::string ReadLine(int timeout_ms = 60000) {
    std::string line;
    char c;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) return {};
      if (::read(out_, &c, 1) != 1) return line;
      if (c == '\n') return line;
      line.push_back(c);
    }
  }

  // Sends SIGTERM and returns the exit status (or -signal).
  int Stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs swivel-syncd with `args`; returns its exit code and output (stdout and stderr).
std::pair<int, std::string> RunSyncd(const std::string& args) {
  std::string output;
  FILE* pipe = ::popen((std::string(SWIVEL_SYNCD_BIN) + " " + args + " 2>&1").c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

// The address in the ready line "swivel-syncd: listening on ADDR (epoch ...".
std::string AddressIn(const std::string& ready) {
  const std::string prefix = "swivel-syncd: listening on ";
  if (ready.rfind(prefix, 0) != 0 || ready.find(" (epoch") == std::string::npos) return {};
  return ready.substr(prefix.size(), ready.find(" (epoch") - prefix.size());
}

TEST(SyncdProcess, ServesSignUpSignInAndSyncThenStopsOnSigterm) {
  TempDir dir;
  Syncd syncd(dir.path() / "data", dir.path() / "log");
  const std::string ready = syncd.ReadLine();
  ASSERT_EQ(ready.rfind("swivel-syncd: listening on 127.0.0.1:", 0), 0u) << ready;
  EXPECT_NE(ready.find("(epoch "), std::string::npos);
  EXPECT_NE(ready.find("data " + (dir.path() / "data").string() + ")"), std::string::npos);
  const std::string address = AddressIn(ready);
  {
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    auto stub = sync::Sync::NewStub(channel);
    grpc::ClientContext up_context;
    sync::SignUpRequest up;
    up.set_account("anna");
    up.set_password("correct horse");
    sync::SignUpReply up_reply;
    auto status = stub->SignUp(&up_context, up, &up_reply);
    ASSERT_TRUE(status.ok()) << status.error_message();

    // The rest through the radio bridge, as the emulator's host side would.
    GrpcRadioBridge bridge(channel);
    sync::RadioRequest in;
    in.mutable_sign_in()->set_account("anna");
    in.mutable_sign_in()->set_password("correct horse");
    in.mutable_sign_in()->set_device_name("process phone");
    auto signed_in = bridge.Call(in);
    ASSERT_EQ(signed_in.code(), 0) << signed_in.message();
    sync::RadioRequest sync_call;
    sync_call.set_token(signed_in.sign_in().token());
    *sync_call.mutable_sync()->add_push() = Contact(Id(1), "Bo");
    sync::RadioReply synced;
    ASSERT_TRUE(synced.ParseFromString(bridge.Handle(sync_call.SerializeAsString())));
    ASSERT_EQ(synced.code(), 0) << synced.message();
    EXPECT_EQ(synced.sync().pushed(0).outcome(), sync::PushResult::OUTCOME_STORED);
    sync_call.set_token(std::string(64, '0'));
    EXPECT_EQ(bridge.Call(sync_call).code(), static_cast<int>(grpc::StatusCode::UNAUTHENTICATED));
  }
  EXPECT_EQ(syncd.Stop(), 0);
  const std::string log = ReadFile(dir.path() / "log");
  EXPECT_NE(log.find("sign_up"), std::string::npos) << log;
  EXPECT_NE(log.find("sync account=anna"), std::string::npos) << log;
  EXPECT_NE(log.find("\"process phone\""), std::string::npos) << log;
  EXPECT_NE(log.find("pushed contact:1 stored=1"), std::string::npos) << log;
  EXPECT_NE(log.find("SIGTERM"), std::string::npos) << log;

  // A second server on the same data directory while the first runs is refused.
  Syncd first(dir.path() / "data", dir.path() / "log1");
  ASSERT_FALSE(first.ReadLine().empty());
  auto [rc, out] = RunSyncd("--data " + (dir.path() / "data").string() + " --listen 127.0.0.1:0");
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("another swivel-syncd is serving"), std::string::npos) << out;
  EXPECT_EQ(first.Stop(), 0);
}

TEST(SyncdProcess, ServesTls) {
  TempDir dir;
  const fs::path key = dir.path() / "key.pem", cert = dir.path() / "cert.pem";
  const std::string make_cert =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost -keyout " + key.string() + " -out " +
      cert.string() + " >/dev/null 2>&1";
  if (std::system(make_cert.c_str()) != 0)
    GTEST_SKIP() << "no openssl command to make a test certificate with";
  Syncd syncd(dir.path() / "data", dir.path() / "log",
              {"--tls-cert", cert.string(), "--tls-key", key.string()});
  const std::string address = AddressIn(syncd.ReadLine());
  ASSERT_FALSE(address.empty());
  auto call = [&](std::shared_ptr<grpc::ChannelCredentials> credentials) {
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride("localhost");
    auto stub = sync::Sync::NewStub(grpc::CreateCustomChannel(address, credentials, args));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    sync::SignUpRequest up;
    up.set_account("anna");
    up.set_password("correct horse");
    sync::SignUpReply reply;
    return stub->SignUp(&context, up, &reply);
  };
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = ReadFile(cert);
  auto status = call(grpc::SslCredentials(tls));
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(call(grpc::InsecureChannelCredentials()).ok()) << "plaintext to a TLS server";
  EXPECT_EQ(syncd.Stop(), 0);
}

TEST(SyncdProcess, BackupAndRestoreCommands) {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  std::string epoch;
  {
    ServerHarness h;
    auto s = h.SignIn("anna");
    ASSERT_TRUE(h.Sync(s, {Contact(Id(1), "Bo"), Contact(Id(2), "Cy")}).ok());
    epoch = h.store().Epoch();
    fs::copy(h.dir(), data, fs::copy_options::recursive);
  }
  auto [rc, out] = RunSyncd("backup " + (dir.path() / "backup").string() + " --data " + data.string());
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("epoch " + Hex(epoch) + ": 1 accounts, 1 devices, 2 records"),
            std::string::npos)
      << out;
  std::tie(rc, out) = RunSyncd("backup " + (dir.path() / "backup").string() + " --data " + data.string());
  EXPECT_EQ(rc, 1) << "a backup must not overwrite another";
  EXPECT_NE(out.find("not an empty directory"), std::string::npos) << out;

  {
    auto lock = DataDirLock::TryLock(data);  // as a running server would hold it
    ASSERT_TRUE(lock);
    std::tie(rc, out) = RunSyncd("restore " + (dir.path() / "backup").string() + " --data " + data.string());
    EXPECT_EQ(rc, 1) << out;
    EXPECT_NE(out.find("stop it first"), std::string::npos) << out;
  }
  std::tie(rc, out) = RunSyncd("restore " + (dir.path() / "backup").string() + " --data " + data.string());
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("with a new epoch"), std::string::npos) << out;
  EXPECT_EQ(out.find(Hex(epoch)), std::string::npos) << "the epoch must change: " << out;
  EXPECT_NE(out.find("2 records"), std::string::npos) << out;

  std::tie(rc, out) = RunSyncd("restore " + dir.path().string() + " --data " + data.string());
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("no backup in"), std::string::npos) << out;
}

}  // namespace
}  // namespace swivel::server::testing
