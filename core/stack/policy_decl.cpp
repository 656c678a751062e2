// Parsing the `policies:` list (part of core/stack/declarations.h).
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

constexpr const char* k_policy_example =
    "e.g. `policies: [{ name: tagged, resource_types: [aws_s3_bucket], condition: \"${length(after.tags) > 0}\", "
    "message: \"buckets need tags\", enforcement: mandatory }]`";

std::optional<PolicyEnforcement> enforcement_of(const MappingEntry& field, const BlockContext& context,
                                                Diagnostics& diagnostics) {
    auto text = string_field(field, context, diagnostics);
    if (!text) return std::nullopt;
    if (*text == "mandatory") return PolicyEnforcement::Mandatory;
    if (*text == "advisory") return PolicyEnforcement::Advisory;
    diagnostics.add_error(fmt::format("`enforcement` of {} must be `mandatory` or `advisory`, not `{}`", context.owner,
                                      *text),
                          {}, location_of(field.value, context.file));
    return std::nullopt;
}

// One entry; null (with diagnostics) when it is not a complete policy.
std::optional<PolicyDecl> parse_policy(const YamlNode& item, const YamlFile& file, Diagnostics& diagnostics) {
    auto location = location_of(item, file);
    BlockContext context{"a policy", file};
    auto fields = block_entries(item, location, {"name", "resource_types", "condition", "message", "enforcement"},
                                context, diagnostics);
    if (!fields) return std::nullopt;
    PolicyDecl policy;
    policy.location = location;
    std::size_t errors = diagnostics.size();
    for (const auto& field : *fields) {
        if (field.key == "name") {
            if (auto name = string_field(field, context, diagnostics)) {
                policy.name = *name;
                context.owner = fmt::format("policy `{}`", *name);
            }
        } else if (field.key == "resource_types") {
            if (auto names = name_list_field(field, context, diagnostics))
                for (auto& type : *names) policy.resource_types.push_back(std::move(type.name));
        } else if (field.key == "enforcement") {
            if (auto enforcement = enforcement_of(field, context, diagnostics)) policy.enforcement = *enforcement;
        } else if (field.value.is_scalar()) {
            (field.key == "condition" ? policy.condition : policy.message) =
                yaml_to_expression(field.value, file, diagnostics);
        } else {
            diagnostics.add_error(fmt::format("`{}` of {} must be a string, not {}", field.key, context.owner,
                                              describe_node(field.value)),
                                  {}, location_of(field.value, file));
        }
    }
    for (auto [name, given] : {std::pair{"name", !policy.name.empty()}, std::pair{"condition", policy.condition != nullptr},
                               std::pair{"message", policy.message != nullptr}})
        if (!given) diagnostics.add_error(fmt::format("{} has no `{}`", context.owner, name), k_policy_example, location);
    if (diagnostics.size() != errors) return std::nullopt;
    return policy;
}

}  // namespace

std::vector<PolicyDecl> parse_policies(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics) {
    std::vector<PolicyDecl> policies;
    if (section.value.is_null()) return policies;
    if (!section.value.is_sequence()) {
        diagnostics.add_error(fmt::format("`policies` must be a list, not {}", describe_node(section.value)),
                              k_policy_example, location_of(section.value, file));
        return policies;
    }
    for (const auto& item : section.value.items())
        if (auto policy = parse_policy(item, file, diagnostics)) policies.push_back(std::move(*policy));
    return policies;
}

}  // namespace plinth
