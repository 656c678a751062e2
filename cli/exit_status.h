// cli/exit_status.h: the process exit codes, decided in one place.
#pragma once

namespace plinth::cli {

enum class ExitStatus : int {
    Ok = 0,
    Error = 1,
    ChangesPresent = 2,  // plan --detailed-exitcode only
    Unformatted = 3,     // fmt --check only: some files are not in the canonical layout
    Interrupted = 130,
};

inline int to_int(ExitStatus status) { return static_cast<int>(status); }

}  // namespace plinth::cli
