// core/net/connection_pool.h: the process's one libcurl share handle. Every request
// plinth sends over HTTP attaches to it, so connections, DNS answers and TLS sessions are reused
// across requests and threads; its lock callbacks guard each shared part with its own mutex.
#pragma once

#include <curl/curl.h>

namespace plinth::net {

// The shared handle, made (and libcurl initialised) on first use; it lives until the process ends.
CURLSH* shared_connection_pool();

}  // namespace plinth::net
