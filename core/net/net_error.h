// core/net/net_error.h: why an HTTP request got no answer, as a value core and providers share.
// Any HTTP status is an answer, so a NetError only ever means the request never got one.
#pragma once

#include <string>

namespace plinth::net {

struct NetError {
    enum class Kind {
        Error,      // a bad URL, a TLS failure, ...: trying again will not help
        Timeout,    // no complete answer within the request's timeout
        Transient,  // refused, reset or closed early: worth trying again later
    };
    Kind kind = Kind::Error;
    std::string summary;  // names the request: "GET https://... failed (after 3 tries)"
    std::string detail;   // libcurl's explanation, as a sentence
};

}  // namespace plinth::net
