// cli/completion_script.h: shell completion scripts for `plinth completion bash|zsh`, generated
// from the command-line definition itself, so they always know every command, subcommand and
// option. zsh runs the bash function through bashcompinit.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace plinth::cli {

std::string bash_completion_script(const CLI::App& root);
std::string zsh_completion_script(const CLI::App& root);

}  // namespace plinth::cli
