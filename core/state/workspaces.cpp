#include "core/state/workspaces.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace plinth {

namespace fs = std::filesystem;

std::expected<void, Diagnostic> check_workspace_name(std::string_view name) {
    bool valid = !name.empty() && name.size() <= 90 && name.front() != '.';
    for (char c : name) valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    if (valid) return {};
    return std::unexpected(make_error(fmt::format("invalid workspace name `{}`", name),
                                      "a workspace name holds letters, digits, `-`, `_` and `.` (not first), at "
                                      "most 90 characters"));
}

fs::path local_state_path(const fs::path& stack_dir, const std::string& workspace) {
    if (workspace == "default") return stack_dir / k_default_state_file;
    return stack_dir / k_workspace_states_dir / workspace / k_default_state_file;
}

std::vector<std::string> local_workspaces(const fs::path& stack_dir) {
    std::vector<std::string> names{"default"};
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(stack_dir / k_workspace_states_dir, error))
        if (entry.is_directory() && check_workspace_name(entry.path().filename().string()))
            names.push_back(entry.path().filename().string());
    std::sort(names.begin() + 1, names.end());
    return names;
}

bool local_workspace_exists(const fs::path& stack_dir, const std::string& name) {
    auto known = local_workspaces(stack_dir);
    return std::find(known.begin(), known.end(), name) != known.end();
}

}  // namespace plinth
