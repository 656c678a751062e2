// Parsing the `backend:` block (part of core/stack/declarations.h).
#include <fmt/format.h>

#include "core/stack/declarations.h"

namespace plinth {

bool BackendDecl::same_store_as(const BackendDecl& other) const {
    if (type != other.type || settings.size() != other.settings.size()) return false;
    for (const auto& [name, setting] : settings) {
        auto it = other.settings.find(name);
        if (it == other.settings.end() || it->second.text != setting.text) return false;
    }
    return true;
}

std::optional<BackendDecl> parse_backend(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics) {
    if (!section.value.is_map()) {
        diagnostics.add_error(fmt::format("`backend` must be a mapping, not {}", describe_node(section.value)),
                              "e.g. `backend: { type: pg, conn_str: \"postgres://...\" }`",
                              location_of(section.value, file));
        return std::nullopt;
    }
    BackendDecl backend;
    backend.type.clear();
    backend.location = section.location;
    bool valid = true;
    for (const auto& entry : unique_mapping_entries(section.value, file, diagnostics)) {
        if (!entry.value.is_scalar()) {
            diagnostics.add_error(fmt::format("backend setting `{}` must be a string, number or bool, not {}", entry.key,
                                              describe_node(entry.value)),
                                  "backend settings are literal values: the backend is opened before variables "
                                  "exist; secrets come from environment variables (see docs/backends.md)",
                                  location_of(entry.value, file));
            valid = false;
            continue;
        }
        const std::string& text = entry.value.scalar();
        if (text.find("${") != std::string::npos) {
            diagnostics.add_error(fmt::format("backend setting `{}` cannot hold an expression", entry.key),
                                  "backend settings are literal values: the backend is opened before variables "
                                  "exist; secrets come from environment variables (see docs/backends.md)",
                                  location_of(entry.value, file));
            valid = false;
            continue;
        }
        if (entry.key == "type") backend.type = text;
        else backend.settings.emplace(entry.key, BackendSetting{text, location_of(entry.value, file)});
    }
    if (valid && backend.type.empty()) {
        diagnostics.add_error("the backend has no `type`", "one of: local, http, pg, s3", section.location);
        valid = false;
    }
    if (!valid) return std::nullopt;
    return backend;
}

}  // namespace plinth
