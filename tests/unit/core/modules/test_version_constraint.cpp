#include <catch2/catch.hpp>

#include "core/modules/version_constraint.h"

using namespace plinth;

namespace {

SemVer version(std::string_view text) {
    auto parsed = parse_semver(text);
    INFO(text);
    REQUIRE(parsed);
    return *parsed;
}

bool allows(std::string_view constraint, std::string_view candidate) {
    auto parsed = VersionConstraint::parse(constraint);
    INFO(constraint);
    REQUIRE(parsed);
    return parsed->allows(version(candidate));
}

}  // namespace

TEST_CASE("version_constraint: versions parse with an optional v, prerelease and build") {
    SemVer plain = version("1.2.3");
    CHECK(plain.major == 1);
    CHECK(plain.minor == 2);
    CHECK(plain.patch == 3);
    CHECK(plain.prerelease.empty());
    CHECK(version("v10.0.7") == SemVer{10, 0, 7, ""});
    CHECK(version("1.2.3-rc.1+build.5") == SemVer{1, 2, 3, "rc.1"});
    for (std::string_view bad : {"1.2", "1", "1.2.3.4", "v", "1.x.0", "release-1", "1.2.3-", "", "1..3"})
        CHECK_FALSE(parse_semver(bad));
}

TEST_CASE("version_constraint: precedence follows semantic versioning") {
    CHECK(version("1.2.3") < version("1.10.0"));
    CHECK(version("2.0.0") > version("1.99.99"));
    CHECK(version("1.0.0-alpha") < version("1.0.0"));
    CHECK(version("1.0.0-alpha") < version("1.0.0-alpha.1"));
    CHECK(version("1.0.0-alpha.1") < version("1.0.0-alpha.beta"));
    CHECK(version("1.0.0-beta.2") < version("1.0.0-beta.11"));
    CHECK(version("1.0.0-rc.1") < version("1.0.0"));
}

TEST_CASE("version_constraint: each operator") {
    CHECK(allows("1.2.0", "1.2.0"));
    CHECK_FALSE(allows("1.2.0", "1.2.1"));
    CHECK(allows("= 1.2.0", "1.2.0"));
    CHECK(allows("!= 1.2.0", "1.2.1"));
    CHECK_FALSE(allows("!= 1.2.0", "1.2.0"));
    CHECK(allows("> 1.2", "1.2.1"));
    CHECK_FALSE(allows(">1.2", "1.2.0"));
    CHECK(allows(">= 1.2", "1.2.0"));
    CHECK(allows("< 2", "1.99.0"));
    CHECK_FALSE(allows("< 2", "2.0.0"));
    CHECK(allows("<= 2.0.0", "2.0.0"));
    CHECK(allows(">= 1.2, < 2", "1.9.9"));
    CHECK_FALSE(allows(">= 1.2, < 2", "2.0.0"));
    CHECK_FALSE(allows(">= 1.2, < 2", "1.1.9"));
}

TEST_CASE("version_constraint: ~> keeps every written number but the last") {
    CHECK(allows("~> 1.2", "1.2.0"));
    CHECK(allows("~> 1.2", "1.9.3"));
    CHECK_FALSE(allows("~> 1.2", "2.0.0"));
    CHECK_FALSE(allows("~> 1.2", "1.1.9"));
    CHECK(allows("~> 1.2.0", "1.2.7"));
    CHECK_FALSE(allows("~> 1.2.0", "1.3.0"));
    CHECK_FALSE(allows("~> 1.2.3", "1.2.2"));
    CHECK(allows("~> 1", "3.0.0"));
}

TEST_CASE("version_constraint: prereleases only when a term names one of the same release") {
    CHECK_FALSE(allows(">= 1.0", "2.0.0-rc.1"));
    CHECK(allows("2.0.0-rc.1", "2.0.0-rc.1"));
    CHECK(allows(">= 2.0.0-rc.1", "2.0.0-rc.2"));
    CHECK_FALSE(allows(">= 2.0.0-rc.1", "2.1.0-rc.1"));
}

TEST_CASE("version_constraint: bad constraints say what is expected") {
    for (std::string_view bad : {"", ">=", "latest", ">= 1.2,", "=> 1.0", "1.2.3.4", "~> 1.x"}) {
        auto parsed = VersionConstraint::parse(bad);
        INFO(bad);
        REQUIRE_FALSE(parsed);
        CHECK_THAT(parsed.error(), Catch::Contains("invalid version constraint"));
        CHECK_THAT(parsed.error(), Catch::Contains("~>"));
    }
}

TEST_CASE("version_constraint: the highest allowed tag, skipping tags that are not versions") {
    auto constraint = VersionConstraint::parse(">= 1.0, < 2").value();
    std::vector<std::string> tags{"v1.0.0", "v1.10.0", "v1.9.0", "v2.0.0", "latest", "1.11.0-rc.1", "1.2.0"};
    CHECK(highest_allowed_tag(tags, constraint) == "v1.10.0");
    CHECK_FALSE(highest_allowed_tag(tags, VersionConstraint::parse("> 5").value()));
    CHECK(highest_allowed_tag(tags, VersionConstraint::parse("~> 1.2.0").value()) == "1.2.0");
}
