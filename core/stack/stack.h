// core/stack/stack.h: the parsed stack, the user's declared configuration: variables, locals,
// resources, data sources, module calls, outputs, moved/removed entries, provider settings,
// encryption at rest and version requirements, each with the source location it came from. A Stack is one directory; a module call names another Stack (see
// core/modules). A Stack is read-only once loaded; evaluating it against state is the engine's job.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/expr/expression.h"
#include "core/stack/type_constraint.h"
#include "core/value.h"

namespace plinth {

struct VariableDecl {
    std::string name;
    TypeConstraint type;                 // Any when not given
    std::optional<Value> default_value;  // absent: the variable is required
    std::string description;
    bool sensitive = false;
    SourceLocation location;
    // `nullable: false`: a null value falls back to the default; with no default it is an error.
    // Such a variable never has a null default.
    bool nullable = true;
    // One entry of `validation:`. Both expressions refer to no variable but this one (checked at
    // load time), and `condition` is not a known non-bool.
    struct Validation {
        expr::ExpressionPtr condition;  // true when the value is acceptable
        expr::ExpressionPtr message;    // the error's detail when it is not
        SourceLocation location;        // of the condition
    };
    std::vector<Validation> validations;
};

struct LocalDecl {
    std::string name;
    expr::ExpressionPtr value;
    SourceLocation location;
};

struct DependsOn {
    std::string target;  // a resource name, `data.NAME` or `module.NAME`
    SourceLocation location;
};

// A `precondition` / `postcondition`: `condition` must be true, else `error_message` is the error.
struct ConditionCheck {
    expr::ExpressionPtr condition;
    expr::ExpressionPtr error_message;
    SourceLocation location;
};

struct Lifecycle {
    bool create_before_destroy = false;
    expr::ExpressionPtr prevent_destroy;  // a bool expression; null means false
    std::vector<std::string> ignore_changes;  // attribute names; ["all"] ignores every change
    // References (`web.id`, `web`, `data.x`) whose change replaces this resource.
    std::vector<expr::ExpressionPtr> replace_triggered_by;
    std::vector<ConditionCheck> preconditions;
    std::vector<ConditionCheck> postconditions;
};

// How many instances a block has: neither (one, unkeyed), `count` (0..n-1) or `for_each` (a map
// or a set of strings, keyed). At most one is set.
struct Repetition {
    expr::ExpressionPtr count;
    expr::ExpressionPtr for_each;

    bool repeated() const { return count || for_each; }
};

enum class ResourceMode { Managed, Data };

// An entry of `resources:` (managed) or `data:` (a read-only look-up).
struct ResourceDecl {
    std::string name;
    ResourceMode mode = ResourceMode::Managed;
    std::string type;      // e.g. "local_file"
    std::string provider;  // provider configuration name; the type's prefix when not given ("local")
    // Evaluates to a map: the `properties:` block (an empty map when the block is absent).
    expr::ExpressionPtr properties;
    Repetition repetition;
    std::vector<DependsOn> depends_on;
    // The `lifecycle:` block, null when absent (most resources have none: kept apart, it costs a
    // pointer instead of 120 bytes). Data sources use only the conditions.
    std::shared_ptr<const Lifecycle> lifecycle_block;
    SourceLocation location;  // the resource's name key

    // The lifecycle settings: the block's, or the defaults when there is none.
    const Lifecycle& lifecycle() const {
        static const Lifecycle k_defaults;
        return lifecycle_block ? *lifecycle_block : k_defaults;
    }
};

// An entry of `modules:`: a call of another stack directory with inputs for its variables.
struct ModuleCallDecl {
    std::string name;
    // `source` and `version` may use variables and locals only (evaluated before anything else).
    expr::ExpressionPtr source;
    expr::ExpressionPtr version;  // null when not given
    expr::ExpressionPtr inputs;   // a map of the module's variable names to values
    Repetition repetition;
    std::vector<DependsOn> depends_on;
    std::map<std::string, std::string> providers;  // module's provider name -> this stack's
    SourceLocation location;
};

// `moved: [{from, to}]`: state recorded under `from` now belongs to `to`.
struct MovedDecl {
    std::string from;
    std::string to;
    SourceLocation location;
};

// `removed: [{from}]`: forget the objects at `from` without destroying them.
struct RemovedDecl {
    std::string from;
    SourceLocation location;
};

// `import: [{to, id}]`: adopt the existing object `id` into the resource at `to` on the next
// plan and apply (root stacks only). Once state holds `to` the entry does nothing.
struct ImportDecl {
    std::string to;             // "user", "module.app.user", "user[0]"
    expr::ExpressionPtr id;     // a string; may use variables, locals and plinth.workspace
    SourceLocation location;
};

// An entry of `policies:` (or of a file in `--policy-dir`): a rule every planned change of one
// of `resource_types` (every type when empty) must satisfy. `condition` is evaluated with
// `before`, `after`, `actions`, `address` and `type` of the change; when it is false, `message`
// (which may use the same names) is reported. A mandatory rule fails the plan; an advisory one
// warns. Evaluated by plans/policies.h.
enum class PolicyEnforcement { Advisory, Mandatory };
struct PolicyDecl {
    std::string name;
    std::vector<std::string> resource_types;
    expr::ExpressionPtr condition;
    expr::ExpressionPtr message;
    PolicyEnforcement enforcement = PolicyEnforcement::Mandatory;
    SourceLocation location;
};

// An entry of `providers:`: the settings of one provider configuration, `aws`, or `aws.eu` for a
// second configuration of the same provider (an alias, chosen per resource with `provider:`).
struct ProviderConfigDecl {
    std::string name;      // "aws.eu"
    std::string provider;  // "aws"
    std::string alias;     // "eu"; empty for the default configuration
    // Evaluates to a map of settings; it may use variables and locals only.
    expr::ExpressionPtr settings;
    SourceLocation location;
};

// One setting of the `backend:` block: literal text (backends read no expressions: they are
// needed before variables exist), with where it was written.
struct BackendSetting {
    std::string text;
    SourceLocation location;
};

// `backend: { type: pg, conn_str: ... }`: where the root stack's state lives. Without the block,
// the local file backend. `plinth init` records the block in .plinth/backend.json; the backend
// itself reads and checks its settings (core/backends/).
struct BackendDecl {
    std::string type = "local";
    std::map<std::string, BackendSetting> settings;
    SourceLocation location;  // of `backend:`; empty for the implicit local backend

    // Same type and settings (locations aside): the same store.
    bool same_store_as(const BackendDecl& other) const;
};

// A version constraint from `requires:`, e.g. ">= 1.2, < 2".
struct VersionRequirement {
    std::string constraint;
    SourceLocation location;
};

// `requires: { plinth: ">= 0.1", providers: { acme: ">= 1.2" } }`.
struct Requirements {
    std::optional<VersionRequirement> plinth;
    std::map<std::string, VersionRequirement> providers;  // by provider name
};

// One key provider of `encryption:`, as `key_provider:` or `fallback:`.
struct KeyProviderDecl {
    std::string type;                // "pbkdf2" or "env"
    expr::ExpressionPtr passphrase;  // pbkdf2 only: may use variables and locals only
    std::string variable;            // env only: the environment variable holding the key
    SourceLocation location;         // of `key_provider` / `fallback`
};

// `encryption:`: state, its journal and saved plans are encrypted at rest with `key_provider`'s
// key; `fallback`'s key still reads files written with it, so keys can be rotated.
struct EncryptionDecl {
    KeyProviderDecl key_provider;
    std::optional<KeyProviderDecl> fallback;
    SourceLocation location;  // of `encryption`
};

struct OutputDecl {
    std::string name;
    expr::ExpressionPtr value;
    std::string description;
    bool sensitive = false;
    SourceLocation location;
};

struct Stack {
    std::string name;
    std::string description;
    std::filesystem::path dir;                 // absolute
    std::vector<std::filesystem::path> files;  // the stack files read, sorted by name
    // sha256 over the files' names and bytes; a saved plan records it and apply checks it.
    std::string fingerprint;
    std::map<std::string, VariableDecl> variables;
    std::map<std::string, LocalDecl> locals;
    std::map<std::string, ResourceDecl> resources;
    std::map<std::string, ResourceDecl> data;  // by name, mode Data
    std::map<std::string, ModuleCallDecl> modules;
    std::map<std::string, OutputDecl> outputs;
    std::vector<MovedDecl> moved;
    std::vector<RemovedDecl> removed;
    std::vector<ImportDecl> imports;  // root stacks only
    std::vector<PolicyDecl> policies;  // root stacks only
    std::map<std::string, ProviderConfigDecl> provider_configs;  // by name; root stacks only
    Requirements requirements;
    std::filesystem::path providers_dir;  // absolute; empty when not given (root stacks only)
    BackendDecl backend;                  // root stacks only
    std::optional<EncryptionDecl> encryption;  // root stacks only
};

}  // namespace plinth
