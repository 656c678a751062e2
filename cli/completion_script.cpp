#include "cli/completion_script.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <vector>

namespace plinth::cli {
namespace {

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

// A level of the command tree: `plinth`, `plinth_state`, `plinth_state_list`.
struct Level {
    std::string id;
    const CLI::App* app;
};

void collect_levels(const CLI::App& app, const std::string& id, std::vector<Level>& levels) {
    levels.push_back({id, &app});
    for (const CLI::App* sub : subcommands_of(app)) collect_levels(*sub, id + "_" + sub->get_name(), levels);
}

// What may follow at `app`: its subcommands and its options' long and short names.
std::string words_of(const CLI::App& app) {
    std::vector<std::string> words;
    for (const CLI::App* sub : subcommands_of(app)) words.push_back(sub->get_name());
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& name : option->get_lnames()) words.push_back("--" + name);
        for (const auto& name : option->get_snames()) words.push_back("-" + name);
    }
    return fmt::format("{}", fmt::join(words, " "));
}

}  // namespace

std::string bash_completion_script(const CLI::App& root) {
    std::vector<Level> levels;
    collect_levels(root, "plinth", levels);
    std::string descend;
    std::string offer;
    for (const Level& level : levels) {
        for (const CLI::App* sub : subcommands_of(*level.app))
            descend += fmt::format("            {}:{}) level={}_{} ;;\n", level.id, sub->get_name(), level.id,
                                   sub->get_name());
        offer += fmt::format("        {}) words=\"{}\" ;;\n", level.id, words_of(*level.app));
    }
    return fmt::format(R"(# bash completion for plinth, made by `plinth completion bash`.
# Load it with: source <(plinth completion bash)
_plinth() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" level=plinth words i
    # Walk the words before the cursor down the command tree; option values are not commands.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "$level:${{COMP_WORDS[i]}}" in
{}        esac
    done
    case "$level" in
{}    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    # Arguments such as plan files and --var-file paths: offer files too.
    if [[ "$cur" != -* ]]; then
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _plinth plinth
)",
                       descend, offer);
}

std::string zsh_completion_script(const CLI::App& root) {
    return "#compdef plinth\n# zsh completion for plinth, made by `plinth completion zsh`.\n"
           "# Load it with: source <(plinth completion zsh)\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_completion_script(root);
}

}  // namespace plinth::cli
