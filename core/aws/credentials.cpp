#include "core/aws/credentials.h"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace plinth::aws {

namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::filesystem::path credentials_file(const EnvironmentLookup& environment) {
    if (auto file = environment("AWS_SHARED_CREDENTIALS_FILE")) return *file;
    return std::filesystem::path(environment("HOME").value_or("")) / ".aws" / "credentials";
}

std::expected<Credentials, std::string> from_file(const std::string& profile, const EnvironmentLookup& environment) {
    auto path = credentials_file(environment);
    std::ifstream in(path);
    if (!in)
        return std::unexpected(fmt::format("no credentials: no access key set, no AWS_ACCESS_KEY_ID in the environment, "
                                           "and no shared credentials file {} for profile `{}`",
                                           path.string(), profile));
    std::ostringstream text;
    text << in.rdbuf();
    return credentials_from_file_text(text.str(), profile, path.string());
}

}  // namespace

std::expected<Credentials, std::string> credentials_from_file_text(std::string_view text, std::string_view profile,
                                                                   std::string_view file_name) {
    Credentials found;
    bool in_profile = false, seen = false;
    std::istringstream lines{std::string(text)};
    for (std::string raw; std::getline(lines, raw);) {
        std::string_view line = trimmed(raw);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[' && line.back() == ']') {
            in_profile = trimmed(line.substr(1, line.size() - 2)) == profile;
            seen = seen || in_profile;
            continue;
        }
        auto equals = line.find('=');
        if (!in_profile || equals == std::string_view::npos) continue;
        std::string_view key = trimmed(line.substr(0, equals));
        std::string value(trimmed(line.substr(equals + 1)));
        if (key == "aws_access_key_id") found.access_key = value;
        else if (key == "aws_secret_access_key") found.secret_key = value;
        else if (key == "aws_session_token") found.session_token = value;
    }
    if (!seen) return std::unexpected(fmt::format("no profile `{}` in the shared credentials file {}", profile, file_name));
    if (found.access_key.empty() || found.secret_key.empty())
        return std::unexpected(fmt::format("profile `{}` in {} lacks aws_access_key_id or aws_secret_access_key",
                                           profile, file_name));
    return found;
}

std::expected<Credentials, std::string> resolve_credentials(const CredentialSettings& settings,
                                                            const EnvironmentLookup& environment) {
    if (settings.access_key || settings.secret_key) {
        if (!settings.access_key || !settings.secret_key)
            return std::unexpected(std::string("`access_key` and `secret_key` must be set together"));
        return Credentials{*settings.access_key, *settings.secret_key, settings.token.value_or("")};
    }
    if (settings.profile) return from_file(*settings.profile, environment);
    auto access_key = environment("AWS_ACCESS_KEY_ID");
    auto secret_key = environment("AWS_SECRET_ACCESS_KEY");
    if (access_key && secret_key)
        return Credentials{*access_key, *secret_key, environment("AWS_SESSION_TOKEN").value_or("")};
    return from_file(environment("AWS_PROFILE").value_or("default"), environment);
}

}  // namespace plinth::aws
