#include "core/net/retry_policy.h"

#include <algorithm>
#include <charconv>
#include <string>

#include <curl/curl.h>

namespace plinth::net {

using std::chrono::milliseconds;

milliseconds backoff_delay(const RetryPolicy& policy, int retry, double jitter) {
    milliseconds low = std::min(policy.min_delay, policy.max_delay);
    // Doubling stops once past max_delay, so large retry numbers cannot overflow.
    milliseconds high = low;
    for (int i = 0; i < retry && high < policy.max_delay; ++i) high = std::max(high * 2, milliseconds{1});
    high = std::min(high, policy.max_delay);
    double share = std::clamp(jitter, 0.0, 1.0);
    return low + milliseconds{static_cast<milliseconds::rep>(static_cast<double>((high - low).count()) * share)};
}

std::optional<milliseconds> parse_retry_after(std::string_view text, std::time_t now) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) {
        long long seconds = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
        return std::chrono::duration_cast<milliseconds>(std::chrono::seconds{seconds});
    }
    // curl_getdate reads the three date forms HTTP allows (IMF-fixdate, RFC 850, asctime).
    std::time_t when = curl_getdate(std::string(text).c_str(), nullptr);
    if (when == -1) return std::nullopt;
    return std::chrono::duration_cast<milliseconds>(std::chrono::seconds{std::max<std::time_t>(when - now, 0)});
}

bool is_retryable_status(long status) {
    if (status == 408 || status == 429) return true;
    return status >= 500 && status <= 599 && status != 501 && status != 505;
}

}  // namespace plinth::net
