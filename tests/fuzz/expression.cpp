// Fuzz target: the expression parser and evaluator. The input is a template string (as written
// in a stack); it is parsed, its references collected, and it is evaluated against a small fixed
// scope (known, unknown, sensitive and null values, lists and maps) with every built-in function
// except those that read files, the clock or randomness, or spend seconds on purpose (bcrypt):
// those fail like a function that refuses its arguments, so each run is deterministic and harmless.
#include <array>
#include <string>
#include <string_view>

#include "core/expr/expression.h"
#include "core/expr/functions.h"
#include "fuzz_target.h"

namespace {

using namespace plinth;

class FixedScope : public expr::Scope {
public:
    FixedScope() {
        m_names["var"] = ValueMap{{"env", "dev"},
                                  {"replicas", 3},
                                  {"zones", ValueList{"a", "b", "c"}},
                                  {"tags", ValueMap{{"owner", "ops"}, {"team", "infra"}}},
                                  {"password", Value("hunter2").mark_sensitive()},
                                  {"pending", Value::unknown()},
                                  {"flag", true},
                                  {"numeric", "5"},
                                  {"nothing", nullptr}};
        m_names["local"] = ValueMap{{"prefix", "app-dev"}, {"cidr", "10.0.0.0/16"}};
        m_names["web"] = ValueMap{{"id", "i-123"}, {"ips", ValueList{"10.0.0.1", "10.0.0.2"}}};
        m_names["servers"] =
            ValueList{ValueMap{{"name", "s1"}, {"port", 80}}, ValueMap{{"name", "s2"}, {"port", 81}}};
        m_names["count"] = ValueMap{{"index", 2}};
        m_names["each"] = ValueMap{{"key", "k"}, {"value", "v"}};
    }
    const Value* lookup(std::string_view root) const override {
        auto it = m_names.find(root);
        return it == m_names.end() ? nullptr : &it->second;
    }

private:
    ValueMap m_names;
};

// The functions that touch the filesystem, the clock or randomness, or are slow by design.
constexpr std::array<std::string_view, 7> k_refused = {"file",      "filebase64", "fileexists", "templatefile",
                                                        "timestamp", "uuid",       "bcrypt"};

expr::FunctionTable fuzz_functions() {
    expr::FunctionTable table = expr::FunctionTable::standard();
    for (auto name : k_refused) {
        const expr::FunctionSpec* spec = table.find(name);
        table.add({.name = std::string(name),
                   .min_args = spec->min_args,
                   .max_args = spec->max_args,
                   .impl = [name](std::span<const Value>, const expr::FunctionCallContext&)
                       -> std::expected<Value, std::string> { return std::unexpected(std::string(name) + ": not while fuzzing"); }});
    }
    return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const FixedScope scope;
    static const expr::FunctionTable functions = fuzz_functions();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = expr::parse_template(text, SourceLocation{"fuzz.yaml", 1, 1});
    if (!parsed) return 0;
    expr::collect_references(**parsed);
    expr::evaluate(**parsed, expr::EvalContext{scope, functions, "/nonexistent/plinth-fuzz"});
    return 0;
}
