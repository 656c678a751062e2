#include "core/state/state_file.h"

#include <fmt/format.h>

#include "core/value_json.h"
#include "core/value_path.h"
#include "core/version.h"

namespace plinth {

namespace {

using Json = nlohmann::json;

// 1-based line and column of the byte at `offset` (nlohmann reports the offset just past it).
SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& origin) {
    SourceLocation location{origin, 1, 1};
    std::size_t end = std::min(offset > 0 ? offset - 1 : 0, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++location.line;
            location.column = 1;
        } else {
            ++location.column;
        }
    }
    return location;
}

Diagnostic invalid_state(const std::string& origin, std::string detail) {
    return make_error(fmt::format("state file {} is invalid", origin), std::move(detail), SourceLocation{origin});
}

std::expected<void, Diagnostic> check_format_version(const Json& doc, const std::string& origin) {
    auto it = doc.find("format_version");
    if (it == doc.end())
        return std::unexpected(make_error(
            fmt::format("state file {} has no format_version; this plinth reads version {}", origin,
                        State::k_format_version),
            "The file does not look like a plinth state file.", SourceLocation{origin}));
    if (!it->is_number_integer() || it->get<std::int64_t>() != State::k_format_version)
        return std::unexpected(make_error(
            fmt::format("state file {} has format_version {}; this plinth reads version {}", origin, it->dump(),
                        State::k_format_version),
            "It was written by a different version of plinth; use that version, or one that reads this format.",
            SourceLocation{origin}));
    return {};
}

std::expected<std::string, std::string> string_field(const Json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end()) return std::unexpected(fmt::format("missing \"{}\"", name));
    if (!it->is_string()) return std::unexpected(fmt::format("\"{}\" must be a string", name));
    return it->get<std::string>();
}

// An optional array of strings; absent means empty.
std::expected<std::vector<std::string>, std::string> string_list_field(const Json& object, const char* name) {
    std::vector<std::string> out;
    auto it = object.find(name);
    if (it == object.end()) return out;
    if (!it->is_array()) return std::unexpected(fmt::format("\"{}\" must be a list of strings", name));
    for (const auto& item : *it) {
        if (!item.is_string()) return std::unexpected(fmt::format("\"{}\" must be a list of strings", name));
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::expected<std::map<std::string, OutputState>, std::string> outputs_from_json(const Json& json) {
    std::map<std::string, OutputState> outputs;
    if (!json.is_object()) return std::unexpected("\"outputs\" must be an object");
    for (const auto& [name, item] : json.items()) {
        auto value = item.find("value");
        auto sensitive = item.find("sensitive");
        if (!item.is_object() || value == item.end())
            return std::unexpected(fmt::format("output \"{}\": missing \"value\"", name));
        if (sensitive != item.end() && !sensitive->is_boolean())
            return std::unexpected(fmt::format("output \"{}\": \"sensitive\" must be true or false", name));
        OutputState output{from_json(*value), sensitive != item.end() && sensitive->get<bool>()};
        if (output.sensitive) output.value.mark_sensitive();
        outputs.emplace(name, std::move(output));
    }
    return outputs;
}

std::expected<State, Diagnostic> state_from_document(const Json& doc, const std::string& origin) {
    State state;
    auto serial = doc.find("serial");
    if (serial == doc.end() || !serial->is_number_unsigned())
        return std::unexpected(invalid_state(origin, "\"serial\" must be a non-negative integer"));
    state.serial = serial->get<std::uint64_t>();
    auto lineage = string_field(doc, "lineage");
    if (!lineage) return std::unexpected(invalid_state(origin, lineage.error()));
    state.lineage = std::move(*lineage);
    if (auto outputs = doc.find("outputs"); outputs != doc.end()) {
        auto parsed = outputs_from_json(*outputs);
        if (!parsed) return std::unexpected(invalid_state(origin, parsed.error()));
        state.outputs = std::move(*parsed);
    }
    // The list's elements were taken while parsing (ResourceStream); only the list itself is left.
    if (auto resources = doc.find("resources"); resources != doc.end() && !resources->is_array())
        return std::unexpected(invalid_state(origin, "\"resources\" must be a list"));
    return state;
}

// Turns each element of the top-level "resources" list into a ResourceState as soon as the parser
// has read it, and drops it from the document, so the JSON tree of a whole state (several times
// the file's size: about 200 MB for 100,000 resources) never exists at once.
class ResourceStream {
public:
    bool on_event(int depth, Json::parse_event_t event, Json& parsed) {
        using Event = Json::parse_event_t;
        if (depth == 1) {
            if (event == Event::key) m_after_resources_key = parsed == "resources";
            if (event == Event::array_start) m_inside = m_after_resources_key;
            if (event == Event::array_end) m_inside = false;
            return true;
        }
        bool element_read = event == Event::object_end || event == Event::array_end || event == Event::value;
        if (!m_inside || depth != 2 || !element_read) return true;
        std::size_t index = m_count++;
        if (m_error) return false;
        auto resource = resource_from_json(parsed);
        if (!resource) {
            m_error = fmt::format("resources[{}]: {}", index, resource.error());
            return false;
        }
        std::string address = resource->address;
        if (!m_resources.emplace(address, std::move(*resource)).second)
            m_error = fmt::format("resources[{}]: address \"{}\" appears twice", index, address);
        return false;
    }

    // Moves the resources read into `state` (whose document's list was left empty), or says what
    // was wrong with the first bad one.
    std::expected<void, std::string> take_into(State& state) {
        if (m_error) return std::unexpected(*m_error);
        state.resources = std::move(m_resources);
        return {};
    }

private:
    bool m_after_resources_key = false;  // the last top-level key read was "resources"
    bool m_inside = false;               // reading the elements of that list
    std::size_t m_count = 0;
    std::map<std::string, ResourceState> m_resources;
    std::optional<std::string> m_error;
};

}  // namespace

std::expected<State, Diagnostic> parse_state(std::string_view json, const std::string& origin) {
    Json doc;
    ResourceStream resources;
    try {
        doc = Json::parse(json, [&](int depth, Json::parse_event_t event, Json& parsed) {
            return resources.on_event(depth, event, parsed);
        });
    } catch (const Json::parse_error& error) {
        SourceLocation where = location_of(json, error.byte, origin);
        return std::unexpected(make_error(
            fmt::format("state file {} is not valid JSON", origin),
            fmt::format("at byte {} (line {}, column {}): {}", error.byte, where.line, where.column, error.what()),
            where));
    } catch (const Json::exception& error) {  // a number too large for a double
        return std::unexpected(make_error(fmt::format("state file {} is not valid JSON", origin), error.what(),
                                          SourceLocation{origin}));
    }
    if (!doc.is_object()) return std::unexpected(invalid_state(origin, "the document must be a JSON object"));
    if (auto version = check_format_version(doc, origin); !version) return std::unexpected(version.error());
    auto state = state_from_document(doc, origin);
    if (!state) return state;
    if (auto taken = resources.take_into(*state); !taken) return std::unexpected(invalid_state(origin, taken.error()));
    return state;
}

std::string serialize_state(const State& state) {
    std::string text;
    write_state_text(state, [&](std::string_view piece) { text += piece; });
    return text;
}

void write_state_text(const State& state, const TextSink& sink) {
    // Ordered so that format_version comes first, as DESIGN.md §3 shows it.
    nlohmann::ordered_json doc;
    doc["format_version"] = State::k_format_version;
    doc["plinth_version"] = k_version;
    doc["serial"] = state.serial;
    doc["lineage"] = state.lineage;
    auto& outputs = doc["outputs"] = nlohmann::ordered_json::object();
    for (const auto& [name, output] : state.outputs) {
        bool sensitive = output.sensitive || output.value.contains_sensitive();
        outputs[name] = nlohmann::ordered_json{{"value", to_json(output.value)}, {"sensitive", sensitive}};
    }
    doc["resources"] = nlohmann::ordered_json::array();
    constexpr auto k_replace = nlohmann::ordered_json::error_handler_t::replace;
    std::string text = doc.dump(2, ' ', false, k_replace);
    if (state.resources.empty()) {
        sink(text + "\n");
        return;
    }
    // The resources are written one at a time into the place of the empty list, indented as the
    // document's own dump would indent them, so no JSON tree of every resource is ever built.
    constexpr std::string_view k_empty_list_end = "[]\n}";
    text.resize(text.size() - k_empty_list_end.size());
    text += "[\n";
    sink(text);
    const char* separator = "";
    for (const auto& [address, resource] : state.resources) {
        text = separator;
        separator = ",\n";
        text += "    ";
        for (char c : resource_to_json(resource).dump(2, ' ', false, k_replace)) {
            text += c;
            if (c == '\n') text += "    ";  // JSON strings hold no raw newline: every one is layout
        }
        sink(text);
    }
    sink("\n  ]\n}\n");
}

Json resource_to_json(const ResourceState& resource) {
    Json json{{"address", resource.address},
              {"type", resource.type},
              {"provider", resource.provider},
              {"id", resource.id},
              {"attributes", to_json(resource.attributes)},
              {"sensitive_attributes", sensitive_paths(resource.attributes)},
              {"dependencies", resource.dependencies},
              {"status", to_string(resource.status)}};
    if (resource.status == ResourceStatus::Updating) {
        static const Value k_none{ValueMap{}};
        const Value& prior = resource.prior_attributes ? *resource.prior_attributes : k_none;
        json["prior_attributes"] = to_json(prior);
        json["prior_sensitive_attributes"] = sensitive_paths(prior);
    }
    return json;
}

std::expected<ResourceState, std::string> resource_from_json(const Json& json) {
    if (!json.is_object()) return std::unexpected("a resource must be an object");
    ResourceState resource;
    for (auto [field, name] : {std::pair{&resource.address, "address"}, std::pair{&resource.type, "type"},
                               std::pair{&resource.provider, "provider"}, std::pair{&resource.id, "id"}}) {
        auto text = string_field(json, name);
        if (!text) return std::unexpected(text.error());
        *field = std::move(*text);
    }
    if (resource.address.empty()) return std::unexpected("\"address\" must not be empty");
    auto attributes = json.find("attributes");
    if (attributes == json.end() || !(attributes->is_object() || attributes->is_null()))
        return std::unexpected(fmt::format("{}: \"attributes\" must be an object", resource.address));
    resource.attributes = from_json(*attributes);
    auto sensitive = string_list_field(json, "sensitive_attributes");
    auto dependencies = string_list_field(json, "dependencies");
    if (!sensitive) return std::unexpected(fmt::format("{}: {}", resource.address, sensitive.error()));
    if (!dependencies) return std::unexpected(fmt::format("{}: {}", resource.address, dependencies.error()));
    mark_sensitive_paths(resource.attributes, *sensitive);
    resource.dependencies = std::move(*dependencies);
    auto status_text = string_field(json, "status");
    if (!status_text) return std::unexpected(fmt::format("{}: {}", resource.address, status_text.error()));
    auto status = parse_resource_status(*status_text);
    if (!status) return std::unexpected(fmt::format("{}: unknown status \"{}\"", resource.address, *status_text));
    resource.status = *status;
    if (resource.status == ResourceStatus::Updating) {
        auto prior = json.find("prior_attributes");
        if (prior == json.end() || !prior->is_object())
            return std::unexpected(fmt::format("{}: an update in progress needs \"prior_attributes\"", resource.address));
        auto prior_sensitive = string_list_field(json, "prior_sensitive_attributes");
        if (!prior_sensitive) return std::unexpected(fmt::format("{}: {}", resource.address, prior_sensitive.error()));
        Value attributes = from_json(*prior);
        mark_sensitive_paths(attributes, *prior_sensitive);
        resource.prior_attributes = std::make_shared<const Value>(std::move(attributes));
    }
    return resource;
}

}  // namespace plinth
