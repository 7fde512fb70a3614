#pragma once
// SHA-256 on the handset: the name of a photo's bytes (Photo.sha256), here and on the server.
// A thin wrapper over libsodium's crypto_hash_sha256 (a Debian package the server already
// uses), kept out of this header so its includers need not see libsodium.
#include <memory>
#include <string>
#include <string_view>

struct crypto_hash_sha256_state;

namespace swivel::os::pim {

inline constexpr size_t kSha256Size = 32;

// SHA-256 over bytes given in pieces (a blob read part by part).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  std::string Finish();  // 32 bytes; the object is then spent

 private:
  std::unique_ptr<crypto_hash_sha256_state> state_;
};

std::string Sha256Of(std::string_view bytes);

}  // namespace swivel::os::pim
