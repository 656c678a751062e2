#include "core/backends/http/http_backend_config.h"

#include <fmt/format.h>

#include "core/backends/settings/backend_settings.h"

namespace plinth::backends {

namespace {

constexpr long k_max_wait_seconds = 3600;

// Reads one setting of the http backend with its two environment variables.
class HttpSettings {
public:
    explicit HttpSettings(const BackendSettings& settings) : m_settings(settings) {}

    std::optional<std::string> text(std::string_view name) const {
        auto [plinth, terraform] = variables(name);
        return m_settings.text(name, {plinth.c_str(), terraform.c_str()});
    }
    std::expected<std::string, Diagnostic> required(std::string_view name) const {
        auto [plinth, terraform] = variables(name);
        return m_settings.required(name, {plinth.c_str(), terraform.c_str()});
    }
    std::expected<bool, Diagnostic> flag(std::string_view name, bool fallback) const {
        auto [plinth, terraform] = variables(name);
        return m_settings.flag(name, fallback, {plinth.c_str(), terraform.c_str()});
    }
    std::expected<long, Diagnostic> number(std::string_view name, long fallback, long maximum) const {
        auto [plinth, terraform] = variables(name);
        return m_settings.number(name, fallback, 0, maximum, {plinth.c_str(), terraform.c_str()});
    }
    // Where a setting's error points: the setting, else the block (a value from the environment).
    SourceLocation location(std::string_view name) const {
        const BackendDecl& decl = m_settings.decl();
        auto it = decl.settings.find(std::string(name));
        return it == decl.settings.end() ? decl.location : it->second.location;
    }

private:
    static std::pair<std::string, std::string> variables(std::string_view name) {
        std::string upper(name);
        for (char& c : upper)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return {"PLINTH_HTTP_" + upper, "TF_HTTP_" + upper};
    }

    const BackendSettings& m_settings;
};

std::expected<void, Diagnostic> check_url(const HttpSettings& settings, std::string_view name,
                                          const std::string& url) {
    if (url.starts_with("http://") || url.starts_with("https://")) return {};
    return std::unexpected(make_error(fmt::format("backend setting `{}` must be an http:// or https:// URL, not `{}`",
                                                  name, url),
                                      {}, settings.location(name)));
}

// An HTTP method is a token: letters, digits and a few marks, as in "POST" or "LOCK".
std::expected<std::string, Diagnostic> method(const HttpSettings& settings, std::string_view name,
                                              const char* fallback) {
    std::string value = settings.text(name).value_or(fallback);
    bool token = !value.empty() && value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                           "0123456789!#$%&'*+-.^_`|~") == std::string::npos;
    if (token) return value;
    return std::unexpected(make_error(fmt::format("backend setting `{}` must be an HTTP method such as {}, not `{}`",
                                                  name, fallback, value),
                                      {}, settings.location(name)));
}

bool holds_placeholder(std::string_view url) { return url.find(k_workspace_placeholder) != std::string_view::npos; }

// With `{workspace}` in `address`, the lock addresses need it too (else one workspace's lock would
// stop every other); `workspaces_address` lists the workspaces and only makes sense with it.
std::expected<void, Diagnostic> read_workspace_addresses(const HttpSettings& settings, HttpBackendConfig& config) {
    config.workspaces_address = settings.text("workspaces_address").value_or("");
    if (!config.workspaces_address.empty())
        if (auto valid = check_url(settings, "workspaces_address", config.workspaces_address); !valid) return valid;
    if (!config.per_workspace()) {
        for (const char* name : {"lock_address", "unlock_address"})
            if (holds_placeholder(settings.text(name).value_or("")))
                return std::unexpected(make_error(fmt::format("backend setting `{}` holds `{}` but `address` does not",
                                                              name, k_workspace_placeholder),
                                                  "Put the placeholder in `address` as well, so that every workspace "
                                                  "has a state of its own.",
                                                  settings.location(name)));
        if (!config.workspaces_address.empty())
            return std::unexpected(make_error("backend setting `workspaces_address` needs per-workspace addresses",
                                              fmt::format("Without `{}` in `address` the backend has only the "
                                                          "`default` workspace, so there is nothing to list.",
                                                          k_workspace_placeholder),
                                              settings.location("workspaces_address")));
        return {};
    }
    for (const char* name : {"lock_address", "unlock_address"}) {
        std::string url = settings.text(name).value_or("");
        if (!url.empty() && !holds_placeholder(url))
            return std::unexpected(make_error(fmt::format("backend setting `{}` needs `{}` as `address` has it", name,
                                                          k_workspace_placeholder),
                                              "Each workspace has its own state, so each needs its own lock.",
                                              settings.location(name)));
    }
    return {};
}

std::expected<void, Diagnostic> read_addresses(const HttpSettings& settings, HttpBackendConfig& config) {
    auto address = settings.required("address");
    if (!address) return std::unexpected(address.error());
    config.address = *address;
    config.lock_address = settings.text("lock_address").value_or("");
    config.unlock_address = settings.text("unlock_address").value_or("");
    for (auto [name, url] : {std::pair{"address", &config.address}, std::pair{"lock_address", &config.lock_address},
                             std::pair{"unlock_address", &config.unlock_address}})
        if (!url->empty())
            if (auto valid = check_url(settings, name, *url); !valid) return valid;
    if (!config.lock_address.empty() && config.unlock_address.empty())
        return std::unexpected(make_error("the http backend has `lock_address` but no `unlock_address`",
                                          "Every lock taken would stay held. Set `unlock_address` (for most servers "
                                          "the same URL as `lock_address`).",
                                          settings.location("lock_address")));
    if (auto workspaces = read_workspace_addresses(settings, config); !workspaces) return workspaces;
    for (auto [name, target, fallback] : {std::tuple{"update_method", &config.update_method, "POST"},
                                          std::tuple{"lock_method", &config.lock_method, "LOCK"},
                                          std::tuple{"unlock_method", &config.unlock_method, "UNLOCK"}}) {
        auto value = method(settings, name, fallback);
        if (!value) return std::unexpected(value.error());
        *target = *value;
    }
    return {};
}

std::expected<void, Diagnostic> read_credentials(const HttpSettings& settings, HttpBackendConfig& config) {
    auto username = settings.text("username");
    auto password = settings.text("password");
    if (username) config.basic_auth = net::BasicAuth{*username, password.value_or("")};
    else if (password)
        return std::unexpected(make_error("the http backend has a `password` but no `username`",
                                          "set `username` or PLINTH_HTTP_USERNAME as well",
                                          settings.location("password")));
    auto insecure = settings.flag("skip_cert_verification", false);
    if (!insecure) return std::unexpected(insecure.error());
    config.skip_cert_verification = *insecure;
    return {};
}

std::expected<void, Diagnostic> read_retries(const HttpSettings& settings, HttpBackendConfig& config) {
    auto retries = settings.number("retry_max", 2, 100);
    if (!retries) return std::unexpected(retries.error());
    auto wait_min = settings.number("retry_wait_min", 1, k_max_wait_seconds);
    if (!wait_min) return std::unexpected(wait_min.error());
    auto wait_max = settings.number("retry_wait_max", 30, k_max_wait_seconds);
    if (!wait_max) return std::unexpected(wait_max.error());
    if (*wait_max < *wait_min)
        return std::unexpected(make_error(fmt::format("backend setting `retry_wait_max` ({}) is less than "
                                                      "`retry_wait_min` ({})",
                                                      *wait_max, *wait_min),
                                          {}, settings.location("retry_wait_max")));
    config.retry.retries = static_cast<int>(*retries);
    config.retry.min_delay = std::chrono::seconds{*wait_min};
    config.retry.max_delay = std::chrono::seconds{*wait_max};
    // A state update replaces the whole state and a LOCK retried after a lost answer finds its own
    // ID, so every request may be tried again (as Terraform does).
    config.retry.retry_non_idempotent = true;
    return {};
}

}  // namespace

std::expected<HttpBackendConfig, Diagnostic> read_http_backend_config(const BackendDecl& decl) {
    auto settings = BackendSettings::read(
        decl, {"address", "update_method", "lock_address", "lock_method", "unlock_address", "unlock_method",
               "username", "password", "skip_cert_verification", "retry_max", "retry_wait_min", "retry_wait_max",
               "workspaces_address"});
    if (!settings) return std::unexpected(settings.error());
    HttpSettings http(*settings);
    HttpBackendConfig config;
    config.location = decl.location;
    for (auto step : {read_addresses, read_credentials, read_retries})
        if (auto read = step(http, config); !read) return std::unexpected(read.error());
    return config;
}

bool HttpBackendConfig::per_workspace() const { return holds_placeholder(address); }

HttpBackendConfig config_for_workspace(HttpBackendConfig config, const std::string& workspace) {
    for (std::string* url : {&config.address, &config.lock_address, &config.unlock_address})
        for (auto at = url->find(k_workspace_placeholder); at != std::string::npos;
             at = url->find(k_workspace_placeholder, at + workspace.size()))
            url->replace(at, k_workspace_placeholder.size(), workspace);
    return config;
}

std::string url_with_lock_id(std::string_view url, std::string_view lock_id) {
    std::string_view fragment;
    if (auto hash = url.find('#'); hash != std::string_view::npos) {
        fragment = url.substr(hash);
        url = url.substr(0, hash);
    }
    std::string encoded;
    for (unsigned char c : lock_id) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        encoded += unreserved ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    std::string result(url);
    if (result.find('?') == std::string::npos) result += '?';
    else if (!result.ends_with('?') && !result.ends_with('&')) result += '&';
    return result + "ID=" + encoded + std::string(fragment);
}

}  // namespace plinth::backends
