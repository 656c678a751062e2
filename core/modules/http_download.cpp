#include "core/modules/http_download.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "core/net/transport.h"

namespace plinth {

namespace {

constexpr std::chrono::seconds k_connect_timeout{30};
constexpr std::chrono::seconds k_stall_timeout{60};

struct FileClose {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

std::expected<void, std::string> http_download(const std::string& url, const std::filesystem::path& destination) {
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(destination.c_str(), "wb"));
    if (!file) return std::unexpected(fmt::format("cannot write {}", destination.string()));
    bool write_failed = false;
    net::HttpRequest request;
    request.url = url;
    request.timeout = std::chrono::milliseconds{0};
    request.connect_timeout = k_connect_timeout;
    request.stall_timeout = k_stall_timeout;
    request.body_sink = [&](std::string_view piece) {
        write_failed = std::fwrite(piece.data(), 1, piece.size(), file.get()) != piece.size();
        return !write_failed;
    };
    auto response = net::curl_transport()->perform(request);
    if (!response && !write_failed) return std::unexpected(fmt::format("download failed: {}", response.error().message));
    if (response && response->status >= 400)
        return std::unexpected(fmt::format("the server answered HTTP {}", response->status));
    if (write_failed || std::fflush(file.get()) != 0)
        return std::unexpected(fmt::format("cannot write {}", destination.string()));
    return {};
}

}  // namespace plinth
