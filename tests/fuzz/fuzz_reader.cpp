// libFuzzer target for one reader, chosen at compile time by ESSNET_FUZZ_<FORMAT>. Malformed input
// must end in essnet::ParseError: any other exception, a crash or a sanitizer report is a failure.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/io/csv.hpp"
#include "essnet/io/dl.hpp"
#include "essnet/io/gexf.hpp"
#include "essnet/io/graphml.hpp"
#include "essnet/io/json.hpp"
#include "essnet/io/pajek.hpp"
#include "essnet/io/snapshot.hpp"

namespace essnet::detail {
std::uint64_t xxh64(std::string_view bytes);  // src/io/snapshot.cpp
}

namespace {

void read(std::string_view text) {
#if defined(ESSNET_FUZZ_GRAPHML)
    (void)essnet::parse_graphml(text, "fuzz");
#elif defined(ESSNET_FUZZ_GEXF)
    (void)essnet::parse_gexf(text, "fuzz");
#elif defined(ESSNET_FUZZ_PAJEK)
    (void)essnet::parse_pajek(text, "fuzz");
#elif defined(ESSNET_FUZZ_DL)
    (void)essnet::parse_dl(text, "fuzz");
#elif defined(ESSNET_FUZZ_JSON)
    (void)essnet::parse_json(text, "fuzz");
#elif defined(ESSNET_FUZZ_CSV)
    // The actor table, a NUL byte, the tie table.
    const auto split = text.find('\0');
    const std::string_view actors = text.substr(0, split);
    const std::string_view ties = split == std::string_view::npos ? std::string_view{} : text.substr(split + 1);
    (void)essnet::parse_csv(actors, "actors", ties, "ties");
#elif defined(ESSNET_FUZZ_SNAPSHOT)
    // Random bytes rarely pass the checksum; set a right size and checksum so that the fuzzer also
    // reaches the structural checks behind it.
    std::string bytes(text);
    if (bytes.size() >= 32 && std::memcmp(bytes.data(), "ESSNETSN", 8) == 0) {
        const std::uint64_t size = bytes.size() - 32;
        const std::uint64_t checksum = essnet::detail::xxh64(std::string_view(bytes).substr(32));
        std::memcpy(bytes.data() + 16, &size, 8);
        std::memcpy(bytes.data() + 24, &checksum, 8);
    }
    (void)essnet::decode_snapshot(bytes, "fuzz");
#else
#error "define ESSNET_FUZZ_<FORMAT>"
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        read(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const essnet::ParseError&) {
    }
    return 0;
}
