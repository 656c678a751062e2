// Parsing the `encryption:` block (part of core/stack/declarations.h).
#include <algorithm>
#include <fmt/format.h>

#include "core/name_suggestion.h"
#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

const std::vector<std::string> k_key_provider_types = {"pbkdf2", "env"};
constexpr const char* k_types_hint = "`pbkdf2` (a key derived from a passphrase) or `env` (a key in an environment "
                                     "variable)";

// The fields of one key provider once read: each null when not given.
struct KeyProviderFields {
    std::optional<MappingEntry> type;
    std::optional<MappingEntry> passphrase;
    std::optional<MappingEntry> variable;
};

// `passphrase` for pbkdf2, `variable` for env: the one that belongs is required, the other refused.
void read_key_setting(const KeyProviderFields& fields, KeyProviderDecl& decl, const BlockContext& context,
                      Diagnostics& diagnostics) {
    bool pbkdf2 = decl.type == "pbkdf2";
    const auto& wanted = pbkdf2 ? fields.passphrase : fields.variable;
    const auto& other = pbkdf2 ? fields.variable : fields.passphrase;
    if (other)
        diagnostics.add_error(fmt::format("`{}` is not a setting of key provider `{}`", other->key, decl.type),
                              fmt::format("key provider `{}` takes `{}`", decl.type, pbkdf2 ? "passphrase" : "variable"),
                              other->location);
    if (!wanted) {
        diagnostics.add_error(fmt::format("key provider `{}` of {} needs `{}`", decl.type, context.owner,
                                          pbkdf2 ? "passphrase" : "variable"),
                              pbkdf2 ? "e.g. `passphrase: ${var.state_passphrase}`"
                                     : "the name of an environment variable holding a 32-byte key in base64 or hex, "
                                       "e.g. `variable: PLINTH_STATE_KEY`",
                              decl.location);
        return;
    }
    auto text = string_field(*wanted, context, diagnostics);
    if (!text) return;
    if (pbkdf2) {
        decl.passphrase = yaml_to_expression(wanted->value, context.file, diagnostics);
        return;
    }
    if (text->empty() || text->find('=') != std::string::npos)
        diagnostics.add_error(fmt::format("`variable` of {} must name an environment variable", context.owner), {},
                              location_of(wanted->value, context.file));
    decl.variable = *text;
}

std::optional<KeyProviderDecl> parse_key_provider(const MappingEntry& entry, const YamlFile& file,
                                                  Diagnostics& diagnostics) {
    BlockContext context{fmt::format("`encryption.{}`", entry.key), file};
    auto entries = block_entries(entry.value, entry.location, {"type", "passphrase", "variable"}, context, diagnostics);
    if (!entries) return std::nullopt;
    KeyProviderFields fields;
    for (auto& field : *entries) {
        auto& slot = field.key == "type" ? fields.type : field.key == "passphrase" ? fields.passphrase : fields.variable;
        slot = std::move(field);
    }
    KeyProviderDecl decl{{}, nullptr, {}, entry.location};
    if (!fields.type) {
        diagnostics.add_error(fmt::format("{} needs a `type`", context.owner), k_types_hint, entry.location);
        return std::nullopt;
    }
    auto type = string_field(*fields.type, context, diagnostics);
    if (!type) return std::nullopt;
    if (std::find(k_key_provider_types.begin(), k_key_provider_types.end(), *type) == k_key_provider_types.end()) {
        std::string hint = did_you_mean(*type, k_key_provider_types);
        diagnostics.add_error(fmt::format("unknown key provider type `{}`", *type),
                              hint.empty() ? fmt::format("the types are {}", k_types_hint) : hint,
                              location_of(fields.type->value, file));
        return std::nullopt;
    }
    decl.type = *type;
    std::size_t errors_before = diagnostics.size();
    read_key_setting(fields, decl, context, diagnostics);
    if (diagnostics.size() != errors_before) return std::nullopt;
    return decl;
}

}  // namespace

std::optional<EncryptionDecl> parse_encryption(const MappingEntry& section, const YamlFile& file,
                                               Diagnostics& diagnostics) {
    BlockContext context{"`encryption`", file};
    std::size_t errors_before = diagnostics.size();
    auto fields = block_entries(section.value, section.location, {"key_provider", "fallback"}, context, diagnostics);
    if (!fields) return std::nullopt;
    EncryptionDecl encryption{{}, std::nullopt, section.location};
    bool has_key_provider = false;
    bool ok = diagnostics.size() == errors_before;  // an unknown key may be a misspelt `key_provider`
    for (const auto& field : *fields) {
        auto provider = parse_key_provider(field, file, diagnostics);
        ok = ok && provider;
        if (!provider) continue;
        if (field.key == "fallback") {
            encryption.fallback = std::move(*provider);
            continue;
        }
        encryption.key_provider = std::move(*provider);
        has_key_provider = true;
    }
    if (ok && !has_key_provider)
        diagnostics.add_error("`encryption` needs a `key_provider`",
                              "e.g. `key_provider: { type: pbkdf2, passphrase: ${var.state_passphrase} }`",
                              section.location);
    if (!ok || !has_key_provider) return std::nullopt;
    return encryption;
}

}  // namespace plinth
