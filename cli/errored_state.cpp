#include "cli/errored_state.h"

#include <fmt/format.h>

#include "core/state/atomic_file.h"
#include "core/state/state_file.h"

namespace plinth::cli {

Diagnostic save_errored_state(const std::filesystem::path& stack_dir, const State& state, const StateCodec& codec) {
    std::string json = codec.encode(serialize_state(state));
    auto path = stack_dir / k_errored_state_file;
    if (auto saved = write_file_atomically(path, json); !saved)
        return make_error("failed to save the state anywhere",
                          fmt::format("The backend refused the new state and {} could not be written ({}). Here it "
                                      "is; save it to a file and run `plinth state push FILE`:\n{}",
                                      path.string(), saved.error(), json));
    return make_error(fmt::format("the new state was saved to {}", k_errored_state_file),
                      fmt::format("The backend still holds the previous state (serial {}). Once the backend works "
                                  "again, run `plinth state push {}` to store the new one, then delete the file.",
                                  state.serial - 1, k_errored_state_file));
}

}  // namespace plinth::cli
