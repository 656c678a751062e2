// Parsing one entry of `resources:` or `data:` (part of core/stack/declarations.h).
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

// Reference roots that mean something else; a resource with one of these names could not be
// referred to.
constexpr std::array<std::string_view, 9> k_reserved_names = {"var",  "local",  "path", "count", "each",
                                                               "data", "module", "self", "plinth"};

bool check_not_reserved(const MappingEntry& entry, Diagnostics& diagnostics) {
    if (std::find(k_reserved_names.begin(), k_reserved_names.end(), entry.key) == k_reserved_names.end())
        return true;
    diagnostics.add_error(fmt::format("`{}` is a reserved name and cannot name a resource", entry.key),
                          "references starting with it mean something else", entry.location);
    return false;
}

// `condition` + `error_message` blocks of a precondition/postcondition list.
std::vector<ConditionCheck> parse_checks(const MappingEntry& entry, const BlockContext& context,
                                         Diagnostics& diagnostics) {
    std::vector<ConditionCheck> checks;
    if (!entry.value.is_sequence()) {
        diagnostics.add_error(fmt::format("`{}` of {} must be a list of {{condition, error_message}}, not {}",
                                          entry.key, context.owner, describe_node(entry.value)),
                              {}, location_of(entry.value, context.file));
        return checks;
    }
    BlockContext check_context{fmt::format("a {} of {}", entry.key.substr(0, entry.key.size() - 1), context.owner),
                               context.file};
    for (const auto& item : entry.value.items()) {
        auto location = location_of(item, context.file);
        auto fields = block_entries(item, location, {"condition", "error_message"}, check_context, diagnostics);
        if (!fields) continue;
        ConditionCheck check{nullptr, nullptr, location};
        for (const auto& field : *fields) {
            auto& target = field.key == "condition" ? check.condition : check.error_message;
            target = yaml_to_expression(field.value, context.file, diagnostics);
        }
        if (!check.condition || !check.error_message) {
            diagnostics.add_error(fmt::format("{} needs both `condition` and `error_message`", check_context.owner), {},
                                  location);
            continue;
        }
        checks.push_back(std::move(check));
    }
    return checks;
}

// `replace_triggered_by: [web.id, "${data.x.version}"]`: references, with or without `${}`.
std::vector<expr::ExpressionPtr> parse_triggers(const MappingEntry& entry, const BlockContext& context,
                                                Diagnostics& diagnostics) {
    std::vector<expr::ExpressionPtr> triggers;
    for (auto& item : name_list_field(entry, context, diagnostics).value_or(std::vector<NameAt>{})) {
        bool templated = item.name.find("${") != std::string::npos;
        auto parsed = templated ? expr::parse_template(item.name, item.location, context.file.expressions)
                                : expr::parse_expression(item.name, item.location, context.file.expressions);
        if (parsed) triggers.push_back(std::move(*parsed));
        else diagnostics.append(parsed.error());
    }
    return triggers;
}

std::optional<Lifecycle> parse_lifecycle(const MappingEntry& entry, const BlockContext& resource,
                                         Diagnostics& diagnostics) {
    BlockContext context{"the lifecycle of " + resource.owner, resource.file};
    auto fields = block_entries(entry.value, entry.location,
                                {"create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by",
                                 "precondition", "postcondition"},
                                context, diagnostics);
    if (!fields) return std::nullopt;
    Lifecycle lifecycle;
    for (const auto& field : *fields) {
        if (field.key == "create_before_destroy") {
            lifecycle.create_before_destroy = bool_field(field, context, diagnostics).value_or(false);
        } else if (field.key == "prevent_destroy") {
            lifecycle.prevent_destroy = yaml_to_expression(field.value, context.file, diagnostics);
        } else if (field.key == "ignore_changes") {
            for (auto& item : name_list_field(field, context, diagnostics).value_or(std::vector<NameAt>{}))
                lifecycle.ignore_changes.push_back(std::move(item.name));
        } else if (field.key == "replace_triggered_by") {
            lifecycle.replace_triggered_by = parse_triggers(field, context, diagnostics);
        } else if (field.key == "precondition") {
            lifecycle.preconditions = parse_checks(field, context, diagnostics);
        } else if (field.key == "postcondition") {
            lifecycle.postconditions = parse_checks(field, context, diagnostics);
        }
    }
    return lifecycle;
}

// `properties:` as one map expression; an absent or empty block is an empty map.
expr::ExpressionPtr parse_properties(const MappingEntry& entry, const BlockContext& context,
                                     Diagnostics& diagnostics) {
    if (entry.value.is_null()) return expr::make_map({}, location_of(entry.value, context.file), context.file.expressions);
    if (entry.value.is_map()) return yaml_to_expression(entry.value, context.file, diagnostics);
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
        resource.depends_on = parse_depends_on(field, context, diagnostics);
    } else if (field.key == "lifecycle") {
        if (auto lifecycle = parse_lifecycle(field, context, diagnostics))
            resource.lifecycle_block = std::make_shared<const Lifecycle>(std::move(*lifecycle));
    } else {
        read_repetition_field(field, context, resource.repetition, diagnostics);
    }
}

std::optional<ResourceDecl> parse_resource_block(const MappingEntry& entry, const YamlFile& file, ResourceMode mode,
                                                 Diagnostics& diagnostics) {
    std::string_view kind = mode == ResourceMode::Data ? "data source" : "resource";
    if (!check_declaration_name(kind, entry, diagnostics) || !check_not_reserved(entry, diagnostics))
        return std::nullopt;
    BlockContext context{fmt::format("{} `{}`", kind, entry.key), file};
    std::vector<std::string_view> allowed = {"type", "provider", "properties", "count", "for_each", "depends_on",
                                             "lifecycle"};
    auto fields = block_entries(entry.value, entry.location, allowed, context, diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    ResourceDecl resource;
    resource.name = entry.key;
    resource.mode = mode;
    resource.location = entry.location;
    bool has_properties = false;
    for (const auto& field : *fields) {
        read_field(field, context, resource, diagnostics);
        has_properties = has_properties || field.key == "properties";
    }
    check_repetition(resource.repetition, context, entry.location, diagnostics);
    if (resource.type.empty() && diagnostics.size() == before)
        diagnostics.add_error(fmt::format("{} `{}` has no `type`", kind, entry.key),
                              "every resource names its type, e.g. `type: local_file`", entry.location);
    if (diagnostics.size() != before) return std::nullopt;
    if (!has_properties) resource.properties = expr::make_map({}, entry.location, context.file.expressions);
    if (resource.provider.empty()) resource.provider = default_provider(resource.type);
    return resource;
}

}  // namespace

std::optional<ResourceDecl> parse_resource(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics) {
    return parse_resource_block(entry, file, ResourceMode::Managed, diagnostics);
}

std::optional<ResourceDecl> parse_data_source(const MappingEntry& entry, const YamlFile& file,
                                              Diagnostics& diagnostics) {
    return parse_resource_block(entry, file, ResourceMode::Data, diagnostics);
}

}  // namespace plinth
