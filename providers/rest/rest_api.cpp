#include "providers/rest/rest_api.h"

#include "providers/http_client/http_errors.h"
#include "providers/rest/object_paths.h"

namespace plinth::providers::rest {

RestApi::RestApi(net::HttpClient client) : m_client(std::move(client)) {}

void RestApi::configure(RestSettings settings) {
    auto shared = std::make_shared<const RestSettings>(std::move(settings));
    std::lock_guard lock(m_mutex);
    m_settings = std::move(shared);
}

Result<net::HttpResponse> RestApi::send(const std::string& method, const std::string& path,
                                                const std::optional<std::string>& body) const {
    std::shared_ptr<const RestSettings> settings;
    {
        std::lock_guard lock(m_mutex);
        settings = m_settings;
    }
    if (!settings) return std::unexpected(provider_error("The rest provider is not configured"));
    net::HttpRequest request;
    request.method = method;
    request.url = join_url(settings->base_url, path);
    request.headers = settings->headers;
    request.body = body.value_or("");
    request.timeout = settings->timeout;
    request.ca_cert = settings->ca_cert;
    request.insecure = settings->insecure;
    auto response = m_client.send(request, settings->retry);
    if (!response) return std::unexpected(http_client::provider_error_of(response.error()));
    if (response->ok() || response->status == 404 || response->status == 410) return std::move(*response);
    return std::unexpected(http_client::status_error(request, *response));
}

}  // namespace plinth::providers::rest
