#include "core/backends/backend_record.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/state/atomic_file.h"

namespace plinth::backends {

namespace {

namespace fs = std::filesystem;

fs::path record_path(const fs::path& stack_dir) { return stack_dir / ".plinth" / "backend.json"; }

Diagnostic corrupt(const fs::path& path, std::string detail) {
    return make_error(fmt::format("cannot read {}", path.string()),
                      detail + "\nRun `plinth init` to record the stack's backend again.", SourceLocation{path.string()});
}

}  // namespace

std::expected<std::optional<BackendDecl>, Diagnostic> read_backend_record(const fs::path& stack_dir) {
    fs::path path = record_path(stack_dir);
    auto content = read_whole_file(path);
    if (!content) return std::unexpected(corrupt(path, content.error()));
    if (!*content) return std::optional<BackendDecl>();
    auto json = nlohmann::json::parse(**content, nullptr, false);
    if (!json.is_object() || !json.contains("type") || !json["type"].is_string() || !json.contains("settings") ||
        !json["settings"].is_object())
        return std::unexpected(corrupt(path, "it is not a backend record"));
    BackendDecl decl;
    decl.type = json["type"].get<std::string>();
    decl.location = SourceLocation{path.string()};
    for (const auto& [name, value] : json["settings"].items()) {
        if (!value.is_string()) return std::unexpected(corrupt(path, fmt::format("setting `{}` is not text", name)));
        decl.settings.emplace(name, BackendSetting{value.get<std::string>(), decl.location});
    }
    return decl;
}

std::expected<void, Diagnostic> write_backend_record(const fs::path& stack_dir, const BackendDecl& decl) {
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& [name, setting] : decl.settings) settings[name] = setting.text;
    nlohmann::ordered_json json{{"type", decl.type}, {"settings", settings}};
    fs::path path = record_path(stack_dir);
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (error) return std::unexpected(make_error(fmt::format("cannot create {}", path.parent_path().string()), error.message()));
    if (auto written = write_file_atomically(path, json.dump(2) + "\n"); !written)
        return std::unexpected(make_error(fmt::format("cannot write {}", path.string()), written.error()));
    return {};
}

std::expected<BackendDecl, Diagnostic> active_backend(const fs::path& stack_dir) {
    auto recorded = read_backend_record(stack_dir);
    if (!recorded) return std::unexpected(recorded.error());
    return recorded->value_or(BackendDecl{});
}

std::expected<BackendDecl, Diagnostic> check_backend_initialized(const Stack& stack) {
    auto active = active_backend(stack.dir);
    if (!active) return active;
    if (active->same_store_as(stack.backend)) return active;
    std::string detail =
        active->type == "local" && active->settings.empty()
            ? fmt::format("The stack's state is to live in the {} backend, but `plinth init` has not set it up.",
                          stack.backend.type)
            : fmt::format("The `backend:` block changed since `plinth init` set up the {} backend.", active->type);
    detail += " Run `plinth init` (with --migrate-state to copy the existing state into the new backend).";
    return std::unexpected(make_error("backend initialization required", std::move(detail),
                                      stack.backend.location.file.empty() ? SourceLocation{} : stack.backend.location));
}

}  // namespace plinth::backends
