#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/backends/http/http_backend_config.h"

using namespace plinth;
using namespace plinth::backends;

namespace {

// A `backend: { type: http, ... }` block whose setting NAME sits on line N (in the order given).
BackendDecl block(std::initializer_list<std::pair<const char*, const char*>> settings) {
    BackendDecl decl{"http", {}, SourceLocation{"main.yaml", 2, 1}};
    int line = 3;
    for (auto [name, text] : settings) decl.settings.emplace(name, BackendSetting{text, {"main.yaml", line++, 3}});
    return decl;
}

Diagnostic error_of(const BackendDecl& decl) {
    auto config = read_http_backend_config(decl);
    REQUIRE_FALSE(config);
    return config.error();
}

// Sets an environment variable for one test.
struct ScopedVariable {
    ScopedVariable(const char* name, const char* value) : m_name(name) { ::setenv(name, value, 1); }
    ~ScopedVariable() { ::unsetenv(m_name); }
    const char* m_name;
};

}  // namespace

TEST_CASE("http_backend_config: Terraform's defaults") {
    auto config = read_http_backend_config(block({{"address", "http://127.0.0.1:1/state/app"}}));
    REQUIRE(config);
    CHECK(config->address == "http://127.0.0.1:1/state/app");
    CHECK(config->update_method == "POST");
    CHECK(config->lock_address.empty());
    CHECK(config->lock_method == "LOCK");
    CHECK(config->unlock_method == "UNLOCK");
    CHECK_FALSE(config->basic_auth);
    CHECK_FALSE(config->skip_cert_verification);
    CHECK(config->retry.retries == 2);
    CHECK(config->retry.min_delay == std::chrono::seconds{1});
    CHECK(config->retry.max_delay == std::chrono::seconds{30});
    CHECK(config->retry.retry_non_idempotent);
    CHECK(config->location.to_string() == "main.yaml:2:1");
}

TEST_CASE("http_backend_config: every setting is read") {
    auto config = read_http_backend_config(block({{"address", "https://gitlab.example/api/v4/projects/1/terraform/state/app"},
                                                  {"update_method", "PUT"},
                                                  {"lock_address", "https://gitlab.example/lock"},
                                                  {"lock_method", "POST"},
                                                  {"unlock_address", "https://gitlab.example/lock"},
                                                  {"unlock_method", "DELETE"},
                                                  {"username", "ci"},
                                                  {"password", "secret"},
                                                  {"skip_cert_verification", "true"},
                                                  {"retry_max", "0"},
                                                  {"retry_wait_min", "2"},
                                                  {"retry_wait_max", "5"}}));
    REQUIRE(config);
    CHECK(config->update_method == "PUT");
    CHECK(config->lock_address == "https://gitlab.example/lock");
    CHECK(config->lock_method == "POST");
    CHECK(config->unlock_method == "DELETE");
    REQUIRE(config->basic_auth);
    CHECK(config->basic_auth->username == "ci");
    CHECK(config->basic_auth->password == "secret");
    CHECK(config->skip_cert_verification);
    CHECK(config->retry.retries == 0);
    CHECK(config->retry.min_delay == std::chrono::seconds{2});
    CHECK(config->retry.max_delay == std::chrono::seconds{5});
}

TEST_CASE("http_backend_config: environment fallbacks, PLINTH_HTTP_ before TF_HTTP_") {
    ScopedVariable terraform_address("TF_HTTP_ADDRESS", "http://127.0.0.1:1/tf");
    ScopedVariable terraform_password("TF_HTTP_PASSWORD", "from-terraform");
    ScopedVariable plinth_password("PLINTH_HTTP_PASSWORD", "from-plinth");
    ScopedVariable username("PLINTH_HTTP_USERNAME", "ci");
    auto config = read_http_backend_config(block({}));
    REQUIRE(config);
    CHECK(config->address == "http://127.0.0.1:1/tf");
    REQUIRE(config->basic_auth);
    CHECK(config->basic_auth->password == "from-plinth");
}

TEST_CASE("http_backend_config: errors point at the setting") {
    auto missing = error_of(block({}));
    CHECK(missing.summary == "the http backend needs `address`");
    CHECK(missing.detail.find("PLINTH_HTTP_ADDRESS") != std::string::npos);
    CHECK(missing.detail.find("TF_HTTP_ADDRESS") != std::string::npos);

    auto unknown = error_of(block({{"address", "http://x"}, {"lock_adress", "http://x"}}));
    CHECK(unknown.summary == "unknown setting `lock_adress` for the http backend");
    CHECK(unknown.location.to_string() == "main.yaml:4:3");

    auto scheme = error_of(block({{"address", "http://x"}, {"lock_address", "ftp://x"}, {"unlock_address", "http://x"}}));
    CHECK(scheme.summary == "backend setting `lock_address` must be an http:// or https:// URL, not `ftp://x`");
    CHECK(scheme.location.to_string() == "main.yaml:4:3");

    auto method = error_of(block({{"address", "http://x"}, {"lock_method", "LO CK"}}));
    CHECK(method.summary == "backend setting `lock_method` must be an HTTP method such as LOCK, not `LO CK`");
    CHECK(method.location.to_string() == "main.yaml:4:3");

    auto waits = error_of(block({{"address", "http://x"}, {"retry_wait_min", "9"}, {"retry_wait_max", "3"}}));
    CHECK(waits.summary == "backend setting `retry_wait_max` (3) is less than `retry_wait_min` (9)");
    CHECK(waits.location.to_string() == "main.yaml:5:3");

    CHECK(error_of(block({{"address", "http://x"}, {"retry_max", "-1"}})).summary ==
          "backend setting `retry_max` must be a whole number from 0 to 100, not `-1`");
    CHECK(error_of(block({{"address", "http://x"}, {"password", "p"}})).summary ==
          "the http backend has a `password` but no `username`");
}

TEST_CASE("http_backend_config: a lock needs an unlock address") {
    auto error = error_of(block({{"address", "http://x"}, {"lock_address", "http://x/lock"}}));
    CHECK(error.summary == "the http backend has `lock_address` but no `unlock_address`");
    CHECK(error.location.to_string() == "main.yaml:4:3");
}

TEST_CASE("http_backend_config: the lock ID joins the update URL's query") {
    CHECK(url_with_lock_id("http://h/state/app", "1a-2b") == "http://h/state/app?ID=1a-2b");
    CHECK(url_with_lock_id("http://h/state?name=app", "id") == "http://h/state?name=app&ID=id");
    CHECK(url_with_lock_id("http://h/state?", "id") == "http://h/state?ID=id");
    CHECK(url_with_lock_id("http://h/state#top", "a b/c") == "http://h/state?ID=a%20b%2Fc#top");
}

TEST_CASE("http_backend_config: {workspace} gives every workspace its own addresses") {
    auto config = read_http_backend_config(block({{"address", "http://127.0.0.1:1/state/app-{workspace}"},
                                                  {"lock_address", "http://127.0.0.1:1/lock/{workspace}/{workspace}"},
                                                  {"unlock_address", "http://127.0.0.1:1/lock/{workspace}/{workspace}"},
                                                  {"workspaces_address", "http://127.0.0.1:1/states"}}));
    REQUIRE(config);
    CHECK(config->per_workspace());
    CHECK(config->workspaces_address == "http://127.0.0.1:1/states");
    auto staging = config_for_workspace(*config, "staging");
    CHECK(staging.address == "http://127.0.0.1:1/state/app-staging");
    CHECK(staging.lock_address == "http://127.0.0.1:1/lock/staging/staging");
    CHECK(staging.unlock_address == "http://127.0.0.1:1/lock/staging/staging");
    CHECK(config_for_workspace(*config, "default").address == "http://127.0.0.1:1/state/app-default");

    auto fixed = read_http_backend_config(block({{"address", "http://127.0.0.1:1/state/app"}}));
    REQUIRE(fixed);
    CHECK_FALSE(fixed->per_workspace());
}

TEST_CASE("http_backend_config: the placeholder in every address or none") {
    Diagnostic unlocked_per_workspace = error_of(block({{"address", "http://127.0.0.1:1/state/{workspace}"},
                                                        {"lock_address", "http://127.0.0.1:1/lock/app"},
                                                        {"unlock_address", "http://127.0.0.1:1/lock/app"}}));
    CHECK(unlocked_per_workspace.summary == "backend setting `lock_address` needs `{workspace}` as `address` has it");
    CHECK(unlocked_per_workspace.location.to_string() == "main.yaml:4:3");

    Diagnostic lock_only = error_of(block({{"address", "http://127.0.0.1:1/state/app"},
                                           {"lock_address", "http://127.0.0.1:1/lock/{workspace}"},
                                           {"unlock_address", "http://127.0.0.1:1/lock/{workspace}"}}));
    CHECK(lock_only.summary == "backend setting `lock_address` holds `{workspace}` but `address` does not");

    Diagnostic pointless_list = error_of(block({{"address", "http://127.0.0.1:1/state/app"},
                                                {"workspaces_address", "http://127.0.0.1:1/states"}}));
    CHECK(pointless_list.summary == "backend setting `workspaces_address` needs per-workspace addresses");
    CHECK(pointless_list.location.to_string() == "main.yaml:4:3");

    Diagnostic not_a_url = error_of(block({{"address", "http://127.0.0.1:1/state/{workspace}"},
                                           {"workspaces_address", "ftp://127.0.0.1/states"}}));
    CHECK(not_a_url.summary == "backend setting `workspaces_address` must be an http:// or https:// URL, not "
                               "`ftp://127.0.0.1/states`");
}
