// Parsing the `moved:`, `removed:` and `import:` lists (part of core/stack/declarations.h).
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
    if (section.value.is_null()) return entries;
    if (!section.value.is_sequence()) {
        diagnostics.add_error(fmt::format("`{}` must be a list, not {}", section.key, describe_node(section.value)),
                              {}, location_of(section.value, file));
        return entries;
    }
    BlockContext context{fmt::format("an entry of `{}`", section.key), file};
    for (const auto& item : section.value.items()) {
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

std::vector<ImportDecl> parse_imports(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics) {
    std::vector<ImportDecl> imports;
    if (section.value.is_null()) return imports;
    if (!section.value.is_sequence()) {
        diagnostics.add_error(fmt::format("`import` must be a list, not {}", describe_node(section.value)),
                              "e.g. `import: [{ to: user, id: /users/7 }]`", location_of(section.value, file));
        return imports;
    }
    BlockContext context{"an entry of `import`", file};
    for (const auto& item : section.value.items()) {
        auto location = location_of(item, file);
        auto fields = block_entries(item, location, {"to", "id"}, context, diagnostics);
        if (!fields) continue;
        ImportDecl decl{{}, nullptr, location};
        for (const auto& field : *fields) {
            if (field.key == "to") {
                if (auto text = string_field(field, context, diagnostics)) decl.to = *text;
            } else if (field.value.is_scalar()) {
                decl.id = yaml_to_expression(field.value, file, diagnostics);
            } else {
                diagnostics.add_error(fmt::format("`id` of an import must be a string, not {}", describe_node(field.value)),
                                      {}, location_of(field.value, file));
            }
        }
        bool complete = true;
        for (auto [name, given] : {std::pair{"to", !decl.to.empty()}, std::pair{"id", decl.id != nullptr}}) {
            if (given) continue;
            diagnostics.add_error(fmt::format("{} has no `{}`", context.owner, name), {}, location);
            complete = false;
        }
        if (complete) imports.push_back(std::move(decl));
    }
    return imports;
}

}  // namespace plinth
