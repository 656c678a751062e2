// `plinth completion bash|zsh`: print a shell completion script (cli/completion_script.h).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command.h"
#include "cli/completion_script.h"

namespace plinth::cli {

Command make_completion_command(CLI::App& parent) {
    auto shell = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand("completion", "Print a shell completion script: source <(plinth completion bash)");
    app->add_option("SHELL", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
    const CLI::App* root = &parent;
    return {app, [shell, root](Ui& ui) {
                ui.out(*shell == "zsh" ? zsh_completion_script(*root) : bash_completion_script(*root));
                return ExitStatus::Ok;
            }};
}

}  // namespace plinth::cli
