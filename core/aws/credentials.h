// core/aws/credentials.h: finding AWS credentials as the AWS tools do: keys given in settings, else
// the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), else a profile
// of the shared credentials file (~/.aws/credentials, or AWS_SHARED_CREDENTIALS_FILE). A profile
// named in settings goes straight to the file.
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/environment.h"

namespace plinth::aws {

struct Credentials {
    std::string access_key;
    std::string secret_key;
    std::string session_token;  // empty unless temporary credentials
};

// What settings gave (each may be absent).
struct CredentialSettings {
    std::optional<std::string> access_key;
    std::optional<std::string> secret_key;
    std::optional<std::string> token;
    std::optional<std::string> profile;
};

// The credentials of `profile` in the INI text of a shared credentials file; an error message when
// the profile or its keys are missing.
std::expected<Credentials, std::string> credentials_from_file_text(std::string_view text, std::string_view profile,
                                                                   std::string_view file_name);

// The credentials chain above. On failure, a message saying what was tried. The credentials file
// is AWS_SHARED_CREDENTIALS_FILE, else HOME/.aws/credentials.
std::expected<Credentials, std::string> resolve_credentials(const CredentialSettings& settings,
                                                            const EnvironmentLookup& environment = process_environment);

}  // namespace plinth::aws
