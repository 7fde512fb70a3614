#pragma once
// CRC-32C (Castagnoli), the checksum used on flash: it catches every burst error up to 32
// bits and has better Hamming distance than CRC-32 at the entry sizes we write.
#include <cstdint>
#include <span>

namespace swivel {

// Extends `crc` (the value returned by an earlier call, or 0 to start) over `data`.
uint32_t Crc32c(std::span<const uint8_t> data, uint32_t crc = 0);

}  // namespace swivel
