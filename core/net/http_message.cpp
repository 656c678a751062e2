#include "core/net/http_message.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace plinth::net {

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    auto it = headers.find(lower_case(name));
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::string describe(const HttpRequest& request) { return fmt::format("{} {}", request.method, request.url); }

bool is_idempotent(std::string_view method) {
    constexpr std::array<std::string_view, 6> k_idempotent = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"};
    return std::ranges::find(k_idempotent, method) != k_idempotent.end();
}

std::string lower_case(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace plinth::net
