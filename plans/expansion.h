// plans/expansion.h: the instances a block has: none repeated (one, unkeyed), `count` (keys 0..n-1)
// or `for_each` (a map's keys, or a set of strings), and what `count.index` / `each.key` /
// `each.value` mean in each. An expansion over values not known yet is itself unknown.
#pragma once

#include <expected>
#include <functional>
#include <vector>

#include "core/address.h"
#include "core/diagnostics.h"
#include "core/expr/expression.h"
#include "core/stack/stack.h"
#include "core/value.h"

namespace plinth::plans {

struct Instance {
    InstanceKey key;
    Value repetition;  // {index = n} for count, {key, value} for for_each, null otherwise
};

struct Expansion {
    bool known = true;  // false: count/for_each depends on values known only after apply
    std::vector<Instance> instances;

    // The value a reference to the whole block gives before instances are filled in: the
    // object itself (unknown), a list for count, a map for for_each.
    Value container(const Repetition& repetition) const;
};

// Evaluates `repetition` with `evaluate`; errors point at the count/for_each expression.
using Evaluate = std::function<std::expected<Value, Diagnostics>(const expr::Expression&)>;
std::expected<Expansion, Diagnostics> expand(const Repetition& repetition, const Evaluate& evaluate);

// `count`/`each` with unknown members, for checking a block whose instances are not known.
Value unknown_repetition(const Repetition& repetition);

// Places one instance's value in the container of its block.
void set_instance_value(Value& container, const InstanceKey& key, Value value);

}  // namespace plinth::plans
