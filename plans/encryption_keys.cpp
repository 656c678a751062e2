#include "plans/encryption_keys.h"

#include <cstdlib>
#include <fmt/format.h>

#include "core/digest.h"
#include "core/stack/early_scope.h"
#include "core/state/aes_gcm.h"

namespace plinth::plans {

namespace {

std::optional<std::string> decode_hex(std::string_view text) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (text.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        int high = nibble(text[i]), low = nibble(text[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
    }
    return out;
}

std::expected<std::string, Diagnostics> passphrase_of(const Stack& root, const KeyProviderDecl& decl,
                                                     const std::string& role, const ValueMap& variables,
                                                     const std::string& workspace) {
    auto value = EarlyScope(root, variables, workspace).evaluate(*decl.passphrase, root.dir);
    SourceLocation where = expr::location_of(*decl.passphrase);
    if (!value) return std::unexpected(std::move(value.error()));
    if (!value->is_wholly_known())
        return std::unexpected(make_error(
            fmt::format("the passphrase of `encryption.{}` is not known", role),
            "it may use variables and locals computed from variables only; give each variable it uses a value "
            "(--var, --var-file or PLINTH_VAR_NAME)",
            where));
    if (!value->is_string())
        return std::unexpected(make_error(fmt::format("the passphrase of `encryption.{}` must be a string", role), {},
                                          where));
    if (value->as_string().size() < k_min_passphrase_length)
        return std::unexpected(make_error(
            fmt::format("the passphrase of `encryption.{}` is too short", role),
            fmt::format("it must have at least {} characters", k_min_passphrase_length), where));
    return value->as_string();
}

std::expected<std::string, Diagnostics> raw_key_of(const KeyProviderDecl& decl, const std::string& role,
                                                  const EnvironmentLookup& environment) {
    std::optional<std::string> text = environment(decl.variable);
    constexpr const char* k_form = "key provider `env` reads a 32-byte key from it, written in base64 (44 "
                                   "characters) or hex (64), e.g. the output of `openssl rand -base64 32`";
    if (!text || text->empty())
        return std::unexpected(make_error(
            fmt::format("environment variable {} (the key of `encryption.{}`) is not set", decl.variable, role), k_form,
            decl.location));
    std::optional<std::string> key = text->size() == 2 * k_aes_key_bytes ? decode_hex(*text) : base64_decode(*text);
    if (!key || key->size() != k_aes_key_bytes)
        return std::unexpected(make_error(
            fmt::format("environment variable {} (the key of `encryption.{}`) does not hold a 32-byte key",
                        decl.variable, role),
            k_form, decl.location));
    return std::move(*key);
}

std::expected<EncryptionKey, Diagnostics> key_of(const Stack& root, const KeyProviderDecl& decl, const std::string& role,
                                                const ValueMap& variables, const std::string& workspace,
                                                const EnvironmentLookup& environment) {
    bool passphrase = decl.type == "pbkdf2";
    auto secret = passphrase ? passphrase_of(root, decl, role, variables, workspace)
                             : raw_key_of(decl, role, environment);
    if (!secret) return std::unexpected(std::move(secret.error()));
    return EncryptionKey{passphrase ? EncryptionKey::Kind::Passphrase : EncryptionKey::Kind::Raw, std::move(*secret),
                         decl.type, role};
}

}  // namespace

std::expected<std::shared_ptr<const StateCodec>, Diagnostics> make_state_codec(const Stack& root,
                                                                              const ValueMap& variables,
                                                                              const std::string& workspace,
                                                                              const EnvironmentLookup& environment) {
    if (!root.encryption) return std::make_shared<const StateCodec>();
    Diagnostics problems;
    std::vector<EncryptionKey> keys;
    auto add = [&](const KeyProviderDecl& decl, const std::string& role) {
        auto key = key_of(root, decl, role, variables, workspace, environment);
        if (key) keys.push_back(std::move(*key));
        else problems.append(key.error());
    };
    add(root.encryption->key_provider, "key_provider");
    if (root.encryption->fallback) add(*root.encryption->fallback, "fallback");
    if (problems.has_errors()) return std::unexpected(std::move(problems));
    return std::make_shared<const StateCodec>(std::move(keys));
}

}  // namespace plinth::plans
