#include "plans/policies.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/expr/expression.h"
#include "core/expr/functions.h"

namespace plinth::plans {
namespace {

// The names a policy sees for one change.
class ChangeScope final : public expr::Scope {
public:
    explicit ChangeScope(const ResourceChange& change) {
        ValueList actions;
        for (auto action : terraform_actions(change.action)) actions.emplace_back(std::string(action));
        m_names.emplace("before", change.before);
        m_names.emplace("after", change.after);
        m_names.emplace("actions", Value(std::move(actions)));
        m_names.emplace("address", Value(change.address));
        m_names.emplace("type", Value(change.type));
    }
    const Value* lookup(std::string_view root) const override {
        auto found = m_names.find(root);
        return found == m_names.end() ? nullptr : &found->second;
    }

private:
    std::map<std::string, Value, std::less<>> m_names;
};

bool applies_to(const PolicyDecl& policy, const ResourceChange& change) {
    return policy.resource_types.empty() || std::find(policy.resource_types.begin(), policy.resource_types.end(),
                                                      change.type) != policy.resource_types.end();
}

// The policy's message for a failed change; its own text when it cannot be evaluated.
std::string message_of(const PolicyDecl& policy, const expr::EvalContext& context) {
    auto message = expr::evaluate(*policy.message, context);
    if (message && message->is_string() && !message->is_sensitive()) return message->as_string();
    return fmt::format("policy `{}` failed", policy.name);
}

}  // namespace

Diagnostics check_policies(const std::vector<PolicyDecl>& policies, Plan& plan, const std::filesystem::path& base_dir) {
    Diagnostics problems;
    if (policies.empty()) return problems;  // most stacks: no scope to build per change
    for (const auto& change : plan.changes) {
        ChangeScope scope(change);
        expr::EvalContext context{scope, expr::FunctionTable::standard(), base_dir};
        for (const auto& policy : policies) {
            if (!applies_to(policy, change)) continue;
            ++plan.policy_checks;
            auto holds = expr::evaluate(*policy.condition, context);
            if (!holds) {
                problems.append(holds.error());
                continue;
            }
            if (holds->is_unknown()) continue;
            auto verdict = expr::convert_to_bool(*holds);
            if (!verdict) {
                problems.add_error(fmt::format("the condition of policy `{}` must be true or false", policy.name),
                                   fmt::format("for `{}` it is {}", change.address, kind_name(holds->kind())),
                                   expr::location_of(*policy.condition));
                continue;
            }
            if (*verdict) continue;
            plan.policy_failures.push_back(PolicyFailure{policy.name, change.address,
                                                         policy.enforcement == PolicyEnforcement::Mandatory,
                                                         message_of(policy, context)});
        }
    }
    return problems;
}

}  // namespace plinth::plans
