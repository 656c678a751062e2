// core/stack/loader.h: reading a stack directory (every *.yaml / *.yml directly in it, merged)
// into a Stack, with file:line:column diagnostics for unknown keys, wrong types, duplicate
// names across files, bad expressions and references to things that do not exist.
#pragma once

#include <array>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth {

// A root stack must name itself (`stack: NAME`); a module (a stack another one calls) may.
enum class StackRole { Root, Module };

std::expected<Stack, Diagnostics> load_stack(const std::filesystem::path& dir, StackRole role = StackRole::Root);

// The keys a stack file may hold at its top level.
inline constexpr std::array<std::string_view, 17> k_top_level_keys = {
    "stack",     "description", "requires", "backend", "providers", "providers_dir", "encryption", "variables", "locals",
    "data",      "resources",   "modules",  "outputs", "moved",     "removed",       "import",     "policies"};

// A file load_stack() reads: *.yaml / *.yml, except the module lock file `plinth init` writes.
bool is_stack_file(const std::filesystem::directory_entry& entry);

// Whether `dir` holds a file load_stack() would read.
bool has_stack_files(const std::filesystem::path& dir);

// The policies of every *.yaml / *.yml file in `dir` (`--policy-dir`): each file holds a
// `policies:` list, as a stack would.
std::expected<std::vector<PolicyDecl>, Diagnostics> load_policy_dir(const std::filesystem::path& dir);

// For tests: the same, from in-memory files (name, content) as if they sat in `dir`.
struct StackFile {
    std::string name;
    std::string content;
};
std::expected<Stack, Diagnostics> load_stack_from_files(const std::filesystem::path& dir,
                                                        const std::vector<StackFile>& files,
                                                        StackRole role = StackRole::Root);

}  // namespace plinth
