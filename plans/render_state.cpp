#include "plans/render_state.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/value_json.h"
#include "plans/render_text.h"
#include "plans/render_value.h"

namespace plinth::plans {

namespace {
constexpr int k_state_attribute_column = 4;

std::string status_note(ResourceStatus status) {
    switch (status) {
    case ResourceStatus::Tainted: return " (tainted)";
    case ResourceStatus::Creating: return " (creation unconfirmed)";
    case ResourceStatus::Deleting: return " (deletion unconfirmed)";
    case ResourceStatus::Updating: return " (update unconfirmed)";
    case ResourceStatus::Ready: break;
    }
    return "";
}

nlohmann::json type_of(const Value& value) {
    switch (value.kind()) {
    case ValueKind::Bool: return "bool";
    case ValueKind::Number: return "number";
    case ValueKind::String: return "string";
    case ValueKind::List: {
        auto items = nlohmann::json::array();
        for (const auto& item : value.as_list()) items.push_back(type_of(item));
        return nlohmann::json::array({"tuple", items});
    }
    case ValueKind::Map: {
        auto members = nlohmann::json::object();
        for (const auto& [key, item] : value.as_map()) members[key] = type_of(item);
        return nlohmann::json::array({"object", members});
    }
    default: return "dynamic";
    }
}
}  // namespace

std::string render_resource_state(const ResourceState& resource, const RenderStyle& style) {
    std::string out = style.bold("# " + resource.address + ":") + status_note(resource.status) + "\n";
    out += fmt::format("resource {} {} {{\n", hcl_quote(resource.type), hcl_quote(resource_name(resource.address)));
    if (resource.attributes.is_map()) {
        const auto& attributes = resource.attributes.as_map();
        std::size_t width = 0;
        for (const auto& [name, value] : attributes)
            if (!value.is_null()) width = std::max(width, key_text(name, false).size());
        for (const auto& [name, value] : attributes) {
            if (value.is_null()) continue;
            out += std::string(k_state_attribute_column, ' ') + pad(key_text(name, false), width) + " = " +
                   render_value(value, Mark::None, k_state_attribute_column, style) + "\n";
        }
    }
    return out + "}\n";
}

std::string render_state(const State& state, const RenderStyle& style) {
    if (state.resources.empty() && state.outputs.empty())
        return "The state is empty. No resources are represented.\n";
    std::string out;
    for (const auto& [address, resource] : state.resources) {
        if (!out.empty()) out += "\n";
        out += render_resource_state(resource, style);
    }
    if (!state.outputs.empty()) {
        if (!out.empty()) out += "\n\n";
        out += style.bold("Outputs:") + "\n\n";
        for (const auto& [name, output] : state.outputs) {
            Value shown = output.value;
            if (output.sensitive) shown.mark_sensitive();
            out += key_text(name, false) + " = " + render_value(shown, Mark::None, 0, style) + "\n";
        }
    }
    return out;
}

std::string render_outputs(const std::map<std::string, OutputState>& outputs, const RenderStyle& style) {
    std::string out;
    for (const auto& [name, output] : outputs) {
        out += key_text(name, false) + " = ";
        out += output.sensitive ? "<sensitive>" : render_value(output.value, Mark::None, 0, style);
        out += "\n";
    }
    return out;
}

std::string render_output_raw(const Value& value) {
    return value.is_string() ? value.as_string() : to_display(value);
}

nlohmann::json outputs_to_json(const std::map<std::string, OutputState>& outputs) {
    auto out = nlohmann::json::object();
    for (const auto& [name, output] : outputs)
        out[name] = {{"sensitive", output.sensitive}, {"type", type_of(output.value)}, {"value", to_json(output.value)}};
    return out;
}

}  // namespace plinth::plans
