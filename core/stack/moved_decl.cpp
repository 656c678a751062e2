// Parsing the `moved:` and `removed:` lists (part of core/stack/declarations.h).
#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/declarations.h"

namespace plinth {
namespace {

// Each item of a list section as its string fields, e.g. {from: a, to: b}; null items skipped.
template <typename Decl, typename Make>
std::vector<Decl> parse_entries(const MappingEntry& section, const YamlFile& file,
                                const std::vector<std::string_view>& fields, Make make, Diagnostics& diagnostics) {
    std::vector<Decl> entries;
    if (section.value.IsNull()) return entries;
    if (!section.value.IsSequence()) {
        diagnostics.add_error(fmt::format("`{}` must be a list, not {}", section.key, describe_node(section.value)),
                              {}, location_of(section.value, file));
        return entries;
    }
    BlockContext context{fmt::format("an entry of `{}`", section.key), file};
    for (const auto& item : section.value) {
        auto location = location_of(item, file);
        auto entry_fields = block_entries(item, location, fields, context, diagnostics);
        if (!entry_fields) continue;
        std::map<std::string, std::string> values;
        for (const auto& field : *entry_fields)
            if (auto text = string_field(field, context, diagnostics)) values[field.key] = *text;
        bool complete = true;
        for (auto field : fields) {
            if (values.contains(std::string(field))) continue;
            diagnostics.add_error(fmt::format("{} has no `{}`", context.owner, field), {}, location);
            complete = false;
        }
        if (complete) entries.push_back(make(values, location));
    }
    return entries;
}

}  // namespace

std::vector<MovedDecl> parse_moved(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics) {
    return parse_entries<MovedDecl>(
        section, file, {"from", "to"},
        [](auto& values, const SourceLocation& at) { return MovedDecl{values["from"], values["to"], at}; },
        diagnostics);
}

std::vector<RemovedDecl> parse_removed(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics) {
    return parse_entries<RemovedDecl>(
        section, file, {"from"}, [](auto& values, const SourceLocation& at) { return RemovedDecl{values["from"], at}; },
        diagnostics);
}

}  // namespace plinth
