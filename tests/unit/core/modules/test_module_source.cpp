#include <catch2/catch.hpp>

#include "core/modules/module_source.h"

using namespace plinth;
using Kind = ModuleSource::Kind;

namespace {

ModuleSource parsed(std::string_view text) {
    auto source = parse_module_source(text);
    INFO(text);
    REQUIRE(source);
    return *source;
}

std::string source_error_of(std::string_view text) {
    auto source = parse_module_source(text);
    INFO(text);
    REQUIRE_FALSE(source);
    return source.error();
}

}  // namespace

TEST_CASE("module_source: local paths are kept as written") {
    ModuleSource net = parsed("./net");
    CHECK(net.kind == Kind::Local);
    CHECK(net.url == "./net");
    CHECK(net.subdir.empty());
    CHECK(parsed("../shared/net").url == "../shared/net");
    CHECK(parsed("../shared/net").kind == Kind::Local);
}

TEST_CASE("module_source: git over https with a subdirectory and a ref") {
    ModuleSource source = parsed("git::https://host/org/repo.git//modules/net?ref=v1.2.0");
    CHECK(source.kind == Kind::Git);
    CHECK(source.url == "https://host/org/repo.git");
    CHECK(source.subdir == "modules/net");
    CHECK(source.ref == "v1.2.0");
}

TEST_CASE("module_source: git over file, ssh and scp-like addresses") {
    ModuleSource file = parsed("git::file:///abs/repo");
    CHECK(file.kind == Kind::Git);
    CHECK(file.url == "file:///abs/repo");
    CHECK(file.subdir.empty());
    CHECK(file.ref.empty());

    ModuleSource with_subdir = parsed("git::file:///abs/repo//net/?ref=main");
    CHECK(with_subdir.url == "file:///abs/repo");
    CHECK(with_subdir.subdir == "net");
    CHECK(with_subdir.ref == "main");

    CHECK(parsed("git::ssh://git@host/org/repo.git").url == "ssh://git@host/org/repo.git");
    ModuleSource scp = parsed("git::git@host:org/repo.git//sub");
    CHECK(scp.url == "git@host:org/repo.git");
    CHECK(scp.subdir == "sub");
}

TEST_CASE("module_source: archives over http(s), with subdirectory and query") {
    ModuleSource site = parsed("https://host/site.tar.gz//templates/site");
    CHECK(site.kind == Kind::Archive);
    CHECK(site.url == "https://host/site.tar.gz");
    CHECK(site.subdir == "templates/site");
    CHECK(site.ref.empty());
    for (std::string_view url : {"http://127.0.0.1:8080/a.tgz", "https://h/a.tar.bz2", "https://h/a.tar.xz",
                                 "https://h/dir/a.zip"})
        CHECK(parsed(url).url == url);
    ModuleSource signed_url = parsed("https://host/site.zip//net?token=abc");
    CHECK(signed_url.url == "https://host/site.zip?token=abc");
    CHECK(signed_url.subdir == "net");
}

TEST_CASE("module_source: other forms are refused with the forms that exist") {
    for (std::string_view text : {"net", "/abs/net", "hashicorp/consul/aws", "s3::https://bucket/x.zip",
                                  "github.com/org/repo"}) {
        std::string message = source_error_of(text);
        CHECK_THAT(message, Catch::Contains("./net"));
        CHECK_THAT(message, Catch::Contains("git::https://"));
        CHECK_THAT(message, Catch::Contains(".tar.gz"));
    }
    CHECK_THAT(source_error_of(""), Catch::Contains("empty module source"));
    CHECK_THAT(source_error_of("https://host/org/repo.git"), Catch::Contains("git::https://"));
    CHECK_THAT(source_error_of("git::ftp://host/repo"), Catch::Contains("https://, http://, ssh:// or file://"));
    CHECK_THAT(source_error_of("git::https://host/repo.git?depth=1"), Catch::Contains("`?ref=`"));
    CHECK_THAT(source_error_of("git::https://host/repo.git?ref="), Catch::Contains("tag, branch or commit"));
    CHECK_THAT(source_error_of("git::https://host/repo.git?ref=--upload-pack=x"),
               Catch::Contains("tag, branch or commit"));
    CHECK_THAT(source_error_of("git::https://host/repo.git//../../etc"), Catch::Contains("\"..\""));
    CHECK_THAT(source_error_of("https://host/a.tar.gz//x/../../y"), Catch::Contains("\"..\""));
    CHECK_THAT(source_error_of("git::https://"), Catch::Contains("empty"));
}
