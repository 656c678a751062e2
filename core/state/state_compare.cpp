#include "core/state/state_compare.h"

#include <algorithm>

#include "core/value_path.h"

namespace plinth {
namespace {

bool same_marked_value(const Value& a, const Value& b) { return a == b && sensitive_paths(a) == sensitive_paths(b); }

bool same_output(const OutputState& a, const OutputState& b) {
    return same_marked_value(a.value, b.value) &&
           (a.sensitive || a.value.contains_sensitive()) == (b.sensitive || b.value.contains_sensitive());
}

}  // namespace

bool same_resource(const ResourceState& a, const ResourceState& b) {
    return a.address == b.address && a.type == b.type && a.provider == b.provider && a.id == b.id &&
           a.status == b.status && a.dependencies == b.dependencies && same_marked_value(a.attributes, b.attributes);
}

bool same_state(const State& a, const State& b) {
    return a.serial == b.serial && a.lineage == b.lineage &&
           std::ranges::equal(a.outputs, b.outputs,
                              [](const auto& x, const auto& y) { return x.first == y.first && same_output(x.second, y.second); }) &&
           std::ranges::equal(a.resources, b.resources, [](const auto& x, const auto& y) {
               return x.first == y.first && same_resource(x.second, y.second);
           });
}

}  // namespace plinth
