#include <catch2/catch.hpp>

#include <atomic>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "core/digest.h"
#include "providers/local/local_provider.h"
#include "temp_dir.h"

using namespace plinth;
using namespace plinth::providers;
using plinth::testing::slurp;
using plinth::testing::spit;
using plinth::testing::TempDir;

namespace {

Value created(Provider& provider, const Value& desired) {
    auto plan = provider.plan("local_file", nullptr, desired);
    REQUIRE(plan);
    auto result = provider.create("local_file", plan->planned);
    REQUIRE(result);
    return *result;
}

mode_t mode_of(const std::string& path) {
    struct stat info{};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

std::string text(const Value& attributes, std::string_view name) { return attributes.find(name)->as_string(); }

}  // namespace

TEST_CASE("local_file: plan knows the digests when content is known") {
    auto provider = make_local_provider();
    auto plan = provider->plan("local_file", nullptr, Value(ValueMap{{"filename", "x.txt"}, {"content", "hi"}}));
    REQUIRE(plan);
    CHECK(text(plan->planned, "id") == sha1_hex("hi"));
    CHECK(text(plan->planned, "content_md5") == md5_hex("hi"));
    CHECK(text(plan->planned, "content_sha256") == sha256_hex("hi"));
    CHECK(text(plan->planned, "file_permission") == "0644");
    CHECK(text(plan->planned, "directory_permission") == "0755");

    auto unknown = provider->plan("local_file", nullptr,
                                  Value(ValueMap{{"filename", "x.txt"}, {"content", Value::unknown()}}));
    REQUIRE(unknown);
    CHECK(unknown->planned.find("id")->is_unknown());
    CHECK(unknown->planned.find("content_sha256")->is_unknown());
}

TEST_CASE("local_file: create writes the file with its permission, leaving no temp file") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("hello.txt");
    Value state = created(*provider, Value(ValueMap{{"filename", path}, {"content", "Hello\n"}}));
    CHECK(slurp(path) == "Hello\n");
    CHECK(mode_of(path) == 0644);
    CHECK(text(state, "id") == sha1_hex("Hello\n"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("local_file: create makes missing parent directories with directory_permission") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("a/b/c.txt");
    created(*provider, Value(ValueMap{{"filename", path}, {"content", "x"}, {"file_permission", "0600"},
                                      {"directory_permission", "0700"}}));
    CHECK(slurp(path) == "x");
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(dir.file("a")) == 0700);
    CHECK(mode_of(dir.file("a/b")) == 0700);
}

TEST_CASE("local_file: a failed write leaves nothing behind") {
    TempDir dir;
    auto provider = make_local_provider();
    spit(dir.file("blocker"), "a file, not a directory");
    auto plan = provider->plan("local_file", nullptr, Value(ValueMap{{"filename", dir.file("blocker/x.txt")}, {"content", "x"}}));
    REQUIRE(plan);
    auto result = provider->create("local_file", plan->planned);
    REQUIRE_FALSE(result);
    CHECK(result.error().attribute == "filename");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("local_file: read returns the file as on disk, so edits show as drift") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("f.txt");
    Value desired(ValueMap{{"filename", path}, {"content", "one"}});
    Value state = created(*provider, desired);

    auto same = provider->read("local_file", state);
    REQUIRE(same);
    REQUIRE(*same);
    CHECK(**same == state);

    spit(path, "edited");
    auto drifted = provider->read("local_file", state);
    REQUIRE(drifted);
    REQUIRE(*drifted);
    CHECK(text(**drifted, "content") == "edited");
    CHECK(text(**drifted, "id") == sha1_hex("edited"));

    auto plan = provider->plan("local_file", &**drifted, desired);
    REQUIRE(plan);
    CHECK(plan->requires_replace == std::vector<std::string>{"content"});
    CHECK(text(plan->planned, "id") == sha1_hex("one"));
}

TEST_CASE("local_file: a deleted file is gone, and remove tolerates it") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("f.txt");
    Value state = created(*provider, Value(ValueMap{{"filename", path}, {"content", "x"}}));
    REQUIRE(provider->remove("local_file", state));
    CHECK_FALSE(std::filesystem::exists(path));
    auto gone = provider->read("local_file", state);
    REQUIRE(gone);
    CHECK_FALSE(*gone);
    CHECK(provider->remove("local_file", state));
}

TEST_CASE("local_file: a permission change is an in-place update") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("f.txt");
    Value state = created(*provider, Value(ValueMap{{"filename", path}, {"content", "x"}}));
    Value desired(ValueMap{{"filename", path}, {"content", "x"}, {"file_permission", "0600"}});
    auto plan = provider->plan("local_file", &state, desired);
    REQUIRE(plan);
    CHECK(plan->requires_replace.empty());
    auto updated = provider->update("local_file", state, plan->planned);
    REQUIRE(updated);
    CHECK(mode_of(path) == 0600);
    CHECK(text(*updated, "file_permission") == "0600");

    ::chmod(path.c_str(), 0640);
    auto refreshed = provider->read("local_file", *updated);
    REQUIRE(refreshed);
    CHECK(text(**refreshed, "file_permission") == "0640");
}

TEST_CASE("local_file: a permission spelled with three digits does not drift") {
    TempDir dir;
    auto provider = make_local_provider();
    Value state = created(*provider, Value(ValueMap{{"filename", dir.file("f")}, {"content", "x"}, {"file_permission", "600"}}));
    auto refreshed = provider->read("local_file", state);
    REQUIRE(refreshed);
    CHECK(text(**refreshed, "file_permission") == "600");
}

TEST_CASE("local_file: content_base64 writes bytes and reads back in that form") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("bin");
    std::string bytes("\x00\xff\x10 binary", 9);
    Value state = created(*provider, Value(ValueMap{{"filename", path}, {"content_base64", base64_encode(bytes)}}));
    CHECK(slurp(path) == bytes);
    CHECK(text(state, "id") == sha1_hex(bytes));
    auto refreshed = provider->read("local_file", state);
    REQUIRE(refreshed);
    CHECK(text(**refreshed, "content_base64") == base64_encode(bytes));
    CHECK((**refreshed).find("content")->is_null());

    spit(path, "changed");
    auto drifted = provider->read("local_file", state);
    REQUIRE(drifted);
    CHECK(text(**drifted, "content_base64") == base64_encode("changed"));
}

TEST_CASE("local_file: exactly one of content and content_base64") {
    auto provider = make_local_provider();
    auto both = provider->plan("local_file", nullptr,
                               Value(ValueMap{{"filename", "f"}, {"content", "a"}, {"content_base64", "YQ=="}}));
    REQUIRE_FALSE(both);
    CHECK(both.error().summary == "\"content\" and \"content_base64\" cannot both be set");
    auto neither = provider->plan("local_file", nullptr, Value(ValueMap{{"filename", "f"}}));
    REQUIRE_FALSE(neither);
    CHECK(neither.error().summary == "local_file needs \"content\" or \"content_base64\"");
    auto invalid = provider->plan("local_file", nullptr, Value(ValueMap{{"filename", "f"}, {"content_base64", "%%%"}}));
    REQUIRE_FALSE(invalid);
    CHECK(invalid.error().attribute == "content_base64");
}

TEST_CASE("local_file: bad permissions and unknown attributes are refused at plan") {
    auto provider = make_local_provider();
    auto bad = provider->plan("local_file", nullptr,
                              Value(ValueMap{{"filename", "f"}, {"content", "a"}, {"file_permission", "0999"}}));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().attribute == "file_permission");
    CHECK(bad.error().detail == "Got \"0999\".");
    auto typo = provider->plan("local_file", nullptr, Value(ValueMap{{"filename", "f"}, {"contents", "a"}}));
    REQUIRE_FALSE(typo);
    CHECK(typo.error().summary == "Unsupported attribute \"contents\"");
    auto old_name = provider->plan("local_file", nullptr, Value(ValueMap{{"path", "f"}, {"content", "a"}}));
    REQUIRE_FALSE(old_name);
}

TEST_CASE("local_file: relative filenames resolve against the working directory") {
    TempDir dir;
    auto provider = make_local_provider();
    auto previous = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    Value state = created(*provider, Value(ValueMap{{"filename", "out/rel.txt"}, {"content", "r"}}));
    std::filesystem::current_path(previous);
    CHECK(slurp(dir.file("out/rel.txt")) == "r");
    CHECK(text(state, "filename") == "out/rel.txt");
}

TEST_CASE("local_file: import adopts an existing file by path") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("existing.txt");
    spit(path, "already here");
    ::chmod(path.c_str(), 0640);
    auto imported = provider->import("local_file", path);
    REQUIRE(imported);
    CHECK(text(*imported, "content") == "already here");
    CHECK(text(*imported, "file_permission") == "0640");
    CHECK(provider->id_of("local_file", *imported) == sha1_hex("already here"));

    spit(path, std::string("\xff\xfe", 2));
    auto binary = provider->import("local_file", path);
    REQUIRE(binary);
    CHECK(text(*binary, "content_base64") == base64_encode(std::string("\xff\xfe", 2)));

    auto missing = provider->import("local_file", dir.file("nope"));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ProviderError::Kind::NotFound);
}

TEST_CASE("local_file: the data source reads a file") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("data.txt");
    spit(path, "data");
    auto data = provider->read_data("local_file", Value(ValueMap{{"filename", path}}));
    REQUIRE(data);
    CHECK(text(*data, "content") == "data");
    CHECK(text(*data, "content_base64") == base64_encode("data"));
    CHECK(text(*data, "id") == sha1_hex("data"));
    auto missing = provider->read_data("local_file", Value(ValueMap{{"filename", dir.file("nope")}}));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ProviderError::Kind::NotFound);
    CHECK_FALSE(provider->read_data("local_files", Value(ValueMap{})));
}

TEST_CASE("local_file: the provider takes no settings") {
    auto provider = make_local_provider();
    CHECK(provider->configure(Value{}));
    CHECK(provider->configure(Value(ValueMap{})));
    auto refused = provider->configure(Value(ValueMap{{"region", "x"}}));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().summary == "Unsupported attribute \"region\"");
    CHECK(provider->schema().name == "local");
    REQUIRE(provider->schema().find_resource("local_file") != nullptr);
    CHECK(provider->schema().find_data_source("local_file") != nullptr);
}

TEST_CASE("local_file: concurrent creates in one new directory") {
    TempDir dir;
    auto provider = make_local_provider();
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            Value desired(ValueMap{{"filename", dir.file("shared/sub/f" + std::to_string(i))}, {"content", std::to_string(i)}});
            auto plan = provider->plan("local_file", nullptr, desired);
            if (!plan || !provider->create("local_file", plan->planned)) ++failures;
        });
    for (auto& thread : threads) thread.join();
    CHECK(failures == 0);
    for (int i = 0; i < 8; ++i) CHECK(slurp(dir.file("shared/sub/f" + std::to_string(i))) == std::to_string(i));
}

TEST_CASE("local_file: refresh removes the temp file a killed write left behind") {
    TempDir dir;
    auto provider = make_local_provider();
    std::string path = dir.file("hello.txt");
    Value state = created(*provider, Value(ValueMap{{"filename", path}, {"content", "Hello\n"}}));
    spit(dir.file(".hello.txt.plinth-tmp"), "Hel");
    auto refreshed = provider->read("local_file", state);
    REQUIRE(refreshed);
    CHECK(*refreshed);
    CHECK_FALSE(std::filesystem::exists(dir.file(".hello.txt.plinth-tmp")));
}
