#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/duration.h"

extern char** environ;

namespace plinth::cli {

VariableInputs variable_inputs(const VariableOptions& options) {
    VariableInputs inputs;
    inputs.environment = variables_from_environment(environ);
    for (const auto& file : options.var_files) inputs.var_files.emplace_back(file);
    inputs.assignments = options.vars;
    return inputs;
}

void add_variable_options(CLI::App& command, VariableOptions& options) {
    command.add_option("--var", options.vars, "Set a variable: --var name=value (repeatable)")->take_all();
    // Checked when read, after --chdir: relative paths are relative to the stack directory.
    command.add_option("--var-file", options.var_files, "Read variables from a YAML/JSON file (repeatable)");
    command.add_flag("--input", options.input, "Ask for missing variables on a terminal; --input=false never asks");
}

void add_lock_options(CLI::App& command, LockOptions& options) {
    command.add_option("--lock-timeout", options.lock_timeout, "How long to wait for the state lock (e.g. 30s)")
        ->default_str("0s");
}

void add_planning_options(CLI::App& command, PlanningOptions& options) {
    command.add_flag("--refresh", options.refresh, "Read every object back before planning; --refresh=false skips it");
    command.add_option("--target", options.targets,
                       "Plan only this object (web, web[0], module.site[\"a\"]) and what it needs; repeatable")
        ->allow_extra_args(false);
    command.add_option("--exclude", options.excludes,
                       "Plan everything but this object and what depends on it; repeatable")
        ->allow_extra_args(false);
    command.add_flag("--refresh-only", options.refresh_only,
                     "Plan no changes: only update state to match objects changed outside plinth");
    command.add_option("--replace", options.replace,
                       "Replace this instance (web, web[0]) even though nothing forces it; repeatable")
        ->allow_extra_args(false);
    command.add_option("--parallelism", options.parallelism, "Provider operations to run at once")
        ->default_val(10)
        ->check(CLI::Range(1, 1024));
    add_json_option(command, options.json);
    command.add_option("--policy-dir", options.policy_dir,
                       "Also check the policies in this directory's YAML files (`policies:` lists)");
}

void add_json_option(CLI::App& command, bool& json) {
    command.add_flag("--json", json, "Write one JSON event per line instead of human text (for CI and tools)");
}

std::expected<std::chrono::milliseconds, Diagnostic> parse_lock_timeout(const LockOptions& options) {
    auto timeout = parse_duration(options.lock_timeout);
    if (!timeout)
        return std::unexpected(make_error(fmt::format("invalid --lock-timeout `{}`", options.lock_timeout), timeout.error()));
    return std::chrono::duration_cast<std::chrono::milliseconds>(*timeout);
}

}  // namespace plinth::cli
