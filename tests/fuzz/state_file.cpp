// Fuzz target: the state file reader. The input is a state file's bytes: decrypted first when
// they are an encrypted envelope (tests/fuzz/fuzz_codec.h's key), then parsed as state JSON.
// Errors are values; the result is discarded.
#include <string_view>

#include "core/state/state_file.h"
#include "fuzz_codec.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto plaintext = plinth::fuzz::fuzz_codec().decode(bytes, "fuzz.state.json");
    if (plaintext) plinth::parse_state(*plaintext, "fuzz.state.json");
    return 0;
}
