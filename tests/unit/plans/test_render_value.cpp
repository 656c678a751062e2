#include <catch2/catch.hpp>

#include "plans/render_value.h"

using namespace plinth;
using namespace plinth::plans;

TEST_CASE("render_value: HCL quoting and keys") {
    CHECK(hcl_quote("a\"b\\c\nd\te") == R"("a\"b\\c\nd\te")");
    CHECK(hcl_quote("${x} %{y} $z") == R"("$${x} %%{y} $z")");
    CHECK(key_text("content", false) == "content");
    CHECK(key_text("content", true) == "\"content\"");
    CHECK(key_text("owner team", false) == "\"owner team\"");
    CHECK(key_text("9lives", false) == "\"9lives\"");
    CHECK(pad("ab", 4) == "ab  ");
    CHECK(pad("abcdef", 4) == "abcdef");
}

TEST_CASE("render_value: line starts put the mark two columns left of the text") {
    RenderStyle plain;
    CHECK(line_start(6, Mark::Create, plain) == "    + ");
    CHECK(line_start(6, Mark::Update, plain) == "    ~ ");
    CHECK(line_start(6, Mark::Delete, plain) == "    - ");
    CHECK(line_start(6, Mark::None, plain) == "      ");
    CHECK(line_start(4, Mark::Create, RenderStyle{true}) == "  \x1b[32m+\x1b[0m ");
}

TEST_CASE("render_value: scalars, unknown and sensitive inline") {
    RenderStyle plain;
    CHECK(render_value(Value(), Mark::None, 0, plain) == "null");
    CHECK(render_value(true, Mark::None, 0, plain) == "true");
    CHECK(render_value(3, Mark::None, 0, plain) == "3");
    CHECK(render_value(0.25, Mark::None, 0, plain) == "0.25");
    CHECK(render_value("x", Mark::None, 0, plain) == "\"x\"");
    CHECK(render_value(Value::unknown(), Mark::None, 0, plain) == "(known after apply)");
    CHECK(render_value(Value(ValueList{1}).mark_sensitive(), Mark::None, 0, plain) == "(sensitive value)");
    CHECK(render_value(ValueList{}, Mark::None, 0, plain) == "[]");
    CHECK(render_value(ValueMap{}, Mark::None, 0, plain) == "{}");
}

TEST_CASE("render_value: nested collections and heredocs without marks") {
    RenderStyle plain;
    Value value = ValueMap{{"list", ValueList{1, ValueMap{{"k", "v"}}}}, {"long key", "a\n\nb"}};
    CHECK(render_value(value, Mark::None, 0, plain) == R"({
    "list"     = [
        1,
        {
            "k" = "v"
        },
    ]
    "long key" = <<-EOT
        a

        b
    EOT
})");
    CHECK(is_multiline("a\nb"));
    CHECK_FALSE(is_multiline("ab"));
    CHECK_FALSE(is_multiline(Value(1)));
}
