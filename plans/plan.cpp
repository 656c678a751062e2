#include "plans/plan.h"

#include <algorithm>

namespace plinth::plans {

std::string_view to_string(Action action) {
    switch (action) {
    case Action::NoOp: return "no-op";
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Delete: return "delete";
    case Action::DeleteThenCreate: return "delete-then-create";
    case Action::CreateThenDelete: return "create-then-delete";
    }
    return "?";
}

std::vector<std::string_view> terraform_actions(Action action) {
    switch (action) {
    case Action::NoOp: return {"no-op"};
    case Action::Create: return {"create"};
    case Action::Update: return {"update"};
    case Action::Delete: return {"delete"};
    case Action::DeleteThenCreate: return {"delete", "create"};
    case Action::CreateThenDelete: return {"create", "delete"};
    }
    return {"no-op"};
}

bool is_replace(Action action) {
    return action == Action::DeleteThenCreate || action == Action::CreateThenDelete;
}

Plan::Summary Plan::summary() const {
    Summary s;
    s.forget = static_cast<int>(forgets.size());
    s.import = static_cast<int>(imports.size());
    for (const auto& change : changes) {
        switch (change.action) {
        case Action::Create: ++s.add; break;
        case Action::Update: ++s.change; break;
        case Action::Delete: ++s.destroy; break;
        case Action::DeleteThenCreate:
        case Action::CreateThenDelete:
            ++s.add;
            ++s.destroy;
            break;
        case Action::NoOp: break;
        }
    }
    return s;
}

bool Plan::blocked_by_policy() const {
    return std::any_of(policy_failures.begin(), policy_failures.end(), [](const PolicyFailure& f) { return f.mandatory; });
}

bool OutputChange::changes() const {
    return removed || secret_changed || !(before == after) || before.is_null() != after.is_null();
}

bool Plan::has_changes() const {
    bool resources = std::any_of(changes.begin(), changes.end(),
                                 [](const ResourceChange& c) { return c.action != Action::NoOp; });
    bool outputs = std::ranges::any_of(output_changes, &OutputChange::changes);
    bool deferred = !this->deferred.empty() ||
                    std::any_of(data_reads.begin(), data_reads.end(), [](const DataRead& r) { return r.deferred; });
    return resources || outputs || deferred || !moves.empty() || !forgets.empty() || !imports.empty() ||
           !drift.empty();
}

}  // namespace plinth::plans
