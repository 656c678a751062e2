#include "cli/workspace_selection.h"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "core/backends/backend_factory.h"
#include "core/backends/backend_record.h"
#include "core/state/atomic_file.h"
#include "core/state/workspaces.h"

namespace plinth::cli {
namespace {

namespace fs = std::filesystem;

fs::path environment_file(const fs::path& stack_dir) { return stack_dir / ".plinth" / "environment"; }

const char* workspace_variable() {
    const char* value = std::getenv("PLINTH_WORKSPACE");
    return value && *value ? value : nullptr;
}

}  // namespace

std::string recorded_workspace(const fs::path& stack_dir) {
    std::ifstream in(environment_file(stack_dir));
    std::string name;
    std::getline(in, name);
    return name.empty() ? "default" : name;
}

std::expected<std::unique_ptr<Backend>, Diagnostic> open_active_backend(const fs::path& stack_dir) {
    auto decl = backends::active_backend(stack_dir);
    if (!decl) return std::unexpected(decl.error());
    return backends::open_backend(*decl, stack_dir);
}

std::string workspace_source(const fs::path& stack_dir) {
    if (workspace_variable()) return "PLINTH_WORKSPACE";
    return fs::exists(environment_file(stack_dir)) ? ".plinth/environment" : "the default";
}

std::expected<std::string, Diagnostic> current_workspace(const fs::path& stack_dir, Backend& backend) {
    const char* variable = workspace_variable();
    std::string name = variable ? variable : recorded_workspace(stack_dir);
    if (auto valid = check_workspace_name(name); !valid) return std::unexpected(valid.error());
    auto exists = backend.has_workspace(name);
    if (!exists) return std::unexpected(exists.error());
    if (*exists) return name;
    return std::unexpected(make_error(fmt::format("workspace `{}` does not exist", name),
                                      fmt::format("it is selected by {}; create it with `plinth workspace new {}`, "
                                                  "or `plinth workspace list` to see those that exist",
                                                  workspace_source(stack_dir), name)));
}

std::expected<std::unique_ptr<StateStore>, Diagnostic> open_current_state(const fs::path& stack_dir) {
    auto backend = open_active_backend(stack_dir);
    if (!backend) return std::unexpected(backend.error());
    auto workspace = current_workspace(stack_dir, **backend);
    if (!workspace) return std::unexpected(workspace.error());
    return (*backend)->open(*workspace);
}

std::expected<void, Diagnostic> record_selected_workspace(const fs::path& stack_dir, const std::string& name) {
    std::error_code error;
    fs::create_directories(environment_file(stack_dir).parent_path(), error);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot create .plinth/: {}", error.message())));
    if (auto written = write_file_atomically(environment_file(stack_dir), name + "\n"); !written)
        return std::unexpected(make_error("cannot record the selected workspace", written.error()));
    return {};
}

}  // namespace plinth::cli
