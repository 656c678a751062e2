// core/stack/stack.h: the parsed stack, the user's declared configuration: variables, locals,
// resources and outputs, each with the source location it came from. A Stack is read-only once
// loaded; evaluating it against state is the engine's job.
#pragma once

#include <filesystem>
#include <map>
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
    std::string target;  // a resource name
    SourceLocation location;
};

struct Lifecycle {
    bool create_before_destroy = false;
    bool prevent_destroy = false;
    std::vector<std::string> ignore_changes;  // attribute names; ["all"] ignores every change
};

struct ResourceDecl {
    std::string name;
    std::string type;      // e.g. "local_file"
    std::string provider;  // provider configuration name; the type's prefix when not given ("local")
    // Evaluates to a map: the `properties:` block (an empty map when the block is absent).
    expr::ExpressionPtr properties;
    std::vector<DependsOn> depends_on;
    Lifecycle lifecycle;
    SourceLocation location;  // the resource's name key
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
    std::map<std::string, OutputDecl> outputs;
};

}  // namespace plinth
