#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/backends/s3/s3_settings.h"

using namespace plinth;
using namespace plinth::backends;

namespace {

BackendDecl decl_of(std::map<std::string, std::string> settings) {
    BackendDecl decl;
    decl.type = "s3";
    decl.location = {"stack.yaml", 3, 1};
    int line = 4;
    for (auto& [name, text] : settings) decl.settings[name] = BackendSetting{text, {"stack.yaml", line++, 3}};
    return decl;
}

std::map<std::string, std::string> minimal() {
    return {{"bucket", "states"}, {"key", "app/state.json"}, {"region", "eu-west-1"}, {"dynamodb_table", "locks"}};
}

}  // namespace

TEST_CASE("s3_settings: Terraform's names and defaults") {
    auto settings = minimal();
    settings["endpoint"] = "http://127.0.0.1:9000";
    settings["force_path_style"] = "true";
    auto read = read_s3_settings(decl_of(settings));
    REQUIRE(read);
    CHECK(read->bucket == "states");
    CHECK(read->s3.endpoint == "http://127.0.0.1:9000");
    CHECK(read->s3.path_style);
    CHECK(read->workspace_key_prefix == "env:");
    CHECK_FALSE(read->use_lockfile);
    CHECK_FALSE(read->credentials.access_key);
}

TEST_CASE("s3_settings: workspace keys are PREFIX/W/KEY, default's is KEY, and back") {
    auto read = read_s3_settings(decl_of(minimal()));
    REQUIRE(read);
    CHECK(state_key(*read, "default") == "app/state.json");
    CHECK(state_key(*read, "dev") == "env:/dev/app/state.json");
    CHECK(workspace_of_key(*read, "env:/dev/app/state.json") == "dev");
    CHECK(workspace_of_key(*read, "app/state.json") == "default");
    CHECK_FALSE(workspace_of_key(*read, "env:/dev/other.json"));
    CHECK_FALSE(workspace_of_key(*read, "env:/a/b/app/state.json"));
    CHECK_FALSE(workspace_of_key(*read, "env://app/state.json"));
}

TEST_CASE("s3_settings: errors point at the setting or the block") {
    auto unknown = minimal();
    unknown["buckett"] = "x";
    auto read = read_s3_settings(decl_of(unknown));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == "unknown setting `buckett` for the s3 backend");

    auto bad_key = minimal();
    bad_key["key"] = "/state.json";
    read = read_s3_settings(decl_of(bad_key));
    REQUIRE_FALSE(read);
    CHECK(read.error().location.line >= 4);

    auto no_lock = minimal();
    no_lock.erase("dynamodb_table");
    read = read_s3_settings(decl_of(no_lock));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == "the s3 backend needs a lock");
    CHECK(read.error().location.line == 3);

    auto both = minimal();
    both["use_lockfile"] = "true";
    read = read_s3_settings(decl_of(both));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary.find("not both") != std::string::npos);

    auto flag = minimal();
    flag["use_path_style"] = "maybe";
    read = read_s3_settings(decl_of(flag));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary.find("true or false") != std::string::npos);
}

TEST_CASE("s3_settings: a missing bucket is named, region falls back to AWS_REGION") {
    auto settings = minimal();
    settings.erase("bucket");
    auto read = read_s3_settings(decl_of(settings));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == "the s3 backend needs `bucket`");

    auto no_region = minimal();
    no_region.erase("region");
    ::setenv("AWS_REGION", "ap-south-1", 1);
    read = read_s3_settings(decl_of(no_region));
    ::unsetenv("AWS_REGION");
    REQUIRE(read);
    CHECK(read->region == "ap-south-1");
}
