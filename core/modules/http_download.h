// core/modules/http_download.h: downloading a module archive over HTTP(S) into a file, through
// core/net's transport (libcurl, the shared connection pool).
#pragma once

#include <expected>
#include <filesystem>
#include <string>

namespace plinth {

// Downloads `url` into `destination` (created or truncated). Follows up to 10 redirects (to http
// and https only). Fails, with a message naming the cause, on an HTTP status of 400 or more, when
// connecting takes over 30 seconds, or when no byte arrives for 60 seconds.
std::expected<void, std::string> http_download(const std::string& url, const std::filesystem::path& destination);

}  // namespace plinth
