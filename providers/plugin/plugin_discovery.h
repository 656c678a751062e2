// providers/plugin/plugin_discovery.h: finding plugin executables. A plugin is an executable file
// named plinth-provider-NAME (NAME: a lowercase letter, then lowercase letters and digits, as a
// resource type's prefix is) in one of the search directories, looked at in order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plinth::providers {

struct PluginExecutable {
    std::string name;             // the provider's name: "dotenv"
    std::filesystem::path path;   // absolute
};

// Where plugins are looked for, in order: STACK_DIR/.plinth/providers and `providers_dir` (each
// when not empty), then each directory of PATH.
std::vector<std::filesystem::path> plugin_search_dirs(const std::filesystem::path& stack_dir,
                                                      const std::filesystem::path& providers_dir);

// The plugins in `dirs`, sorted by name; when several dirs hold the same name, the first wins.
// Missing or unreadable directories are skipped.
std::vector<PluginExecutable> find_plugins(const std::vector<std::filesystem::path>& dirs);

}  // namespace plinth::providers
