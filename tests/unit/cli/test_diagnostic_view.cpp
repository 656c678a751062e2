#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "cli/diagnostic_view.h"

using namespace plinth;
using namespace plinth::cli;

namespace {
// A stack file in a fresh temporary directory, removed at the end of the test.
struct TempFile {
    std::filesystem::path dir;
    std::filesystem::path path;

    explicit TempFile(const std::string& content) {
        dir = std::filesystem::temp_directory_path() /
              ("plinth-diag-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::create_directories(dir);
        path = dir / "main.yaml";
        write(content);
    }
    ~TempFile() { std::filesystem::remove_all(dir); }
    void write(const std::string& content) const { std::ofstream(path, std::ios::binary) << content; }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

std::string numbered_lines(int count) {
    std::string text;
    for (int i = 1; i <= count; ++i) text += "line " + std::to_string(i) + "\n";
    return text;
}
}  // namespace

TEST_CASE("diagnostic_view: an error with its source line and a caret") {
    std::string text = numbered_lines(11) + "      content: ${foo.id}\n";
    TempFile file(text);
    std::string name = file.path.string();
    auto d = make_error("reference to undeclared resource `foo`", "did you mean `for`?", {name, 12, 18});
    CHECK(render_diagnostic(d, false) == "Error: reference to undeclared resource `foo`\n"
                                         "\n"
                                         "  on " + name + ":12:18:\n"
                                         "  12 |       content: ${foo.id}\n"
                                         "     |                  ^\n"
                                         "did you mean `for`?");
}

TEST_CASE("diagnostic_view: tabs are kept so the caret lines up, CRLF endings dropped") {
    TempFile file("\tkey:\tvalue\r\n");
    auto d = make_warning("odd value", "", {file.path.string(), 1, 7});
    CHECK(render_diagnostic(d, false) == "Warning: odd value\n"
                                         "\n"
                                         "  on " + file.path.string() + ":1:7:\n"
                                         "  1 | \tkey:\tvalue\n"
                                         "    | \t    \t^");
}

TEST_CASE("diagnostic_view: without a readable source line only the place is shown") {
    auto missing = make_error("bad", "more", {"/nonexistent/plinth/main.yaml", 3, 2});
    CHECK(render_diagnostic(missing, false) == "Error: bad\n\n  on /nonexistent/plinth/main.yaml:3:2:\nmore");
    TempFile file("one line\n");
    auto past_end = make_error("bad", "", {file.path.string(), 5, 1});
    CHECK(render_diagnostic(past_end, false) == "Error: bad\n\n  on " + file.path.string() + ":5:1:");
    auto no_column = make_error("bad", "", {file.path.string(), 1, 0});
    CHECK(render_diagnostic(no_column, false) ==
          "Error: bad\n\n  on " + file.path.string() + ":1:\n  1 | one line");
    auto file_only = make_error("stack.yaml is not a plan", "It is YAML.", {"stack.yaml", 0, 0});
    CHECK(render_diagnostic(file_only, false) == "Error: stack.yaml is not a plan\n\nIt is YAML.");
}

TEST_CASE("diagnostic_view: a diagnostic with no location") {
    CHECK(render_diagnostic(make_error("no stack here", "Run plinth in a stack directory."), false) ==
          "Error: no stack here\n\nRun plinth in a stack directory.");
    CHECK(render_diagnostic(make_warning("just so you know"), false) == "Warning: just so you know");
}

TEST_CASE("diagnostic_view: a caret past the end of the line sits just after it") {
    TempFile file("ab\n");
    auto d = make_error("unterminated", "", {file.path.string(), 1, 9});
    CHECK(render_diagnostic(d, false).ends_with("  1 | ab\n    |   ^"));
}

TEST_CASE("diagnostic_view: colour") {
    auto d = make_error("boom");
    CHECK(render_diagnostic(d, true) == "\x1b[1m\x1b[31mError:\x1b[0m\x1b[0m \x1b[1mboom\x1b[0m");
    CHECK(render_diagnostic(make_warning("hm"), true).starts_with("\x1b[1m\x1b[33mWarning:"));
}

TEST_CASE("diagnostic_view: several diagnostics are separated by blank lines") {
    Diagnostics all;
    all.add(make_error("one"));
    all.add(make_warning("two", "detail"));
    CHECK(render_diagnostics(all, false) == "Error: one\n\nWarning: two\n\ndetail");
    CHECK(render_diagnostics(Diagnostics{}, false).empty());
}

TEST_CASE("diagnostic_view: each file is read once") {
    TempFile file("first version\n");
    SourceCache sources;
    REQUIRE(sources.line(file.path.string(), 1) != nullptr);
    file.write("second version\n");
    CHECK(*sources.line(file.path.string(), 1) == "first version");
    auto d = make_error("x", "", {file.path.string(), 1, 1});
    CHECK(render_diagnostic(d, false, sources).find("first version") != std::string::npos);
    CHECK(render_diagnostic(d, false).find("second version") != std::string::npos);
    CHECK(sources.line(file.path.string(), 0) == nullptr);
    CHECK(sources.line(file.path.string(), 2) == nullptr);
}

TEST_CASE("diagnostic_view: the same problem met many times is shown once") {
    Diagnostics problems;
    problems.add(make_error("provider `acme` did not start"));
    problems.add(make_error("other"));
    problems.add(make_error("provider `acme` did not start"));
    CHECK(render_diagnostics(problems, false) == "Error: provider `acme` did not start\n\nError: other");
}
