// `plinth providers`: every provider plinth can use here (the built-ins and the plugins found for
// the stack in the current directory, or on PATH), with its version, where it comes from and its
// types. `plinth providers schema [NAME]` prints full schemas.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/provider_registry.h"
#include "cli/provider_view.h"
#include "core/stack/loader.h"

namespace plinth::cli {
namespace {

struct ProvidersOptions {
    std::string name;  // schema of this provider only
};

bool has_stack_files(const std::filesystem::path& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) return true;
    }
    return false;
}

// Each provider's schema in name order (or just `only`'s), through `show`; a provider that cannot
// be started is reported and makes the command fail, after the others are shown.
ExitStatus for_each_provider(Ui& ui, const std::string& only,
                             const std::function<void(const providers::ProviderSchema&, const std::string&)>& show) {
    std::optional<Stack> stack;
    if (has_stack_files(".")) {
        auto loaded = load_stack(".");
        if (!loaded) return ui.diagnostics(loaded.error()), ExitStatus::Error;
        stack = std::move(*loaded);
    }
    auto registry = make_provider_registry(stack ? &*stack : nullptr);
    if (!only.empty() && !registry.contains(only)) {
        ui.diagnostic(make_error(fmt::format("unknown provider `{}`", only), "`plinth providers` lists them"));
        return ExitStatus::Error;
    }
    ExitStatus status = ExitStatus::Ok;
    for (const auto& name : registry.names()) {
        if (!only.empty() && name != only) continue;
        auto provider = registry.create(name);
        if (!provider) {
            ui.diagnostic(make_error(provider.error().summary, provider.error().detail));
            status = ExitStatus::Error;
            continue;
        }
        show((*provider)->schema(), registry.origin(name));
    }
    return status;
}

}  // namespace

Command make_providers_command(CLI::App& parent) {
    CLI::App* app = parent.add_subcommand("providers", "List providers, their versions and types; `schema` prints them in full");
    auto options = std::make_shared<ProvidersOptions>();
    CLI::App* schema = app->add_subcommand("schema", "Print providers' full schemas: settings, types and attributes");
    schema->add_option("NAME", options->name, "Only this provider");
    return {app, [app, schema, options](Ui& ui) {
                bool full = schema->parsed();
                bool first = true;
                return for_each_provider(ui, options->name, [&](const auto& provider_schema, const auto& origin) {
                    if (!first && full) ui.out("\n");
                    first = false;
                    ui.out(full ? render_provider_schema(provider_schema, origin, ui.color())
                                : render_provider_summary(provider_schema, origin, ui.color()));
                });
            }};
}

}  // namespace plinth::cli
