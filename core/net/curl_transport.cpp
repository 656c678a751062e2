#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>

#include "core/version.h"
#include "core/net/connection_pool.h"
#include "core/net/transport.h"

namespace plinth::net {

namespace {

constexpr long k_max_redirects = 10;

struct EasyCleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListCleanup {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// One transfer's request and the response being filled in, for libcurl's callbacks.
struct Transfer {
    const HttpRequest& request;
    HttpResponse response;
};

// A count other than size * count makes libcurl stop with CURLE_WRITE_ERROR.
std::size_t take_body(char* data, std::size_t size, std::size_t count, void* target) {
    auto* transfer = static_cast<Transfer*>(target);
    std::string_view piece(data, size * count);
    if (transfer->request.body_sink) return transfer->request.body_sink(piece) ? piece.size() : 0;
    transfer->response.body.append(piece);
    return piece.size();
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return std::string(text);
}

// Called once per header line; a status line starts the headers of a new response (after a
// redirect or a 100 Continue), so only the last response's headers remain.
std::size_t record_header(char* data, std::size_t size, std::size_t count, void* target) {
    auto* response = static_cast<HttpResponse*>(target);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        response->headers.clear();
        return size * count;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return size * count;
    std::string name = lower_case(trimmed(line.substr(0, colon)));
    std::string value = trimmed(line.substr(colon + 1));
    auto [it, inserted] = response->headers.emplace(name, value);
    if (!inserted) it->second += ", " + value;
    return size * count;
}

TransportError::Kind kind_of(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError::Kind::Timeout;
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return TransportError::Kind::Connection;
        default:
            return TransportError::Kind::Other;
    }
}

// HEAD asks for no body; a GET without a body is libcurl's default; any other method, and a GET
// with a body (which POSTFIELDS would turn into a POST), is named as it is.
void set_method(CURL* curl, const HttpRequest& request) {
    if (request.method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    else if (request.method != "GET" || !request.body.empty())
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
}

void set_body(CURL* curl, const HttpRequest& request) {
    bool always = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (request.body.empty() && !always) return;
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
}

void set_tls(CURL* curl, const HttpRequest& request, curl_blob& ca_blob) {
    if (!request.ca_cert.empty()) {
        ca_blob.data = const_cast<char*>(request.ca_cert.data());
        ca_blob.len = request.ca_cert.size();
        ca_blob.flags = CURL_BLOB_NOCOPY;
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &ca_blob);
    }
    if (request.insecure) {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
}

void set_timeouts(CURL* curl, const HttpRequest& request) {
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
    if (request.stall_timeout.count() > 0) {
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.stall_timeout.count()));
    }
}

// Basic authentication, or an AWS SigV4 signature libcurl computes from the access key and secret.
void set_auth(CURL* curl, const HttpRequest& request) {
    if (request.aws_sigv4) {
        curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, request.aws_sigv4->provider.c_str());
        curl_easy_setopt(curl, CURLOPT_USERNAME, request.aws_sigv4->access_key.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, request.aws_sigv4->secret_key.c_str());
    } else if (request.basic_auth) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, request.basic_auth->username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, request.basic_auth->password.c_str());
    }
}

// The request's headers as libcurl takes them, and "Expect:" so that large bodies are sent at once
// instead of after a 100 Continue, and a SigV4 session token (which libcurl then signs). Null when
// out of memory.
std::unique_ptr<curl_slist, ListCleanup> header_list(const HttpRequest& request) {
    std::unique_ptr<curl_slist, ListCleanup> list;
    auto append = [&](const std::string& line) {
        curl_slist* grown = curl_slist_append(list.get(), line.c_str());
        if (grown == nullptr) return false;
        static_cast<void>(list.release());
        list.reset(grown);
        return true;
    };
    for (const auto& [name, value] : request.headers)
        if (!append(value.empty() ? name + ";" : name + ": " + value)) return nullptr;
    if (request.aws_sigv4 && !request.aws_sigv4->session_token.empty() &&
        !append("x-amz-security-token: " + request.aws_sigv4->session_token))
        return nullptr;
    if (!append("Expect:")) return nullptr;
    return list;
}

class CurlTransport final : public Transport {
public:
    std::expected<HttpResponse, TransportError> perform(const HttpRequest& request) const override {
        std::unique_ptr<CURL, EasyCleanup> handle(curl_easy_init());
        if (!handle) return std::unexpected(TransportError{TransportError::Kind::Other, "cannot start libcurl"});
        CURL* curl = handle.get();
        curl_easy_setopt(curl, CURLOPT_SHARE, shared_connection_pool());
        Transfer transfer{request, {}};
        char error_buffer[CURL_ERROR_SIZE] = {};
        std::string user_agent = fmt::format("plinth/{}", k_version);
        auto headers = header_list(request);
        if (!headers) return std::unexpected(TransportError{TransportError::Kind::Other, "out of memory"});
        curl_blob ca_blob{};
        curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, k_max_redirects);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
        set_timeouts(curl, request);
        set_method(curl, request);
        set_body(curl, request);
        set_tls(curl, request, ca_blob);
        set_auth(curl, request);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, record_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer.response);

        CURLcode code = curl_easy_perform(curl);
        if (code != CURLE_OK)
            return std::unexpected(TransportError{kind_of(code), error_buffer[0] ? error_buffer : curl_easy_strerror(code)});
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
        return std::move(transfer.response);
    }
};

}  // namespace

std::shared_ptr<const Transport> curl_transport() {
    static const auto transport = std::make_shared<const CurlTransport>();
    return transport;
}

}  // namespace plinth::net
