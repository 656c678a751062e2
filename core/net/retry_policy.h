// core/net/retry_policy.h: when and how long to wait before trying an HTTP request
// again. Pure functions of their inputs (the randomness and the clock are passed in), so the
// backoff maths and Retry-After parsing are tested without waiting.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace plinth::net {

struct RetryPolicy {
    int retries = 0;  // further tries after the first; 0 never retries
    std::chrono::milliseconds min_delay{1'000};   // the shortest wait; min_delay <= max_delay
    std::chrono::milliseconds max_delay{30'000};  // the longest backoff wait
    bool retry_non_idempotent = false;  // also retry POST and PATCH (they may then happen twice)
    // A Retry-After asking for a longer wait than this ends the retries instead.
    std::chrono::milliseconds max_retry_after{120'000};
};

// The wait before retry number `retry` (1 for the first retry): exponential backoff with jitter.
// The wait lies between min_delay and min(max_delay, min_delay * 2^retry); `jitter`, in [0, 1],
// picks where.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double jitter);

// The wait a Retry-After header asks for: a number of seconds, or an HTTP date (taken relative to
// `now`; a date in the past is no wait). Null when the text is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view text, std::time_t now);

// Whether an answer with this status is worth trying again: 408, 429 and 5xx except 501 and 505
// (which the same request will always get).
bool is_retryable_status(long status);

}  // namespace plinth::net
