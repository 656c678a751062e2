// tests/unit/plans/test_stack.h: a stack for the plans tests from YAML text (after the `stack:`
// line), as if it were the file stack.yaml in `dir`; a stack that does not load fails the test.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "core/stack/loader.h"

namespace plinth::testing {

inline Stack load_test_stack(const std::string& yaml, const std::string& dir = "") {
    auto stack = load_stack_from_files(dir, {{"stack.yaml", "stack: test\n" + yaml}});
    if (!stack) FAIL(format_diagnostic(stack.error()[0]));
    return std::move(*stack);
}

}  // namespace plinth::testing
