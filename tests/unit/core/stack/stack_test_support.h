// tests/unit/core/stack/stack_test_support.h: helpers for the stack tests: loading stacks from
// strings, listing their errors as "file:line:column: summary", evaluating loaded expressions.
#pragma once

#include <catch2/catch.hpp>
#include <expected>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/expr/expression.h"
#include "core/expr/functions.h"
#include "core/stack/loader.h"

#include <unistd.h>

namespace plinth::testing {

inline std::expected<Stack, Diagnostics> load_files(std::vector<StackFile> files) {
    return load_stack_from_files("", files);
}

inline std::expected<Stack, Diagnostics> load_one(std::string content) {
    return load_files({{"main.yaml", std::move(content)}});
}

// Each error as "file:line:column: summary".
inline std::vector<std::string> errors_of(const std::expected<Stack, Diagnostics>& result) {
    std::vector<std::string> errors;
    if (result) return errors;
    for (const auto& diagnostic : result.error())
        errors.push_back(diagnostic.location.to_string() + ": " + diagnostic.summary);
    return errors;
}

// The only diagnostic of a failed load (fails the test when there is not exactly one).
inline Diagnostic only_error(const std::expected<Stack, Diagnostics>& result) {
    if (result || result.error().size() != 1) {
        std::string all;
        for (const auto& line : errors_of(result)) all += line + "\n";
        throw std::runtime_error("expected exactly one error, got:\n" + all);
    }
    return result.error()[0];
}

class MapScope : public expr::Scope {
public:
    explicit MapScope(ValueMap roots) : m_roots(std::move(roots)) {}
    const Value* lookup(std::string_view root) const override {
        auto it = m_roots.find(root);
        return it == m_roots.end() ? nullptr : &it->second;
    }

private:
    ValueMap m_roots;
};

// Evaluates a loaded expression with `var` bound to `variables` and no functions.
inline Value evaluate_with(const expr::ExpressionPtr& expression, ValueMap variables = {}) {
    static const expr::FunctionTable k_no_functions;
    MapScope scope(ValueMap{{"var", Value(std::move(variables))}});
    auto value = expr::evaluate(*expression, expr::EvalContext{scope, k_no_functions, "."});
    if (!value) throw std::runtime_error("evaluation failed: " + value.error()[0].summary);
    return *value;
}

// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("plinth-stack-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        std::filesystem::path file = m_path / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

private:
    std::filesystem::path m_path;
};

}  // namespace plinth::testing

namespace Catch {
template <>
struct StringMaker<plinth::Value> {
    static std::string convert(const plinth::Value& value) { return plinth::to_display(value); }
};
}  // namespace Catch
