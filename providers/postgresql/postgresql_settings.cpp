#include "providers/postgresql/postgresql_settings.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include <fmt/format.h>

#include "providers/attributes.h"

namespace plinth::providers::postgresql {

namespace {

constexpr std::array<std::string_view, 6> k_ssl_modes = {"disable", "allow", "prefer", "require", "verify-ca",
                                                         "verify-full"};
constexpr int k_default_connect_timeout = 10;

// The setting as text (a number is written as a whole number), else the environment variable's.
std::optional<std::string> setting_text(const Value& config, std::string_view name, std::string_view variable,
                                        const EnvironmentLookup& environment) {
    if (const std::string* text = string_attribute(config, name)) return *text;
    if (const Value* value = config.find(name); value != nullptr && value->is_number())
        return fmt::format("{}", static_cast<long long>(value->as_number()));
    auto from_env = environment(variable);
    if (from_env && !from_env->empty()) return from_env;
    return std::nullopt;
}

// `text` as a whole number in [low, high], or an error about `setting`.
Result<long long> bounded_number(const std::string& text, std::string_view setting, long long low, long long high) {
    char* end = nullptr;
    long long number = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || number < low || number > high)
        return std::unexpected(attribute_error(std::string(setting),
                                               fmt::format("must be a whole number from {} to {}", low, high),
                                               fmt::format("Got \"{}\".", text)));
    return number;
}

}  // namespace

pg::ConnectParameters PostgresqlSettings::for_database(const std::string& name) const {
    pg::ConnectParameters parameters = server;
    parameters.emplace_back("dbname", name);
    return parameters;
}

std::vector<AttributeSchema> postgresql_settings_schema() {
    using T = AttributeType;
    return {
        optional_attribute("host", T::String, "Server name or address; else PGHOST."),
        optional_attribute("port", T::Number, "Server port; else PGPORT, else 5432."),
        optional_attribute("username", T::String, "The user plinth connects as; else PGUSER."),
        secret(optional_attribute("password", T::String, "The user's password; else PGPASSWORD.")),
        optional_attribute("database", T::String,
                           "The database plinth connects to, and the default database of schemas, grants and "
                           "extensions; else PGDATABASE, else \"postgres\"."),
        optional_attribute("sslmode", T::String, "libpq's sslmode; else PGSSLMODE, else prefer."),
        optional_attribute("connect_timeout", T::Number, "Seconds to wait for a connection; else PGCONNECT_TIMEOUT, "
                                                         "else 10."),
    };
}

Result<PostgresqlSettings> read_postgresql_settings(const Value& config, const EnvironmentLookup& environment) {
    PostgresqlSettings settings;
    auto text = [&](std::string_view name, std::string_view variable) {
        return setting_text(config, name, variable, environment);
    };
    if (auto host = text("host", "PGHOST")) settings.server.emplace_back("host", *host);
    if (auto port = text("port", "PGPORT")) {
        auto number = bounded_number(*port, "port", 1, 65535);
        if (!number) return std::unexpected(number.error());
        settings.server.emplace_back("port", std::to_string(*number));
    }
    if (auto username = text("username", "PGUSER")) settings.server.emplace_back("user", *username);
    if (auto password = text("password", "PGPASSWORD")) settings.server.emplace_back("password", *password);
    if (auto sslmode = text("sslmode", "PGSSLMODE")) {
        if (std::ranges::find(k_ssl_modes, *sslmode) == k_ssl_modes.end())
            return std::unexpected(attribute_error(
                "sslmode", "must be disable, allow, prefer, require, verify-ca or verify-full",
                fmt::format("Got \"{}\".", *sslmode)));
        settings.server.emplace_back("sslmode", *sslmode);
    }
    auto timeout = text("connect_timeout", "PGCONNECT_TIMEOUT").value_or(std::to_string(k_default_connect_timeout));
    auto seconds = bounded_number(timeout, "connect_timeout", 0, 86400);
    if (!seconds) return std::unexpected(seconds.error());
    settings.server.emplace_back("connect_timeout", std::to_string(*seconds));
    settings.database = text("database", "PGDATABASE").value_or(k_default_database);
    return settings;
}

}  // namespace plinth::providers::postgresql
