#include "plans/provider_settings.h"

#include <fmt/format.h>

#include "core/stack/early_scope.h"

namespace plinth::plans {

std::expected<Value, Diagnostics> evaluate_provider_settings(const Stack& root, const std::string& name,
                                                             const providers::ProviderSchema& schema,
                                                             const ValueMap& variables, const std::string& workspace) {
    auto declared = root.provider_configs.find(name);
    Value settings{ValueMap{}};
    if (declared != root.provider_configs.end()) {
        const ProviderConfigDecl& config = declared->second;
        auto value = EarlyScope(root, variables, workspace).evaluate(*config.settings, root.dir);
        if (!value) return std::unexpected(std::move(value.error()));
        if (!value->is_wholly_known())
            return std::unexpected(Diagnostics(make_error(
                fmt::format("the settings of provider `{}` are not known before apply", name),
                "they may use variables and locals computed from variables only", config.location)));
        settings = std::move(*value);
    }
    auto& entries = settings.as_map();
    for (const auto& attribute : schema.config) {
        auto it = entries.find(attribute.name);
        if (it == entries.end() && attribute.default_value) it = entries.emplace(attribute.name, *attribute.default_value).first;
        if (it != entries.end() && attribute.sensitive) it->second.mark_sensitive();
    }
    providers::ResourceSchema settings_schema{fmt::format("provider `{}`", name), {}, schema.config};
    const SourceLocation where = declared == root.provider_configs.end() ? SourceLocation{} : declared->second.location;
    auto problems = providers::validate_properties(settings_schema, settings, [&](std::string_view attribute) {
        if (attribute.empty() || declared == root.provider_configs.end()) return where;
        return expr::member_location(*declared->second.settings, attribute).value_or(where);
    });
    if (problems.has_errors()) return std::unexpected(std::move(problems));
    return settings;
}

}  // namespace plinth::plans
