#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: %{ if } directives choose text") {
    CHECK(eval("%{ if var.flag }on%{ else }off%{ endif }") == Value("on"));
    CHECK(eval("%{ if !var.flag }on%{ else }off%{ endif }") == Value("off"));
    CHECK(eval("[%{ if var.env == \"prod\" }prod%{ endif }]") == Value("[]"));
    CHECK(eval("%{ if true }${var.replicas}%{ endif }") == Value("3"));  // always a string
    CHECK(eval("${\"%{ if var.flag }yes%{ endif }\"}") == Value("yes"));  // in quoted strings too
    CHECK(eval("%{ if var.flag }%{ if var.replicas > 5 }big%{ else }small%{ endif }%{ endif }") == Value("small"));
}

TEST_CASE("expr: %{ for } directives repeat text") {
    CHECK(eval("%{ for z in var.zones }<${z}>%{ endfor }") == Value("<a><b><c>"));
    CHECK(eval("%{ for i, z in var.zones }${i}=${z};%{ endfor }") == Value("0=a;1=b;2=c;"));
    CHECK(eval("%{ for k, v in var.tags }${k}:${v} %{ endfor }") == Value("owner:ops team:infra "));
    CHECK(eval("%{ for z in [] }x%{ endfor }") == Value(""));
    CHECK(eval("%{ for z in var.zones }%{ if z != \"b\" }${z}%{ endif }%{ endfor }") == Value("ac"));
}

TEST_CASE("expr: ~ strips the whitespace beside it") {
    CHECK(eval("a   ${~ var.env ~}   b") == Value("adevb"));
    CHECK(eval("%{ for z in var.zones ~}\n  ${z}\n%{ endfor ~}\n") == Value("a\nb\nc\n"));  // indentation too
    CHECK(eval("x \n%{~ if true ~} \n y %{~ endif ~} z") == Value("xyz"));
}

TEST_CASE("expr: %%{ is a literal %{") {
    CHECK(eval("100%%{ if }") == Value("100%{ if }"));
    CHECK(eval("100% sure") == Value("100% sure"));
}

TEST_CASE("expr: directives with unknown or sensitive values") {
    CHECK(eval("%{ if var.pending }a%{ endif }").is_unknown());
    CHECK(eval("%{ for z in var.pending }a%{ endfor }").is_unknown());
    CHECK(eval("%{ for z in [var.pending, 1] }${z}%{ endfor }").is_unknown());
    CHECK(eval("%{ for z in [var.password] }${z}%{ endfor }").is_sensitive());
}

TEST_CASE("expr: directive errors point at the directive") {
    auto d = parse_failure("a %{ if true }b");
    CHECK(d.summary == "unterminated %{ if }: missing %{ endif }");
    CHECK(where(d) == "3:12");
    d = parse_failure("%{ for x in [] }b%{ endif }");
    CHECK(d.summary == "%{ endif } where %{ endfor } was expected");
    CHECK(where(d) == "3:27");
    d = parse_failure("a %{ endfor }");
    CHECK(d.summary == "%{ endfor } without a matching %{ for }");
    CHECK(where(d) == "3:12");
    d = parse_failure("%{ while x }");
    CHECK(d.summary == "expected if, for, else, endif or endfor after \"%{\", found identifier \"while\"");
    CHECK(where(d) == "3:13");
    CHECK(parse_failure("%{ if true").summary == "unterminated directive: missing \"}\" after \"%{\"");
    CHECK(parse_failure("%{ if true }a%{ else }b%{ else }c%{ endif }").summary ==
          "%{ else } where %{ endif } was expected");
    CHECK(parse_failure("%{ for in x }%{ endfor }").summary == "expected \"in\", found identifier \"x\"");
    auto e = eval_failure("%{ if 3 }a%{ endif }");
    CHECK(e.summary == "the condition must be a bool, got number");
    CHECK(where(e) == "3:16");
}
