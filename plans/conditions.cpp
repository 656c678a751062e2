#include "plans/conditions.h"

#include <fmt/format.h>

namespace plinth::plans {

Diagnostics check_conditions(const std::vector<ConditionCheck>& checks, const InstanceScope& scope,
                             const std::string& address, std::string_view kind) {
    Diagnostics diagnostics;
    for (const auto& check : checks) {
        auto holds = scope.evaluate(*check.condition);
        if (!holds) {
            diagnostics.append(holds.error());
            continue;
        }
        if (holds->is_unknown()) continue;
        if (!holds->is_bool()) {
            diagnostics.add_error(fmt::format("the {} of `{}` must be true or false", kind, address),
                                  fmt::format("it is {}", to_display(*holds)), expr::location_of(*check.condition));
            continue;
        }
        if (holds->as_bool()) continue;
        auto message = scope.evaluate(*check.error_message);
        std::string detail = message && message->is_string() ? message->as_string() : "(its error_message failed)";
        diagnostics.add_error(fmt::format("{} of `{}` failed", kind == "precondition" ? "A precondition" : "A postcondition",
                                          address),
                              detail, expr::location_of(*check.condition));
    }
    return diagnostics;
}

}  // namespace plinth::plans
