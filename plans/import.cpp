#include "plans/import.h"

#include <fmt/format.h>

#include "plans/module_instances.h"

namespace plinth::plans {
namespace {

std::unexpected<Diagnostics> failure(std::string summary, std::string detail = {}, SourceLocation location = {}) {
    return std::unexpected(Diagnostics(make_error(std::move(summary), std::move(detail), location)));
}

// An instance key must be given exactly when the block has count or for_each.
std::optional<std::string> key_problem(const Repetition& repetition, const InstanceKey& key, const std::string& what) {
    bool keyed = !std::holds_alternative<std::monostate>(key);
    if (repetition.repeated() && !keyed)
        return fmt::format("{} has {}: name one instance, e.g. `[0]` or `[\"key\"]`", what,
                           repetition.count ? "count" : "for_each");
    if (!repetition.repeated() && keyed) return fmt::format("{} has neither count nor for_each: drop the key", what);
    if (repetition.count && !std::holds_alternative<std::int64_t>(key))
        return fmt::format("{} has count: its instances are numbered, e.g. `[0]`", what);
    if (repetition.for_each && !std::holds_alternative<std::string>(key))
        return fmt::format("{} has for_each: its instances have string keys, e.g. `[\"key\"]`", what);
    return std::nullopt;
}

}  // namespace

std::expected<ResourceState, Diagnostics> import_resource(const ImportRequest& request, ProviderSet& providers) {
    auto address = parse_instance_address(request.address);
    if (!address) return failure(fmt::format("invalid address `{}`", request.address), address.error());
    if (address->data) return failure("data sources cannot be imported", "only managed resources are recorded in state");
    std::string text = address->to_string();
    if (request.state.resources.contains(text))
        return failure(fmt::format("`{}` is already in state", text),
                       "remove it with `plinth state rm` first to import another object in its place");

    const ModuleNode* module = &request.root;
    for (const auto& step : address->module) {
        auto child = module->children.find(step.name);
        if (child == module->children.end())
            return failure(fmt::format("the stack declares no module `{}`", step.name),
                           fmt::format("`{}` names a module call that does not exist", text));
        const ModuleCallDecl& call = module->stack->modules.at(step.name);
        if (auto problem = key_problem(call.repetition, step.key, fmt::format("module `{}`", step.name)))
            return failure(fmt::format("cannot import to `{}`", text), *problem, call.location);
        module = child->second.get();
    }
    auto declared = module->stack->resources.find(address->name);
    if (declared == module->stack->resources.end())
        return failure(fmt::format("the stack declares no resource `{}`", address->config_address()),
                       "add the resource to the stack first: import adopts an object for a declared resource");
    const ResourceDecl& decl = declared->second;
    if (auto problem = key_problem(decl.repetition, address->key, fmt::format("resource `{}`", decl.name)))
        return failure(fmt::format("cannot import to `{}`", text), *problem, decl.location);

    std::string provider_name = effective_provider(*module, decl.provider);
    auto provider = providers.get(provider_name, decl.location);
    if (!provider) return std::unexpected(Diagnostics(provider.error()));
    auto imported = (*provider)->import(decl.type, request.id);
    if (!imported) return std::unexpected(Diagnostics(provider_diagnostic(text, imported.error(), decl.location)));
    ResourceState resource{text, decl.type, provider_name, (*provider)->id_of(decl.type, *imported), std::move(*imported),
                           request.graph.resource_dependencies(address->config_address()), ResourceStatus::Ready};
    return resource;
}

}  // namespace plinth::plans
