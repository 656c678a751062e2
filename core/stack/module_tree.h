// core/stack/module_tree.h: the configuration as a tree of stacks: the root stack and, for every
// module call, the stack it calls (loaded from the directory its source resolves to). Checks what
// crosses a call: inputs name the module's variables, required variables are given, and
// `module.NAME.OUTPUT` names an output the module declares. Errors inside a module say where
// it was called from.
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/value.h"

namespace plinth {

struct ModuleNode {
    std::vector<std::string> path;  // call names from the root: {} for the root, {"net", "db"}
    // Shared: the root's stack is also the caller's (the CLI keeps it for variables and backends).
    std::shared_ptr<const Stack> stack = std::make_shared<const Stack>();
    const ModuleCallDecl* call = nullptr;  // the call in the parent's stack; null for the root
    const ModuleNode* parent = nullptr;
    std::map<std::string, std::unique_ptr<ModuleNode>> children;  // by call name

    bool is_root() const { return parent == nullptr; }
    std::string key() const;          // "net.db": how the module cache and lock name it ("" for the root)
    std::string config_path() const;  // "module.net.module.db" ("" for the root)
};

// Where the module called at `key` with `source`/`version` lives; `caller_dir` is the calling
// stack's directory (local paths are relative to it).
using ModuleResolver = std::function<std::expected<std::filesystem::path, Diagnostic>(
    const std::string& key, const std::string& source, const std::string& version,
    const std::filesystem::path& caller_dir, const SourceLocation& at)>;

// Loads every module under `root`. A call's `source` and `version` are evaluated from variables
// (the root's resolved values; a module's defaults), locals and `plinth.workspace` only.
std::expected<std::unique_ptr<ModuleNode>, Diagnostics> load_module_tree(std::shared_ptr<const Stack> root,
                                                                         const ValueMap& root_variables,
                                                                         const ModuleResolver& resolve,
                                                                         const std::string& workspace = "default");

// Calls `visit` for `node` and every module below it, parents first.
void for_each_module(const ModuleNode& node, const std::function<void(const ModuleNode&)>& visit);

}  // namespace plinth
