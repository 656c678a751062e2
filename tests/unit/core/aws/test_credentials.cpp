#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "core/aws/credentials.h"
#include "tests/unit/core/state/temp_dir.h"
#include "tests/unit/fake_environment.h"

using namespace plinth::aws;

using plinth::testing::environment_of;

namespace {

constexpr const char* k_file = R"(# shared credentials
[default]
aws_access_key_id = AKDEFAULT
aws_secret_access_key = secret-default

[ci]
aws_access_key_id=AKCI
aws_secret_access_key=secret-ci
aws_session_token = token-ci
)";

}  // namespace

TEST_CASE("credentials: settings come first, and need both keys") {
    auto found = resolve_credentials({"AK", "SK", "T", std::nullopt}, environment_of({{"AWS_ACCESS_KEY_ID", "env"}}));
    REQUIRE(found);
    CHECK(found->access_key == "AK");
    CHECK(found->session_token == "T");
    auto half = resolve_credentials({"AK", std::nullopt, std::nullopt, std::nullopt}, environment_of({}));
    REQUIRE_FALSE(half);
    CHECK(half.error().find("together") != std::string::npos);
}

TEST_CASE("credentials: the environment, then the shared file's AWS_PROFILE or default profile") {
    plinth::test::TempDir dir;
    auto file = dir.path() / "credentials";
    std::ofstream(file) << k_file;
    auto from_env = resolve_credentials({}, environment_of({{"AWS_ACCESS_KEY_ID", "AKENV"},
                                                            {"AWS_SECRET_ACCESS_KEY", "SKENV"},
                                                            {"AWS_SESSION_TOKEN", "TENV"}}));
    REQUIRE(from_env);
    CHECK(from_env->access_key == "AKENV");
    CHECK(from_env->session_token == "TENV");

    auto from_default = resolve_credentials({}, environment_of({{"AWS_SHARED_CREDENTIALS_FILE", file.string()}}));
    REQUIRE(from_default);
    CHECK(from_default->access_key == "AKDEFAULT");
    CHECK(from_default->session_token.empty());

    auto from_profile_env = resolve_credentials(
        {}, environment_of({{"AWS_SHARED_CREDENTIALS_FILE", file.string()}, {"AWS_PROFILE", "ci"}}));
    REQUIRE(from_profile_env);
    CHECK(from_profile_env->session_token == "token-ci");
}

TEST_CASE("credentials: a profile in settings reads the file even when the environment has keys") {
    plinth::test::TempDir dir;
    auto file = dir.path() / "credentials";
    std::ofstream(file) << k_file;
    auto found = resolve_credentials({std::nullopt, std::nullopt, std::nullopt, "ci"},
                                     environment_of({{"AWS_SHARED_CREDENTIALS_FILE", file.string()},
                                                     {"AWS_ACCESS_KEY_ID", "AKENV"},
                                                     {"AWS_SECRET_ACCESS_KEY", "SKENV"}}));
    REQUIRE(found);
    CHECK(found->access_key == "AKCI");
}

TEST_CASE("credentials: a missing profile, missing keys or a missing file say what was looked for") {
    CHECK(credentials_from_file_text(k_file, "prod", "creds").error() ==
          "no profile `prod` in the shared credentials file creds");
    CHECK(credentials_from_file_text("[x]\naws_access_key_id = A\n", "x", "creds").error().find("lacks") !=
          std::string::npos);
    auto none = resolve_credentials({}, environment_of({{"HOME", "/nonexistent-home"}}));
    REQUIRE_FALSE(none);
    CHECK(none.error().find("/nonexistent-home/.aws/credentials") != std::string::npos);
    CHECK(none.error().find("`default`") != std::string::npos);
}
