#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("encryption decl: a passphrase key provider and an env fallback") {
    auto stack = load_one(R"(stack: demo
variables:
  state_passphrase: { type: string, sensitive: true }
encryption:
  key_provider:
    type: pbkdf2
    passphrase: ${var.state_passphrase}
  fallback: { type: env, variable: PLINTH_OLD_KEY }
)");
    REQUIRE(stack);
    REQUIRE(stack->encryption);
    const EncryptionDecl& encryption = *stack->encryption;
    CHECK(encryption.location.to_string() == "main.yaml:4:1");
    CHECK(encryption.key_provider.type == "pbkdf2");
    CHECK(encryption.key_provider.location.to_string() == "main.yaml:5:3");
    CHECK(evaluate_with(encryption.key_provider.passphrase, {{"state_passphrase", Value("p")}}) == Value("p"));
    REQUIRE(encryption.fallback);
    CHECK(encryption.fallback->type == "env");
    CHECK(encryption.fallback->variable == "PLINTH_OLD_KEY");
    CHECK_FALSE(encryption.fallback->passphrase);
}

TEST_CASE("encryption decl: no block, no encryption") {
    auto stack = load_one("stack: demo\n");
    REQUIRE(stack);
    CHECK_FALSE(stack->encryption);
}

TEST_CASE("encryption decl: mistakes point at the offending line") {
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provder: { type: env, variable: K }\n")) ==
          std::vector<std::string>{"main.yaml:3:3: unknown key `key_provder` in `encryption`"});
    CHECK(errors_of(load_one("stack: d\nencryption: {}\n")) ==
          std::vector<std::string>{"main.yaml:2:1: `encryption` needs a `key_provider`"});
    CHECK(errors_of(load_one("stack: d\nencryption: [1]\n")) ==
          std::vector<std::string>{"main.yaml:2:1: `encryption` must be a mapping, not a list"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { passphrase: abc }\n")) ==
          std::vector<std::string>{"main.yaml:3:3: `encryption.key_provider` needs a `type`"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { type: pbkdf3, passphrase: abc }\n")) ==
          std::vector<std::string>{"main.yaml:3:25: unknown key provider type `pbkdf3`"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { type: pbkdf2 }\n")) ==
          std::vector<std::string>{"main.yaml:3:3: key provider `pbkdf2` of `encryption.key_provider` needs `passphrase`"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  fallback: { type: env }\n  key_provider: { type: env, variable: K }\n")) ==
          std::vector<std::string>{"main.yaml:3:3: key provider `env` of `encryption.fallback` needs `variable`"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { type: env, variable: K, passphrase: x }\n")) ==
          std::vector<std::string>{"main.yaml:3:43: `passphrase` is not a setting of key provider `env`"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { type: pbkdf2, passphrase: [a] }\n")) ==
          std::vector<std::string>{"main.yaml:3:45: `passphrase` of `encryption.key_provider` must be a string, not a list"});
    CHECK(errors_of(load_one("stack: d\nencryption:\n  key_provider: { type: pbkdf2, passphrase: \"${var.nope}\" }\n")) ==
          std::vector<std::string>{"main.yaml:3:48: reference to undeclared variable `nope`"});
}

TEST_CASE("encryption decl: a passphrase may not use resources") {
    auto errors = errors_of(load_one(R"(stack: d
resources:
  r: { type: random_password, properties: { length: 20 } }
encryption:
  key_provider: { type: pbkdf2, passphrase: "${r.result}" }
)"));
    CHECK(errors == std::vector<std::string>{"main.yaml:5:48: `r.result` cannot be used in an encryption passphrase"});
}

TEST_CASE("encryption decl: given once, and only in the root stack") {
    auto twice = load_files({{"a.yaml", "stack: d\nencryption: { key_provider: { type: env, variable: K } }\n"},
                             {"b.yaml", "encryption: { key_provider: { type: env, variable: K } }\n"}});
    CHECK(errors_of(twice) == std::vector<std::string>{"b.yaml:1:1: `encryption` is given twice"});

    auto module = load_stack_from_files("", {{"main.yaml", "encryption: { key_provider: { type: env, variable: K } }\n"}},
                                        StackRole::Module);
    CHECK(errors_of(module) == std::vector<std::string>{"main.yaml:1:1: a module cannot configure `encryption`"});
}
