#include <catch2/catch.hpp>

#include "providers/external/external_provider.h"
#include "temp_dir.h"

using namespace plinth;
using namespace plinth::providers;
using plinth::testing::spit;
using plinth::testing::TempDir;

namespace {

Value program(std::initializer_list<const char*> argv) {
    ValueList list;
    for (const char* argument : argv) list.emplace_back(argument);
    return Value(std::move(list));
}

Result<Value> read_external(ValueMap config) {
    return make_external_provider()->read_data("external", Value(std::move(config)));
}

Value result_of(ValueMap config) {
    auto read = read_external(std::move(config));
    INFO((read ? "" : read.error().summary + ": " + read.error().detail));
    REQUIRE(read);
    return *read->find("result");
}

ProviderError error_of(ValueMap config) {
    auto read = read_external(std::move(config));
    REQUIRE_FALSE(read);
    return read.error();
}

}  // namespace

TEST_CASE("external: the query goes to stdin as JSON, the JSON object printed is the result") {
    Value echoed = result_of({{"program", program({"sh", "-c", "cat"})},
                              {"query", Value(ValueMap{{"name", "web"}, {"port", 8080}, {"tls", true}})}});
    CHECK(echoed == Value(ValueMap{{"name", "web"}, {"port", "8080"}, {"tls", "true"}}));

    Value empty = result_of({{"program", program({"sh", "-c", "cat"})}});
    CHECK(empty == Value(ValueMap{}));
}

TEST_CASE("external: a real program computing its answer, with arguments passed as is") {
    const char* script =
        "import json, sys\n"
        "query = json.load(sys.stdin)\n"
        "print(json.dumps({'greeting': 'hello ' + query['who'], 'argument': sys.argv[1]}))\n";
    auto read = read_external({{"program", program({"python3", "-c", script, "$HOME *"})},
                               {"query", Value(ValueMap{{"who", "plinth"}})}});
    REQUIRE(read);
    CHECK(*read->find("result") == Value(ValueMap{{"greeting", "hello plinth"}, {"argument", "$HOME *"}}));
    CHECK(read->find("program")->as_list().size() == 4);
    CHECK(read->find("query")->find("who")->as_string() == "plinth");
}

TEST_CASE("external: working_dir, and a relative program path taken from it") {
    TempDir dir;
    spit(dir.file("answer.sh"), "#!/bin/sh\nprintf '{\"dir\": \"%s\"}' \"$(pwd)\"\n");
    std::filesystem::permissions(dir.file("answer.sh"), std::filesystem::perms::owner_all);
    Value result = result_of({{"program", program({"./answer.sh"})}, {"working_dir", dir.path().string()}});
    CHECK(result == Value(ValueMap{{"dir", dir.path().string()}}));
}

TEST_CASE("external: a failing program is an error carrying its stderr") {
    ProviderError failed = error_of({{"program", program({"sh", "-c", "echo 'no credentials' >&2; exit 2"})}});
    CHECK(failed.summary == "External program sh exited with status 2");
    CHECK(failed.detail == "no credentials");
    CHECK(failed.attribute == "program");

    ProviderError silent = error_of({{"program", program({"false"})}});
    CHECK(silent.detail == "It wrote nothing on stderr.");

    ProviderError missing = error_of({{"program", program({"plinth-no-such-program"})}});
    CHECK(missing.summary == "Cannot run external program plinth-no-such-program");
    CHECK_THAT(missing.detail, Catch::Contains("No such file or directory"));

    ProviderError no_dir = error_of({{"program", program({"true"})}, {"working_dir", "/no/such/dir"}});
    CHECK(no_dir.attribute == "working_dir");
}

TEST_CASE("external: output that is not a JSON object of strings is an error quoting it") {
    ProviderError not_json = error_of({{"program", program({"echo", "hello, world"})}});
    CHECK(not_json.summary == "Unexpected output from external program echo");
    CHECK(not_json.detail ==
          "The program must print a JSON object whose values are all strings; it printed \"hello, world\n\".");

    ProviderError long_output = error_of({{"program", program({"sh", "-c", "yes x | head -c 5000"})}});
    CHECK_THAT(long_output.detail, Catch::EndsWith("...\"."));
    CHECK(long_output.detail.size() < 400);

    CHECK_THAT(error_of({{"program", program({"echo", "[1, 2]"})}}).detail, Catch::Contains("it printed \"[1, 2]"));
    CHECK_THAT(error_of({{"program", program({"echo", "{\"port\": 80}"})}}).detail,
               Catch::Contains("\"port\" is a number"));
    CHECK_THAT(error_of({{"program", program({"echo", "{\"a\": null}"})}}).detail, Catch::Contains("\"a\" is null"));
    CHECK_THAT(error_of({{"program", program({"true"})}}).detail, Catch::Contains("it printed nothing"));
}

TEST_CASE("external: program and query are checked before anything runs") {
    CHECK_THAT(error_of({{"program", Value(ValueList{})}}).summary, Catch::Contains("program"));
    CHECK_THAT(error_of({{"program", Value(ValueList{Value("echo"), Value(3)})}}).summary,
               Catch::Contains("must hold only strings, not number"));
    CHECK_THAT(error_of({{"program", program({"cat"})}, {"query", Value(ValueMap{{"list", Value(ValueList{})}})}})
                   .summary,
               Catch::Contains("\"list\" is list"));
    CHECK_THAT(error_of({{"program", "cat"}}).summary, Catch::Contains("program"));
    CHECK_THAT(error_of({{"program", program({"cat"})}, {"query", Value::unknown()}}).summary,
               Catch::Contains("needs known values"));
    CHECK_THAT(error_of({{"query", Value(ValueMap{})}}).summary, Catch::Contains("program"));
}
