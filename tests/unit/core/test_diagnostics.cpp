#include <catch2/catch.hpp>

#include "core/diagnostics.h"

using namespace plinth;

TEST_CASE("diagnostics: source locations") {
    CHECK(SourceLocation{"stack.yaml", 3, 7}.to_string() == "stack.yaml:3:7");
    CHECK(SourceLocation{"stack.yaml"}.to_string() == "stack.yaml");
    CHECK_FALSE(SourceLocation{}.known());
    CHECK(SourceLocation{"f", 1, 1}.known());
}

TEST_CASE("diagnostics: errors and warnings") {
    Diagnostic error = make_error("bad", "why", {"f.yaml", 2, 4});
    CHECK(error.severity == Severity::Error);
    CHECK(error.detail == "why");
    CHECK(make_warning("careful").severity == Severity::Warning);
}

TEST_CASE("diagnostics: a collection knows whether it holds errors") {
    Diagnostics all;
    CHECK(all.empty());
    all.add(make_warning("w"));
    CHECK_FALSE(all.has_errors());
    Diagnostics more(make_error("e1"));
    more.add_error("e2", "detail");
    all.append(more);
    CHECK(all.size() == 3);
    CHECK(all.has_errors());
    CHECK(all[2].summary == "e2");
    std::size_t count = 0;
    for (const auto& diagnostic : all) count += diagnostic.summary.empty() ? 0 : 1;
    CHECK(count == 3);
}

TEST_CASE("diagnostics: plain formatting") {
    CHECK(format_diagnostic(make_error("bad thing", "", {"s.yaml", 1, 2})) == "s.yaml:1:2: error: bad thing");
    CHECK(format_diagnostic(make_warning("hm", "because")) == "warning: hm\n  because");
}
