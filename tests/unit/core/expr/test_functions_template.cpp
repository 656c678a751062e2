#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

struct TemplateDir : TempDir {
    Value eval(std::string_view text) const { return testing::eval(text, sample_scope(), dir); }
    Diagnostic failure(std::string_view text) const { return eval_failure(text, sample_scope(), dir); }
};

}  // namespace

TEST_CASE("expr: templatefile renders Terraform's documented examples") {
    TemplateDir t;
    t.write("backends.tftpl", "%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n");
    CHECK(t.eval(R"(${templatefile("backends.tftpl", {port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"]})})") ==
          Value("backend 10.0.0.1:8080\nbackend 10.0.0.2:8080\n"));
    t.write("config.tftpl", "%{ for config_key, config_value in config }\nset ${config_key} = ${config_value}\n%{ endfor ~}\n");
    CHECK(t.eval(R"(${templatefile("config.tftpl", {config = {x = "y", foo = "bar", key = "value"}})})") ==
          Value("\nset foo = bar\n\nset key = value\n\nset x = y\n"));
    t.write("backends.json.tftpl", "${jsonencode({\"backends\": [for addr in ip_addrs : \"${addr}:${port}\"]})}");
    CHECK(t.eval(R"(${templatefile("backends.json.tftpl", {port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"]})})") ==
          Value(R"({"backends":["10.0.0.1:8080","10.0.0.2:8080"]})"));
}

TEST_CASE("expr: templatefile sees only its vars, and functions") {
    TemplateDir t;
    t.write("greet.tmpl", "Hello, ${upper(name)}! $${literal} %{ if admin }(admin)%{ endif }");
    CHECK(t.eval(R"(${templatefile("greet.tmpl", {name = var.env, admin = true})})") == Value("Hello, DEV! ${literal} (admin)"));
    t.write("stack.tmpl", "${var.env}");
    auto d = t.failure(R"(${templatefile("stack.tmpl", {env = "x"})})");
    CHECK(d.summary == "the template refers to `var`, which is not in the vars");
    CHECK(d.location.to_string() == (t.dir / "stack.tmpl").string() + ":1:3");
    CHECK(d.detail == "in the template read by templatefile at stack.yaml:3:12");
    t.write("typo.tmpl", "line one\n  ${names}");
    d = t.failure(R"(${templatefile("typo.tmpl", {name = "x"})})");
    CHECK(d.location.to_string() == (t.dir / "typo.tmpl").string() + ":2:5");
    CHECK(d.detail == "did you mean `name`?\nin the template read by templatefile at stack.yaml:3:12");
}

TEST_CASE("expr: errors inside a template point into the file") {
    TemplateDir t;
    t.write("broken.tmpl", "first\nsecond ${ 1 + }\n");
    auto d = t.failure(R"(${templatefile("broken.tmpl", {})})");
    CHECK(d.summary == "expected an expression, found \"}\"");
    CHECK(d.location.to_string() == (t.dir / "broken.tmpl").string() + ":2:15");
    t.write("eval.tmpl", "%{ for x in items }\n${x + 1}%{ endfor }");
    d = t.failure(R"(${templatefile("eval.tmpl", {items = ["a"]})})");
    CHECK(d.summary == "invalid operand: cannot convert \"a\" to a number");
    CHECK(d.location.to_string() == (t.dir / "eval.tmpl").string() + ":2:3");
    t.write("nested.tmpl", "${templatefile(\"nested.tmpl\", {})}");
    d = t.failure(R"(${templatefile("nested.tmpl", {})})");
    CHECK(d.summary == "templatefile: a template cannot call templatefile");
    CHECK(d.location.to_string() == (t.dir / "nested.tmpl").string() + ":1:3");
}

TEST_CASE("expr: templatefile argument errors point at the call") {
    TemplateDir t;
    t.write("a.tmpl", "a");
    auto d = t.failure(R"(x ${templatefile("missing.tmpl", {})})");
    CHECK(d.summary == "templatefile: no file exists at \"missing.tmpl\"");
    CHECK(where(d) == "3:14");
    CHECK(t.failure(R"(${templatefile("a.tmpl", ["x"])})").summary == "templatefile: argument 2 must be a map, got list");
    CHECK(t.failure(R"(${templatefile(["a.tmpl"], {})})").summary == "templatefile: argument 1 must be a string, got list");
    CHECK(t.failure(R"(${templatefile("a.tmpl", {"no good" = 1})})").summary ==
          "templatefile: \"no good\" cannot be a template variable: a name starts with a letter or `_` and holds "
          "only letters, digits, `_` and `-`");
    CHECK(t.failure(R"(${templatefile("a.tmpl")})").summary == "templatefile: expects 2 arguments, got 1");
    CHECK(t.failure(R"(${templatefile("a.tmpl", var.nope)})").summary == "unsupported attribute \"nope\"");
}

TEST_CASE("expr: templatefile with unknown and sensitive values") {
    TemplateDir t;
    t.write("v.tmpl", "value: ${v}\n");
    CHECK(t.eval(R"(${templatefile("v.tmpl", {v = var.pending})})").is_unknown());
    CHECK(t.eval(R"(${templatefile("v.tmpl", var.pending)})").is_unknown());
    CHECK(t.eval(R"(${templatefile(var.pending, {})})").is_unknown());
    Value secret = t.eval(R"(${templatefile("v.tmpl", {v = var.password})})");
    CHECK(secret == Value("value: hunter2\n"));
    CHECK(secret.is_sensitive());
}
