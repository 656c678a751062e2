// Parsing `providers:` entries and the `requires:` block (part of core/stack/declarations.h).
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

bool is_identifier(std::string_view text) {
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text.front())) || text.front() == '_')) return false;
    for (char c : text)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

std::optional<VersionRequirement> constraint_field(const MappingEntry& entry, const BlockContext& context,
                                                   Diagnostics& diagnostics) {
    auto text = string_field(entry, context, diagnostics);
    if (!text) return std::nullopt;
    return VersionRequirement{*text, location_of(entry.value, context.file)};
}

}  // namespace

std::optional<ProviderConfigDecl> parse_provider_config(const MappingEntry& entry, const YamlFile& file,
                                                        Diagnostics& diagnostics) {
    auto dot = entry.key.find('.');
    std::string provider = entry.key.substr(0, dot);
    std::string alias = dot == std::string::npos ? std::string() : entry.key.substr(dot + 1);
    if (!is_identifier(provider) || (dot != std::string::npos && !is_identifier(alias))) {
        diagnostics.add_error(fmt::format("invalid provider configuration name `{}`", entry.key),
                              "a configuration is named after its provider (`aws`), or the provider and an "
                              "alias (`aws.eu`)",
                              entry.location);
        return std::nullopt;
    }
    if (!entry.value.is_null() && !entry.value.is_map()) {
        diagnostics.add_error(fmt::format("the settings of provider `{}` must be a mapping, not {}", entry.key,
                                          describe_node(entry.value)),
                              "e.g. `aws: { region: eu-west-1 }`", location_of(entry.value, file));
        return std::nullopt;
    }
    ProviderConfigDecl config{entry.key, std::move(provider), std::move(alias), nullptr, entry.location};
    config.settings = entry.value.is_null() ? expr::make_map({}, entry.location, file.expressions)
                                           : yaml_to_expression(entry.value, file, diagnostics);
    return config;
}

void parse_requirements(const MappingEntry& section, const YamlFile& file, Requirements& requirements,
                        Diagnostics& diagnostics) {
    BlockContext context{"`requires`", file};
    auto fields = block_entries(section.value, section.location, {"plinth", "providers"}, context, diagnostics);
    if (!fields) return;
    for (const auto& field : *fields) {
        if (field.key == "plinth") {
            requirements.plinth = constraint_field(field, context, diagnostics);
            continue;
        }
        if (!field.value.is_map()) {
            diagnostics.add_error(fmt::format("`requires.providers` must map provider names to version constraints, "
                                              "not {}",
                                              describe_node(field.value)),
                                  "e.g. `providers: { acme: \">= 1.2\" }`", location_of(field.value, file));
            continue;
        }
        for (const auto& item : unique_mapping_entries(field.value, file, diagnostics))
            if (auto constraint = constraint_field(item, context, diagnostics))
                requirements.providers.emplace(item.key, std::move(*constraint));
    }
}

}  // namespace plinth
