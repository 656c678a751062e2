// Fuzz target: the saved plan reader (`plinth apply PLANFILE`). The input is a plan file's bytes,
// decrypted first when they are an encrypted envelope (tests/fuzz/fuzz_codec.h's key), then
// decoded as a plan. Errors are values; the result is discarded.
#include <string_view>

#include "fuzz_codec.h"
#include "fuzz_target.h"
#include "plans/plan_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    plinth::plans::decode_plan(bytes, "fuzz.plan", plinth::fuzz::fuzz_codec());
    return 0;
}
