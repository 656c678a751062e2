#include <catch2/catch.hpp>

#include "core/aws/canonical_query.h"

using namespace plinth::aws;

TEST_CASE("canonical_query: sorts by name then value and encodes as SigV4 does") {
    CHECK(canonical_query({{"prefix", "env:/"}, {"list-type", "2"}, {"a", "x y"}, {"a", "b"}}) ==
          "a=b&a=x%20y&list-type=2&prefix=env%3A%2F");
    CHECK(canonical_query({}) == "");
    CHECK(canonical_query({{"continuation-token", ""}}) == "continuation-token=");
}

TEST_CASE("canonical_query: uri_encode keeps unreserved characters and, for keys, slashes") {
    CHECK(uri_encode("A-z_0.9~", false) == "A-z_0.9~");
    CHECK(uri_encode("env:/dev/state.json", true) == "env%3A/dev/state.json");
    CHECK(uri_encode("a/b+c=d", false) == "a%2Fb%2Bc%3Dd");
    CHECK(uri_encode("\xC3\xA9", false) == "%C3%A9");
}
