// `plinth fmt [--check] [--diff] [--recursive] [PATH...]`: rewrites stack files in the canonical
// layout (core/stack/format), as `terraform fmt` does for .tf files. Directories mean the stack
// files in them (subdirectories too with --recursive, except hidden ones such as .plinth/); `-`
// reads stdin and writes stdout. Each file is replaced atomically, keeping its permissions.
#include <fmt/format.h>
#include <sys/stat.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/command.h"
#include "cli/unified_diff.h"
#include "core/stack/format/stack_formatter.h"
#include "core/stack/loader.h"
#include "core/state/atomic_file.h"

namespace plinth::cli {

namespace {

namespace fs = std::filesystem;

struct FmtOptions {
    bool check = false;
    bool diff = false;
    bool recursive = false;
    std::vector<std::string> paths;
};

// A file to format; one found in a directory is skipped when it is not a stack file.
struct FmtTarget {
    fs::path path;
    bool named = false;
};

// What formatting found, over all files.
struct FmtOutcome {
    bool failed = false;
    bool unformatted = false;
};

std::expected<void, Diagnostic> collect_directory(const fs::path& dir, bool recursive,
                                                  std::vector<FmtTarget>& targets) {
    std::vector<fs::directory_entry> entries;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) entries.push_back(*it);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot read directory {}: {}", dir.string(), error.message())));
    std::ranges::sort(entries, {}, [](const auto& entry) { return entry.path(); });
    for (const auto& entry : entries) {
        if (is_stack_file(entry)) targets.push_back({entry.path().lexically_normal(), false});
        bool hidden = entry.path().filename().string().starts_with('.');
        if (recursive && !hidden && entry.is_directory())
            if (auto below = collect_directory(entry.path(), true, targets); !below) return below;
    }
    return {};
}

std::expected<std::vector<FmtTarget>, Diagnostic> collect_targets(const std::vector<std::string>& paths,
                                                                  bool recursive) {
    std::vector<FmtTarget> targets;
    for (const auto& name : paths) {
        std::error_code error;
        auto status = fs::status(name, error);
        if (fs::is_directory(status)) {
            if (auto found = collect_directory(name, recursive, targets); !found) return std::unexpected(found.error());
        } else if (fs::is_regular_file(status))
            targets.push_back({fs::path(name).lexically_normal(), true});
        else
            return std::unexpected(make_error(fmt::format("no such file or directory: {}", name)));
    }
    return targets;
}

// Writes `text` over `path`, keeping the file's permission bits.
std::expected<void, std::string> rewrite(const fs::path& path, const std::string& text) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::unexpected(fmt::format("cannot read {}", path.string()));
    return write_file_atomically(path, text, info.st_mode & 07777);
}

void format_file(const FmtTarget& target, const FmtOptions& options, FmtOutcome& outcome, Ui& ui) {
    std::string name = target.path.string();
    auto content = read_whole_file(target.path);
    if (!content || !*content) {
        ui.diagnostic(make_error(fmt::format("cannot read {}", name), content ? "" : content.error()));
        outcome.failed = true;
        return;
    }
    auto formatted = format::format_stack_file(YamlFile{name, **content});
    if (!formatted) {
        ui.diagnostics(formatted.error());
        outcome.failed = true;
        return;
    }
    if ((!target.named && !formatted->stack_file) || formatted->text == **content) return;
    outcome.unformatted = true;
    ui.out(name + "\n");
    if (options.diff) ui.out(unified_diff("old/" + name, "new/" + name, **content, formatted->text));
    if (options.check) return;
    if (auto written = rewrite(target.path, formatted->text); !written) {
        ui.diagnostic(make_error(fmt::format("cannot write {}", name), written.error()));
        outcome.failed = true;
    }
}

// `-`: stdin to stdout; with --check or --diff, only the verdict or the diff.
void format_stdin(const FmtOptions& options, FmtOutcome& outcome, Ui& ui) {
    std::string content(std::istreambuf_iterator<char>(std::cin), {});
    auto formatted = format::format_stack_file(YamlFile{"<stdin>", content});
    if (!formatted) {
        ui.diagnostics(formatted.error());
        outcome.failed = true;
        return;
    }
    outcome.unformatted = outcome.unformatted || formatted->text != content;
    if (options.diff)
        ui.out(unified_diff("old/<stdin>", "new/<stdin>", content, formatted->text));
    else if (!options.check)
        ui.out(formatted->text);
}

ExitStatus run_fmt(const FmtOptions& options, Ui& ui) {
    std::vector<std::string> files;
    bool from_stdin = false;
    for (const auto& path : options.paths.empty() ? std::vector<std::string>{"."} : options.paths) {
        if (path == "-")
            from_stdin = true;
        else
            files.push_back(path);
    }
    auto targets = collect_targets(files, options.recursive);
    if (!targets) return ui.diagnostic(targets.error()), ExitStatus::Error;
    FmtOutcome outcome;
    if (from_stdin) format_stdin(options, outcome, ui);
    for (const auto& target : *targets) format_file(target, options, outcome, ui);
    if (outcome.failed) return ExitStatus::Error;
    return options.check && outcome.unformatted ? ExitStatus::Unformatted : ExitStatus::Ok;
}

}  // namespace

Command make_fmt_command(CLI::App& parent) {
    auto options = std::make_shared<FmtOptions>();
    CLI::App* app = parent.add_subcommand("fmt", "Rewrite stack files in the canonical layout");
    app->add_option("PATH", options->paths,
                    "Files or directories to format (default: the stack directory); - reads stdin, writes stdout");
    app->add_flag("--check", options->check, "Write nothing; list unformatted files and exit 3 if there are any");
    app->add_flag("--diff", options->diff, "Show the changes as a unified diff");
    app->add_flag("--recursive", options->recursive, "Also format the stack files of subdirectories");
    return {app, [options](Ui& ui) { return run_fmt(*options, ui); }};
}

}  // namespace plinth::cli
