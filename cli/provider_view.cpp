#include "cli/provider_view.h"

#include <algorithm>
#include <fmt/format.h>

#include "cli/terminal.h"

namespace plinth::cli {
namespace {

std::string type_names(const std::vector<providers::ResourceSchema>& types) {
    std::string names;
    for (const auto& type : types) names += (names.empty() ? "" : ", ") + type.type;
    return names.empty() ? "none" : names;
}

std::string headline(const providers::ProviderSchema& schema, const std::string& origin, bool color) {
    return fmt::format("{} {} ({})\n", bold(schema.name, color), schema.version, origin);
}

std::string flags(const providers::AttributeSchema& attribute) {
    std::string text = attribute.required ? "required" : attribute.optional ? "optional" : "computed";
    if (attribute.optional && attribute.computed) text += ", computed";
    if (attribute.force_new) text += ", force_new";
    if (attribute.sensitive) text += ", sensitive";
    if (attribute.default_value) text += ", default " + to_display(*attribute.default_value);
    return text;
}

std::string attribute_lines(const std::vector<providers::AttributeSchema>& attributes) {
    if (attributes.empty()) return "    (none)\n";
    std::size_t width = 0;
    for (const auto& attribute : attributes) width = std::max(width, attribute.name.size());
    std::string text;
    for (const auto& attribute : attributes) {
        std::string line = fmt::format("    {:<{}}  {:<6}  {}", attribute.name, width,
                                       providers::to_string(attribute.type), flags(attribute));
        if (!attribute.description.empty()) line += "  " + attribute.description;
        text += line + "\n";
    }
    return text;
}

std::string type_blocks(std::string_view kind, const std::vector<providers::ResourceSchema>& types, bool color) {
    std::string text;
    for (const auto& type : types) {
        text += fmt::format("\n  {} {}", kind, bold(type.type, color));
        text += type.description.empty() ? "\n" : fmt::format(": {}\n", type.description);
        text += attribute_lines(type.attributes);
    }
    return text;
}

}  // namespace

std::string render_provider_summary(const providers::ProviderSchema& schema, const std::string& origin, bool color) {
    return headline(schema, origin, color) + fmt::format("  resources:    {}\n", type_names(schema.resources)) +
           fmt::format("  data sources: {}\n", type_names(schema.data_sources));
}

std::string render_provider_schema(const providers::ProviderSchema& schema, const std::string& origin, bool color) {
    std::string text = headline(schema, origin, color);
    text += "\n  settings\n" + attribute_lines(schema.config);
    text += type_blocks("resource", schema.resources, color);
    text += type_blocks("data source", schema.data_sources, color);
    return text;
}

}  // namespace plinth::cli
