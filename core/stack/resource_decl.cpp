// Parsing one entry of `resources:` (part of core/stack/declarations.h).
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

// Reference roots that mean something else; a resource with one of these names could not be
// referred to.
constexpr std::array<std::string_view, 8> k_reserved_names = {"var",  "local", "path", "count",
                                                               "each", "data",  "module", "self"};

bool check_not_reserved(const MappingEntry& entry, Diagnostics& diagnostics) {
    if (std::find(k_reserved_names.begin(), k_reserved_names.end(), entry.key) == k_reserved_names.end())
        return true;
    diagnostics.add_error(fmt::format("`{}` is a reserved name and cannot name a resource", entry.key),
                          "references starting with it mean something else", entry.location);
    return false;
}

std::optional<Lifecycle> parse_lifecycle(const MappingEntry& entry, const BlockContext& resource,
                                         Diagnostics& diagnostics) {
    BlockContext context{"the lifecycle of " + resource.owner, resource.file};
    auto fields = block_entries(entry.value, entry.location,
                                {"create_before_destroy", "prevent_destroy", "ignore_changes"}, context, diagnostics);
    if (!fields) return std::nullopt;
    Lifecycle lifecycle;
    for (const auto& field : *fields) {
        if (field.key == "create_before_destroy") {
            lifecycle.create_before_destroy = bool_field(field, context, diagnostics).value_or(false);
        } else if (field.key == "prevent_destroy") {
            lifecycle.prevent_destroy = bool_field(field, context, diagnostics).value_or(false);
        } else if (field.key == "ignore_changes") {
            for (auto& item : name_list_field(field, context, diagnostics).value_or(std::vector<NameAt>{}))
                lifecycle.ignore_changes.push_back(std::move(item.name));
        }
    }
    return lifecycle;
}

// `properties:` as one map expression; an absent or empty block is an empty map.
expr::ExpressionPtr parse_properties(const MappingEntry& entry, const BlockContext& context,
                                     Diagnostics& diagnostics) {
    if (entry.value.IsNull()) return expr::make_map({}, location_of(entry.value, context.file));
    if (entry.value.IsMap()) return yaml_to_expression(entry.value, context.file, diagnostics);
    diagnostics.add_error(fmt::format("`properties` of {} must be a mapping, not {}", context.owner,
                                      describe_node(entry.value)),
                          {}, location_of(entry.value, context.file));
    return nullptr;
}

// The provider configuration a type belongs to when none is named: its prefix ("local_file" -> "local").
std::string default_provider(const std::string& type) { return type.substr(0, type.find('_')); }

void read_field(const MappingEntry& field, const BlockContext& context, ResourceDecl& resource,
                Diagnostics& diagnostics) {
    if (field.key == "type") {
        resource.type = string_field(field, context, diagnostics).value_or("");
    } else if (field.key == "provider") {
        resource.provider = string_field(field, context, diagnostics).value_or("");
    } else if (field.key == "properties") {
        resource.properties = parse_properties(field, context, diagnostics);
    } else if (field.key == "depends_on") {
        for (auto& item : name_list_field(field, context, diagnostics).value_or(std::vector<NameAt>{}))
            resource.depends_on.push_back(DependsOn{std::move(item.name), std::move(item.location)});
    } else if (field.key == "lifecycle") {
        resource.lifecycle = parse_lifecycle(field, context, diagnostics).value_or(Lifecycle{});
    }
}

}  // namespace

std::optional<ResourceDecl> parse_resource(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics) {
    if (!check_declaration_name("resource", entry, diagnostics) || !check_not_reserved(entry, diagnostics))
        return std::nullopt;
    BlockContext context{fmt::format("resource `{}`", entry.key), file};
    auto fields = block_entries(entry.value, entry.location,
                                {"type", "provider", "properties", "depends_on", "lifecycle"}, context, diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    ResourceDecl resource;
    resource.name = entry.key;
    resource.location = entry.location;
    bool has_properties = false;
    for (const auto& field : *fields) {
        read_field(field, context, resource, diagnostics);
        has_properties = has_properties || field.key == "properties";
    }
    if (resource.type.empty() && diagnostics.size() == before)
        diagnostics.add_error(fmt::format("resource `{}` has no `type`", entry.key),
                              "every resource names its type, e.g. `type: local_file`", entry.location);
    if (diagnostics.size() != before) return std::nullopt;
    if (!has_properties) resource.properties = expr::make_map({}, entry.location);
    if (resource.provider.empty()) resource.provider = default_provider(resource.type);
    return resource;
}

}  // namespace plinth
