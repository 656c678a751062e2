// Parsing one entry of `modules:` (part of core/stack/declarations.h).
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

// `providers: {aws: aws.eu}`: the module's provider names mapped to this stack's configurations.
std::map<std::string, std::string> parse_provider_map(const MappingEntry& entry, const BlockContext& context,
                                                      Diagnostics& diagnostics) {
    std::map<std::string, std::string> providers;
    if (!entry.value.is_map()) {
        diagnostics.add_error(fmt::format("`providers` of {} must map the module's provider names to this stack's, "
                                          "not {}",
                                          context.owner, describe_node(entry.value)),
                              "e.g. `providers: { aws: aws.eu }`", location_of(entry.value, context.file));
        return providers;
    }
    for (const auto& item : unique_mapping_entries(entry.value, context.file, diagnostics))
        if (auto target = string_field(item, context, diagnostics)) providers.emplace(item.key, *target);
    return providers;
}

void read_field(const MappingEntry& field, const BlockContext& context, ModuleCallDecl& call,
                Diagnostics& diagnostics) {
    if (field.key == "source" || field.key == "version") {
        if (!string_field(field, context, diagnostics)) return;
        auto expression = yaml_to_expression(field.value, context.file, diagnostics);
        (field.key == "source" ? call.source : call.version) = std::move(expression);
    } else if (field.key == "inputs") {
        if (field.value.is_null()) return;
        if (!field.value.is_map()) {
            diagnostics.add_error(fmt::format("`inputs` of {} must be a mapping of the module's variables, not {}",
                                              context.owner, describe_node(field.value)),
                                  {}, location_of(field.value, context.file));
            return;
        }
        call.inputs = yaml_to_expression(field.value, context.file, diagnostics);
    } else if (field.key == "depends_on") {
        call.depends_on = parse_depends_on(field, context, diagnostics);
    } else if (field.key == "providers") {
        call.providers = parse_provider_map(field, context, diagnostics);
    } else {
        read_repetition_field(field, context, call.repetition, diagnostics);
    }
}

}  // namespace

std::optional<ModuleCallDecl> parse_module_call(const MappingEntry& entry, const YamlFile& file,
                                                Diagnostics& diagnostics) {
    if (!check_declaration_name("module", entry, diagnostics)) return std::nullopt;
    BlockContext context{fmt::format("module `{}`", entry.key), file};
    auto fields = block_entries(entry.value, entry.location,
                                {"source", "version", "inputs", "count", "for_each", "depends_on", "providers"}, context,
                                diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    ModuleCallDecl call;
    call.name = entry.key;
    call.location = entry.location;
    for (const auto& field : *fields) read_field(field, context, call, diagnostics);
    check_repetition(call.repetition, context, entry.location, diagnostics);
    if (!call.source && diagnostics.size() == before)
        diagnostics.add_error(fmt::format("module `{}` has no `source`", entry.key),
                              "e.g. `source: ./templates/site`, `git::https://host/repo.git//dir?ref=v1`, or an "
                              "https URL of a .tar.gz",
                              entry.location);
    if (diagnostics.size() != before) return std::nullopt;
    if (!call.inputs) call.inputs = expr::make_map({}, entry.location, context.file.expressions);
    return call;
}

}  // namespace plinth
