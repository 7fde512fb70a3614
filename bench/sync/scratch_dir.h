#pragma once
// A fresh directory under the host's temporary directory ($TMPDIR, else /tmp), removed with
// everything in it when the object goes. The bench server keeps its data here, so its
// fsyncs hit whatever disk $TMPDIR is on.
#include <filesystem>
#include <string>

namespace swivel::bench {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace swivel::bench
