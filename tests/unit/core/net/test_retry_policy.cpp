#include <catch2/catch.hpp>

#include "core/net/retry_policy.h"

using namespace plinth::net;
using std::chrono::milliseconds;

TEST_CASE("retry_policy: backoff doubles its upper bound and stays between min and max delay") {
    RetryPolicy policy;
    policy.min_delay = milliseconds{100};
    policy.max_delay = milliseconds{1'000};
    CHECK(backoff_delay(policy, 1, 0.0) == milliseconds{100});
    CHECK(backoff_delay(policy, 1, 1.0) == milliseconds{200});
    CHECK(backoff_delay(policy, 2, 1.0) == milliseconds{400});
    CHECK(backoff_delay(policy, 3, 1.0) == milliseconds{800});
    CHECK(backoff_delay(policy, 4, 1.0) == milliseconds{1'000});
    CHECK(backoff_delay(policy, 60, 1.0) == milliseconds{1'000});
    CHECK(backoff_delay(policy, 60, 0.0) == milliseconds{100});
    CHECK(backoff_delay(policy, 2, 0.5) == milliseconds{250});
}

TEST_CASE("retry_policy: jitter outside [0, 1] is clamped; a zero min delay still grows") {
    RetryPolicy policy;
    policy.min_delay = milliseconds{0};
    policy.max_delay = milliseconds{50};
    CHECK(backoff_delay(policy, 3, 2.0) <= milliseconds{50});
    CHECK(backoff_delay(policy, 3, -1.0) == milliseconds{0});
    CHECK(backoff_delay(policy, 10, 1.0) == milliseconds{50});
}

TEST_CASE("retry_policy: Retry-After in seconds") {
    CHECK(parse_retry_after("3", 0) == milliseconds{3'000});
    CHECK(parse_retry_after(" 0 ", 0) == milliseconds{0});
    CHECK_FALSE(parse_retry_after("", 0));
    CHECK_FALSE(parse_retry_after("-1", 0));
    CHECK_FALSE(parse_retry_after("1.5", 0));
    CHECK_FALSE(parse_retry_after("soon", 0));
}

TEST_CASE("retry_policy: Retry-After as an HTTP date, relative to now") {
    std::time_t date = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", date - 5) == milliseconds{5'000});
    CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", date - 2) == milliseconds{2'000});
    CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", date) == milliseconds{0});
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", date + 100) == milliseconds{0});
}

TEST_CASE("retry_policy: which statuses are worth another try") {
    for (long status : {408L, 429L, 500L, 502L, 503L, 504L}) CHECK(is_retryable_status(status));
    for (long status : {200L, 301L, 400L, 401L, 404L, 409L, 501L, 505L}) CHECK_FALSE(is_retryable_status(status));
}
