#pragma once
// The libsodium pieces the server uses: random bytes, SHA-256 (blob names) and BLAKE2b
// (token hashes). Every function initializes libsodium on first use.
#include <sodium.h>

#include <string>
#include <string_view>

namespace swivel::server {

// Initializes libsodium once; throws std::runtime_error if it cannot.
void EnsureSodium();

std::string RandomBytes(size_t count);

// SHA-256 over bytes given in pieces.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  std::string Finish();  // 32 bytes

 private:
  crypto_hash_sha256_state state_;
};

std::string Sha256Of(std::string_view bytes);

// BLAKE2b-256 of a token: what the store keeps instead of the token.
std::string TokenHash(std::string_view token);

}  // namespace swivel::server
