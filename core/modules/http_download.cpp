#include "core/modules/http_download.h"

#include <cstdio>
#include <memory>
#include <mutex>

#include <curl/curl.h>
#include <fmt/format.h>

#include "core/version.h"

namespace plinth {

namespace {

constexpr long k_connect_timeout_seconds = 30;
constexpr long k_stall_seconds = 60;
constexpr long k_max_redirects = 10;

struct CurlCleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct FileClose {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

CURL* new_handle() {
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    return curl_easy_init();
}

std::size_t write_to_file(char* data, std::size_t size, std::size_t count, void* file) {
    return std::fwrite(data, size, count, static_cast<std::FILE*>(file)) * size;
}

}  // namespace

std::expected<void, std::string> http_download(const std::string& url, const std::filesystem::path& destination) {
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(destination.c_str(), "wb"));
    if (!file) return std::unexpected(fmt::format("cannot write {}", destination.string()));
    std::unique_ptr<CURL, CurlCleanup> handle(new_handle());
    if (!handle) return std::unexpected("cannot start libcurl");
    char error_buffer[CURL_ERROR_SIZE] = {};
    std::string user_agent = fmt::format("plinth/{}", k_version);
    CURL* curl = handle.get();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, k_max_redirects);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, k_connect_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, k_stall_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_to_file);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, file.get());

    CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK && code != CURLE_WRITE_ERROR)
        return std::unexpected(fmt::format("download failed: {}", error_buffer[0] ? error_buffer : curl_easy_strerror(code)));
    if (status >= 400) return std::unexpected(fmt::format("the server answered HTTP {}", status));
    if (code == CURLE_WRITE_ERROR || std::fflush(file.get()) != 0)
        return std::unexpected(fmt::format("cannot write {}", destination.string()));
    return {};
}

}  // namespace plinth
