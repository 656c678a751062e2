// plans/run_facts.h: what expressions may read about the run itself rather than the stack: the
// root stack's directory (`path.root`) and the selected workspace (`plinth.workspace`).
#pragma once

#include <filesystem>
#include <string>

namespace plinth::plans {

inline constexpr const char* k_default_workspace = "default";

struct RunFacts {
    std::filesystem::path root_dir;
    std::string workspace = k_default_workspace;
};

}  // namespace plinth::plans
