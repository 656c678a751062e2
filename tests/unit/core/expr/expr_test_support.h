// tests/unit/core/expr/expr_test_support.h: a scope with a few known names, helpers that parse
// and evaluate a template string in one step, and a temporary directory, for the expression tests.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#include "core/expr/expression.h"
#include "core/expr/functions.h"

// Failed checks show values as users see them.
namespace Catch {
template <>
struct StringMaker<plinth::Value> {
    static std::string convert(const plinth::Value& value) {
        return plinth::to_display(value) + (value.is_sensitive() ? " (sensitive)" : "");
    }
};
}  // namespace Catch

namespace plinth::expr::testing {

class MapScope : public Scope {
public:
    ValueMap names;
    const Value* lookup(std::string_view root) const override {
        auto it = names.find(root);
        return it == names.end() ? nullptr : &it->second;
    }
};

inline Value sensitive(Value value) { return value.mark_sensitive(); }

// var, local, a resource `web`, path, count and each, with one unknown and one sensitive value.
inline const MapScope& sample_scope() {
    static const MapScope scope = [] {
        MapScope s;
        s.names["var"] = ValueMap{{"env", "dev"},
                                  {"replicas", 3},
                                  {"zones", ValueList{"a", "b", "c"}},
                                  {"tags", ValueMap{{"owner", "ops"}, {"team", "infra"}}},
                                  {"password", sensitive("hunter2")},
                                  {"pending", Value::unknown()},
                                  {"flag", true},
                                  {"numeric", "5"},
                                  {"nothing", nullptr}};
        s.names["local"] = ValueMap{{"prefix", "app-dev"}};
        s.names["web"] = ValueMap{{"id", "i-123"},
                                  {"tags", ValueMap{{"env", "dev"}}},
                                  {"ips", ValueList{"10.0.0.1", "10.0.0.2"}}};
        s.names["servers"] = ValueList{ValueMap{{"name", "s1"}, {"port", 80}}, ValueMap{{"name", "s2"}, {"port", 81}}};
        s.names["path"] = ValueMap{{"stack", "/stacks/web"}};
        s.names["count"] = ValueMap{{"index", 2}};
        s.names["each"] = ValueMap{{"key", "k"}, {"value", "v"}};
        return s;
    }();
    return scope;
}

inline SourceLocation test_location() { return SourceLocation{"stack.yaml", 3, 10}; }

inline std::expected<Value, Diagnostics> try_eval(std::string_view text, const Scope& scope = sample_scope(),
                                                  const std::filesystem::path& base_dir = {}) {
    auto parsed = parse_template(text, test_location());
    if (!parsed) return std::unexpected(parsed.error());
    EvalContext context{scope, FunctionTable::standard(), base_dir};
    return evaluate(**parsed, context);
}

// The value of `text`; fails the test with the diagnostic when evaluation fails.
inline Value eval(std::string_view text, const Scope& scope = sample_scope(), const std::filesystem::path& base_dir = {}) {
    auto result = try_eval(text, scope, base_dir);
    if (!result) FAIL_CHECK(text << " failed: " << format_diagnostic(result.error()[0]));
    return result ? *result : Value();
}

// The first diagnostic of evaluating `text`, which must fail.
inline Diagnostic eval_failure(std::string_view text, const Scope& scope = sample_scope(),
                               const std::filesystem::path& base_dir = {}) {
    auto result = try_eval(text, scope, base_dir);
    if (result) FAIL_CHECK(text << " succeeded with " << to_display(*result));
    return result ? Diagnostic{} : result.error()[0];
}

inline std::string error_of(std::string_view text, const Scope& scope = sample_scope(),
                            const std::filesystem::path& base_dir = {}) {
    return eval_failure(text, scope, base_dir).summary;
}

// The first diagnostic from parsing `text`, which must fail.
inline Diagnostic parse_failure(std::string_view text) {
    auto parsed = parse_template(text, test_location());
    if (parsed) FAIL_CHECK(text << " parsed");
    return parsed ? Diagnostic{} : parsed.error()[0];
}

inline std::string where(const Diagnostic& diagnostic) {
    return std::to_string(diagnostic.location.line) + ":" + std::to_string(diagnostic.location.column);
}

// A fresh directory for the file functions, removed with everything in it at scope exit.
struct TempDir {
    std::filesystem::path dir;
    TempDir() {
        dir = std::filesystem::temp_directory_path() / ("plinth-expr-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(dir);
    }
    ~TempDir() { std::filesystem::remove_all(dir); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& name, const std::string& content) const {
        std::filesystem::create_directories((dir / name).parent_path());
        std::ofstream(dir / name, std::ios::binary) << content;
    }
};

inline Value list(ValueList items) { return Value(std::move(items)); }
inline Value map(ValueMap entries) { return Value(std::move(entries)); }

}  // namespace plinth::expr::testing
