#pragma once
// A program the e2e tests run as a real process: its standard input and output are pipes
// to the test, its standard error goes to a log file (which failures quote).
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace swivel::e2e {

class ChildProcess {
 public:
  ChildProcess(std::vector<std::string> argv, std::filesystem::path log);
  ~ChildProcess();  // kills it if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void WriteLine(const std::string& line);
  // The next line of its standard output; nothing when it closed or none came in time.
  std::optional<std::string> ReadLine(int timeout_ms = 120000);
  // SIGKILL (a crash, a pulled plug) or SIGTERM; returns the exit status, or -signal.
  int Kill();
  int Terminate();
  // Closes its standard input and waits for it to exit by itself; its exit status.
  int Join();
  std::string Log() const;

 private:
  int Wait();

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string buffered_;
  std::filesystem::path log_;
};

}  // namespace swivel::e2e
