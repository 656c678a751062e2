// Fuzz target: the stack loader. The input is one stack file's YAML, loaded in memory (the path
// load_stack() reads files through) as a root stack: parsing, every declaration's checks,
// expressions and references. Errors are values; the result is discarded.
#include <string>

#include "core/stack/loader.h"
#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string content(reinterpret_cast<const char*>(data), size);
    // A directory that does not exist: nothing the loader resolves against it can be read.
    plinth::load_stack_from_files("/nonexistent/plinth-fuzz", {{"main.yaml", std::move(content)}});
    return 0;
}
