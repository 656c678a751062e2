// plans/state_moves.h: the root stack's `moved:` and `removed:` entries against recorded state.
// A move renames every object recorded at `from` (a resource, one instance, or a whole module
// call or instance) to the same place under `to`, so a rename is not a destroy and create. A
// removal forgets the objects at `from`: they leave state and are not destroyed.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/stack/stack.h"
#include "core/state/state.h"
#include "plans/plan.h"

namespace plinth::plans {

// Whether `address` is `prefix` itself or lies inside it (`web` holds `web[0]`, `module.a` holds
// `module.a["k"].web`).
bool address_within(const std::string& address, const std::string& prefix);

// Every `moved` and `removed` entry of the module tree, made absolute: an entry inside a module
// holds for each instance of that module state has objects in (`from: web` in module `site`
// becomes `module.site["blog"].web`, ...).
struct StateEdits {
    std::vector<MovedDecl> moved;
    std::vector<RemovedDecl> removed;
};
StateEdits state_edits(const ModuleNode& root, const State& state);

// The moves `moved` entries make in `state` (which is not changed). A `to` that already holds
// objects while `from` does too is an error at the entry; a `from` with no objects is skipped
// (the move happened in an earlier run).
std::expected<std::vector<InstanceMove>, Diagnostics> plan_moves(const std::vector<MovedDecl>& moved,
                                                                 const State& state);

// Renames the objects in `state` as `moves` say.
void apply_moves(const std::vector<InstanceMove>& moves, State& state);

// The addresses of objects `removed` entries name, sorted.
std::vector<std::string> removed_objects(const std::vector<RemovedDecl>& removed, const State& state);

}  // namespace plinth::plans
