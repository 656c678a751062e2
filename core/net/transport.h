// core/net/transport.h: sending one HTTP request once, behind an interface so the
// retrying client (http_client.h) is tested with a fake. curl_transport() is the real one.
#pragma once

#include <expected>
#include <memory>
#include <string>

#include "core/net/http_message.h"

namespace plinth::net {

// Why no response came back.
struct TransportError {
    enum class Kind {
        Timeout,     // no complete answer within the request's timeout
        Connection,  // refused, reset or closed early: worth trying again
        Other,       // a bad URL, a TLS failure, ...: trying again will not help
    };
    Kind kind = Kind::Other;
    std::string message;
};

class Transport {
public:
    virtual ~Transport() = default;
    // Any HTTP status is a response; only a missing answer is an error. Safe to call from many
    // threads at once.
    virtual std::expected<HttpResponse, TransportError> perform(const HttpRequest& request) const = 0;
};

// libcurl, through the process's one shared connection pool (connection_pool.h).
std::shared_ptr<const Transport> curl_transport();

}  // namespace plinth::net
