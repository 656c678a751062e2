// `plinth providers`: every provider plinth can use here (the built-ins and the plugins found for
// the stack in the current directory, or on PATH), with its version, where it comes from and its
// types. `plinth providers schema [NAME] [--json]` prints full schemas; the JSON form is the one
// plugins declare theirs in (providers/schema_json.h).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/provider_registry.h"
#include "cli/provider_view.h"
#include "core/stack/loader.h"
#include "providers/schema_json.h"

namespace plinth::cli {
namespace {

struct ProvidersOptions {
    std::string name;  // schema of this provider only
    bool json = false;
};

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
    schema->add_flag("--json", options->json, "Print {\"format_version\": 1, \"providers\": {NAME: schema}} as JSON");
    return {app, [schema, options](Ui& ui) {
                bool full = schema->parsed();
                if (full && options->json) {
                    nlohmann::json providers = nlohmann::json::object();
                    auto status = for_each_provider(ui, options->name, [&](const auto& provider_schema, const auto& origin) {
                        providers[provider_schema.name] = providers::schema_to_json(provider_schema);
                        providers[provider_schema.name]["origin"] = origin;
                    });
                    ui.out(nlohmann::json{{"format_version", 1}, {"providers", providers}}.dump(2) + "\n");
                    return status;
                }
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
