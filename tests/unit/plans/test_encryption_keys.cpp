#include <catch2/catch.hpp>

#include <map>

#include "core/digest.h"
#include "core/stack/loader.h"
#include "plans/encryption_keys.h"
#include "test_stack.h"
#include "tests/unit/fake_environment.h"

using plinth::testing::environment_of;

using plinth::testing::load_test_stack;

using namespace plinth;
using namespace plinth::plans;

namespace {

// "file:line:column: summary" of the only error.
std::string error_of(const std::expected<std::shared_ptr<const StateCodec>, Diagnostics>& codec) {
    REQUIRE_FALSE(codec);
    REQUIRE(codec.error().size() == 1);
    return codec.error()[0].location.to_string() + ": " + codec.error()[0].summary;
}

const std::string k_passphrase_stack = R"(variables:
  state_passphrase: { type: string, sensitive: true }
locals:
  passphrase: "${var.state_passphrase}-${plinth.workspace}"
encryption:
  key_provider: { type: pbkdf2, passphrase: "${local.passphrase}" }
)";

const std::string k_env_stack = R"(encryption:
  key_provider: { type: env, variable: PLINTH_STATE_KEY }
)";

}  // namespace

TEST_CASE("encryption keys: no `encryption:` block, no keys") {
    auto codec = make_state_codec(load_test_stack(""), {}, "default");
    REQUIRE(codec);
    CHECK_FALSE((*codec)->encrypts());
}

TEST_CASE("encryption keys: a passphrase from variables and locals") {
    Stack stack = load_test_stack(k_passphrase_stack);
    auto codec = make_state_codec(stack, {{"state_passphrase", Value("correct horse battery")}}, "default");
    REQUIRE(codec);
    REQUIRE((*codec)->encrypts());
    std::string envelope = (*codec)->encode("secret");

    // The passphrase is "correct horse battery-default": the workspace is part of it here.
    auto same = make_state_codec(stack, {{"state_passphrase", Value("correct horse battery")}}, "default");
    CHECK((*same)->decode(envelope, "f").value() == "secret");
    auto other_workspace = make_state_codec(stack, {{"state_passphrase", Value("correct horse battery")}}, "prod");
    CHECK_FALSE((*other_workspace)->decode(envelope, "f"));
}

TEST_CASE("encryption keys: a passphrase must be known, a string, and long enough") {
    Stack stack = load_test_stack(k_passphrase_stack);
    CHECK(error_of(make_state_codec(stack, {{"state_passphrase", Value::unknown()}}, "default")) ==
          "stack.yaml:7:48: the passphrase of `encryption.key_provider` is not known");
    CHECK(error_of(make_state_codec(stack, {{"state_passphrase", Value("short")}}, "default")) ==
          "stack.yaml:7:48: the passphrase of `encryption.key_provider` is too short");
    Stack number = load_test_stack("encryption:\n  key_provider: { type: pbkdf2, passphrase: \"${12345678901234567}\" }\n");
    CHECK(error_of(make_state_codec(number, {}, "default")) ==
          "stack.yaml:3:48: the passphrase of `encryption.key_provider` must be a string");
}

TEST_CASE("encryption keys: an env key in hex or base64") {
    Stack stack = load_test_stack(k_env_stack);
    std::string key = random_bytes(32);
    std::string hex;
    for (unsigned char c : key) hex += fmt::format("{:02X}", c);
    auto from_hex = make_state_codec(stack, {}, "default", environment_of({{"PLINTH_STATE_KEY", hex}}));
    auto from_base64 =
        make_state_codec(stack, {}, "default", environment_of({{"PLINTH_STATE_KEY", base64_encode(key)}}));
    REQUIRE(from_hex);
    REQUIRE(from_base64);
    CHECK((*from_base64)->decode((*from_hex)->encode("secret"), "f").value() == "secret");
}

TEST_CASE("encryption keys: a missing or malformed env key is an error that does not show it") {
    Stack stack = load_test_stack(k_env_stack);
    CHECK(error_of(make_state_codec(stack, {}, "default", environment_of({}))) ==
          "stack.yaml:3:3: environment variable PLINTH_STATE_KEY (the key of `encryption.key_provider`) is not set");
    auto short_key = make_state_codec(stack, {}, "default",
                                      environment_of({{"PLINTH_STATE_KEY", base64_encode("sixteen byte key")}}));
    CHECK(error_of(short_key) == "stack.yaml:3:3: environment variable PLINTH_STATE_KEY (the key of "
                                 "`encryption.key_provider`) does not hold a 32-byte key");
    CHECK(short_key.error()[0].detail.find(base64_encode("sixteen byte key")) == std::string::npos);
}

TEST_CASE("encryption keys: the fallback reads what the old key wrote") {
    std::string old_key = base64_encode(random_bytes(32));
    auto before = make_state_codec(load_test_stack(k_env_stack), {}, "default",
                                   environment_of({{"PLINTH_STATE_KEY", old_key}}));
    std::string old_file = (*before)->encode("state");

    Stack rotated = load_test_stack(R"(encryption:
  key_provider: { type: env, variable: PLINTH_STATE_KEY }
  fallback: { type: env, variable: PLINTH_OLD_KEY }
)");
    auto after = make_state_codec(rotated, {}, "default",
                                  environment_of({{"PLINTH_STATE_KEY", base64_encode(random_bytes(32))},
                                               {"PLINTH_OLD_KEY", old_key}}));
    REQUIRE(after);
    CHECK((*after)->decode(old_file, "f").value() == "state");
    CHECK_FALSE((*before)->decode((*after)->encode("state"), "f"));
}
