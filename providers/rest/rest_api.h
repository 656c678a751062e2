// providers/rest/rest_api.h: the connection the rest provider's resource types share: the
// settings configure() read, and sending a request to a path below base_url with them. Safe to
// use from many threads; configure() may replace the settings while requests run.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/net/http_client.h"
#include "providers/rest/rest_settings.h"

namespace plinth::providers::rest {

class RestApi {
public:
    explicit RestApi(net::HttpClient client = net::HttpClient());

    void configure(RestSettings settings);
    // `path` starts with '/'; a body is sent as JSON text. A 2xx, 404 or 410 answer is a
    // response (callers decide what "not found" means); any other status, no answer, or a
    // provider that was never configured is an error.
    Result<net::HttpResponse> send(const std::string& method, const std::string& path,
                                           const std::optional<std::string>& body) const;

private:
    net::HttpClient m_client;
    mutable std::mutex m_mutex;  // guards m_settings (the pointer; the settings never change)
    std::shared_ptr<const RestSettings> m_settings;
};

}  // namespace plinth::providers::rest
