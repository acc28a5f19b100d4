// SHA-256 (FIPS 180-4), to name the exact input a report was computed from.
#pragma once

#include <string>
#include <string_view>

namespace essnet::report {

/// The SHA-256 digest of `bytes`, as 64 lowercase hexadecimal digits (what `sha256sum` prints).
std::string sha256_hex(std::string_view bytes);

}  // namespace essnet::report
