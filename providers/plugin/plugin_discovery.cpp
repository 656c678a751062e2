#include "providers/plugin/plugin_discovery.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>
#include <unistd.h>

namespace plinth::providers {

namespace {

constexpr std::string_view k_prefix = "plinth-provider-";

bool valid_name(std::string_view name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

bool is_executable_file(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::vector<std::filesystem::path> plugin_search_dirs(const std::filesystem::path& stack_dir,
                                                      const std::filesystem::path& providers_dir) {
    std::vector<std::filesystem::path> dirs;
    if (!stack_dir.empty()) dirs.push_back(stack_dir / ".plinth" / "providers");
    if (!providers_dir.empty()) dirs.push_back(providers_dir);
    const char* path = std::getenv("PATH");
    std::string_view entries = path == nullptr ? "" : path;
    while (!entries.empty()) {
        std::string_view entry = entries.substr(0, entries.find(':'));
        if (!entry.empty()) dirs.emplace_back(entry);
        entries.remove_prefix(std::min(entries.size(), entry.size() + 1));
    }
    return dirs;
}

std::vector<PluginExecutable> find_plugins(const std::vector<std::filesystem::path>& dirs) {
    std::map<std::string, std::filesystem::path> found;
    for (const auto& dir : dirs) {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
            std::string file = entry.path().filename().string();
            if (!file.starts_with(k_prefix)) continue;
            std::string name = file.substr(k_prefix.size());
            if (!valid_name(name) || found.contains(name) || !is_executable_file(entry.path())) continue;
            found.emplace(name, std::filesystem::absolute(entry.path()).lexically_normal());
        }
    }
    std::vector<PluginExecutable> plugins;
    for (auto& [name, path] : found) plugins.push_back(PluginExecutable{name, std::move(path)});
    return plugins;
}

}  // namespace plinth::providers
