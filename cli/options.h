// cli/options.h: the option structs CLI11 fills: global options, and the groups stack commands
// share (variables, state locking, planning).
#pragma once

#include <chrono>
#include <cstddef>
#include <expected>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/variables.h"

namespace CLI {
class App;
}

namespace plinth::cli {

struct GlobalOptions {
    std::string chdir;  // run as if started in this directory
    bool no_color = false;
    std::string workspace;  // overrides the selected workspace
};

struct VariableOptions {
    std::vector<std::string> vars;       // --var name=value
    std::vector<std::string> var_files;  // --var-file f.yaml
    bool input = true;                   // --input=false: never prompt
};

// What core resolves variables from (core/stack/variables.h): PLINTH_VAR_* in this process's
// environment, then the --var-file files, then the --var flags. Nobody is asked.
VariableInputs variable_inputs(const VariableOptions& options);

struct LockOptions {
    std::string lock_timeout = "0s";
};

struct PlanningOptions {
    bool refresh = true;
    std::vector<std::string> targets;  // --target ADDRESS, repeatable
    std::vector<std::string> excludes;  // --exclude ADDRESS, repeatable
    std::vector<std::string> replace;  // --replace ADDRESS, repeatable
    bool refresh_only = false;         // only bring state up to date with what refresh finds
    std::size_t parallelism = 10;
    bool json = false;  // --json: machine-readable events instead of human text
    std::string policy_dir;  // --policy-dir: more policies, from the YAML files there
};

void add_variable_options(CLI::App& command, VariableOptions& options);
void add_lock_options(CLI::App& command, LockOptions& options);
// --lock-timeout as a duration; the error names the option.
std::expected<std::chrono::milliseconds, Diagnostic> parse_lock_timeout(const LockOptions& options);
void add_planning_options(CLI::App& command, PlanningOptions& options);
// --json: one JSON event per line instead of human text (docs/json-output.md).
void add_json_option(CLI::App& command, bool& json);

}  // namespace plinth::cli
