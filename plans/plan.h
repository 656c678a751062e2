// plans/plan.h: the plan model: the identity of the prior state it was made against (lineage,
// serial), the stack it was made from (fingerprint, variable values), and one change per
// resource with its action and before/after values. Config, state and plan are separate types.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/state.h"
#include "core/value.h"
#include "plans/drift.h"
#include "plans/run_facts.h"

namespace plinth::plans {

enum class Action {
    NoOp,
    Create,
    Update,
    Delete,
    DeleteThenCreate,  // replace, the default order
    CreateThenDelete,  // replace with lifecycle.create_before_destroy
};
std::string_view to_string(Action action);  // "no-op", "create", "update", "delete", ...
// As Terraform's JSON plans list them: ["no-op"], ["create"], ["delete", "create"], ...
std::vector<std::string_view> terraform_actions(Action action);
bool is_replace(Action action);

// Why a change is planned beyond the diff itself.
enum class ChangeReason {
    None,
    Tainted,           // the object is tainted (a failed create or update)
    CreateUnconfirmed, // a crash left an unconfirmed create; refresh found no object
    RemovedFromStack,  // in state, no longer declared
    InstanceGone,      // its block is declared, but count/for_each no longer yields its key
    ReplaceTriggered,  // lifecycle.replace_triggered_by names something that changes
    ReplaceRequested,  // the user asked for it (`--replace`)
};

struct ResourceChange {
    std::string address;
    std::string type;
    std::string provider;
    Action action = Action::NoOp;
    ChangeReason reason = ChangeReason::None;
    Value before;  // null for create; the refreshed prior attributes otherwise
    Value after;   // null for delete; may hold unknowns and sensitive marks
    std::vector<std::string> replace_paths;  // attributes that force the replacement
    // A saved plan left these sensitive attributes out (plans/plan_secrets.h); their values differed.
    std::vector<std::string> secret_changes;
    std::vector<std::string> dependencies;   // addresses this resource depends on
    bool create_before_destroy = false;
};

// A data source instance: read while planning (`result` known), or deferred to apply because its
// configuration depends on values known only then (`deferred`, `result` partly unknown).
struct DataRead {
    std::string address;  // "data.config", "module.net.data.zone[0]"
    std::string type;
    std::string provider;
    Value result;
    bool deferred = false;
};

// A block whose count/for_each could not be evaluated while planning; apply expands and applies
// it once the values it needs exist.
struct DeferredBlock {
    std::string address;  // the block in its module instance: "module.net.web"
    std::string reason;   // what it waits for
};

// An object recorded at `from` that now belongs to `to` (a `moved:` entry).
struct InstanceMove {
    std::string from;
    std::string to;
};

// A planned change that failed a policy (plans/policies.h).
struct PolicyFailure {
    std::string policy;
    std::string address;
    bool mandatory = true;  // fails the plan; advisory failures only warn
    std::string message;
};

struct OutputChange {
    std::string name;
    Value before;  // null when new
    Value after;   // null when removed; may be unknown
    bool sensitive = false;
    bool removed = false;
    // A saved plan left the output's values out as secrets (plans/plan_secrets.h): whether they
    // differed.
    bool secret_changed = false;

    // Whether applying changes the output: added, removed or given another value.
    bool changes() const;
};

// A deque, one record a node: an apply takes the records one by one into its steps and frees each
// once its steps have run (plans/apply_graph.h), with never a second array of them in memory.
using ResourceChanges = std::deque<ResourceChange>;

struct Plan {
    // The state it was made against; apply refuses it if state has moved since.
    std::string prior_lineage;
    std::uint64_t prior_serial = 0;
    bool prior_state_existed = false;
    // The stack it was made from; apply refuses it if the files changed since.
    std::string stack_fingerprint;
    ValueMap variables;  // resolved values, sensitive ones marked
    std::string workspace = k_default_workspace;  // the workspace it was made in; applied only there
    bool destroy = false;  // made by `destroy` / `plan --destroy`
    std::vector<std::string> targets;  // --target: only these (and what they need) are planned
    std::vector<std::string> excludes;  // --exclude: these (and what needs them) are left out
    bool refreshed = true;  // made after a refresh (not --refresh=false)
    // Read from a file that left its sensitive values out (plans/plan_secrets.h): applying it
    // takes the sensitive variables again and plans afresh.
    bool secrets_redacted = false;

    ResourceChanges changes;  // sorted by address; no-ops included
    std::vector<DataRead> data_reads;     // sorted by address
    std::vector<DeferredBlock> deferred;
    std::vector<InstanceMove> moves;   // made in state before anything else
    std::vector<std::string> forgets;  // addresses dropped from state, not destroyed (`removed:`)
    // Existing objects adopted into state (`import:` blocks), after the moves; their changes
    // are planned against what the import read.
    std::vector<ResourceState> imports;
    std::vector<OutputChange> output_changes;

    // The policies checked against this plan: how many checks ran, and what failed.
    int policy_checks = 0;
    std::vector<PolicyFailure> policy_failures;
    // A mandatory policy failed: the plan must not be applied.
    bool blocked_by_policy() const;

    // `plan --refresh-only --out`: no changes, only what refresh found changed outside plinth,
    // which applying records in state without touching any object.
    bool refresh_only = false;
    std::vector<Drift> drift;

    // --target or --exclude narrowed it: outputs are left as they are.
    bool narrowed() const { return !targets.empty() || !excludes.empty(); }

    struct Summary {
        int add = 0, change = 0, destroy = 0, forget = 0, import = 0;
    };
    Summary summary() const;
    // True when any resource or output would change, or a refresh-only plan found drift.
    bool has_changes() const;
};

}  // namespace plinth::plans
