#include "os/pim/sha256.h"

#include <sodium.h>

namespace swivel::os::pim {

Sha256::Sha256() : state_(std::make_unique<crypto_hash_sha256_state>()) {
  // libsodium asks for sodium_init() before any use. It only picks CPU-specific code paths
  // (idempotent, and none of them for SHA-256), so its result cannot change a hash.
  [[maybe_unused]] const int ready = sodium_init();
  crypto_hash_sha256_init(state_.get());
}

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  crypto_hash_sha256_update(state_.get(), reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

std::string Sha256::Finish() {
  std::string digest(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256_final(state_.get(), reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

std::string Sha256Of(std::string_view bytes) {
  Sha256 hash;
  hash.Update(bytes);
  return hash.Finish();
}

}  // namespace swivel::os::pim
