#include "core/stack/block_fields.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace plinth {
namespace {

void wrong_kind(const MappingEntry& entry, std::string_view expected, const BlockContext& context,
                Diagnostics& diagnostics) {
    diagnostics.add_error(fmt::format("`{}` of {} must be {}, not {}", entry.key, context.owner, expected,
                                      describe_node(entry.value)),
                          {}, location_of(entry.value, context.file));
}

}  // namespace

std::optional<std::vector<MappingEntry>> block_entries(const YamlNode& node, const SourceLocation& block_location,
                                                       const std::vector<std::string_view>& allowed,
                                                       const BlockContext& context, Diagnostics& diagnostics) {
    if (!node.is_map()) {
        diagnostics.add_error(fmt::format("{} must be a mapping, not {}", context.owner, describe_node(node)),
                              fmt::format("valid keys: {}", fmt::join(allowed, ", ")), block_location);
        return std::nullopt;
    }
    std::vector<MappingEntry> known;
    for (auto& entry : unique_mapping_entries(node, context.file, diagnostics)) {
        if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) {
            known.push_back(std::move(entry));
            continue;
        }
        diagnostics.add_error(fmt::format("unknown key `{}` in {}", entry.key, context.owner),
                              fmt::format("valid keys: {}", fmt::join(allowed, ", ")), entry.location);
    }
    return known;
}

std::optional<std::string> string_field(const MappingEntry& entry, const BlockContext& context,
                                        Diagnostics& diagnostics) {
    if (entry.value.is_scalar()) return entry.value.scalar();
    wrong_kind(entry, "a string", context, diagnostics);
    return std::nullopt;
}

std::optional<bool> bool_field(const MappingEntry& entry, const BlockContext& context, Diagnostics& diagnostics) {
    if (is_plain_scalar(entry.value)) {
        const std::string& text = entry.value.scalar();
        if (text == "true" || text == "True" || text == "TRUE") return true;
        if (text == "false" || text == "False" || text == "FALSE") return false;
    }
    wrong_kind(entry, "true or false", context, diagnostics);
    return std::nullopt;
}

std::optional<std::vector<NameAt>> name_list_field(const MappingEntry& entry, const BlockContext& context,
                                                   Diagnostics& diagnostics) {
    if (!entry.value.is_sequence()) {
        wrong_kind(entry, "a list of names", context, diagnostics);
        return std::nullopt;
    }
    std::vector<NameAt> names;
    bool ok = true;
    for (const auto& item : entry.value.items()) {
        if (item.is_scalar()) {
            names.push_back(NameAt{item.scalar(), location_of(item, context.file)});
            continue;
        }
        diagnostics.add_error(fmt::format("`{}` of {} must list names, not {}", entry.key, context.owner,
                                          describe_node(item)),
                              {}, location_of(item, context.file));
        ok = false;
    }
    if (!ok) return std::nullopt;
    return names;
}

std::vector<DependsOn> parse_depends_on(const MappingEntry& entry, const BlockContext& context,
                                        Diagnostics& diagnostics) {
    std::vector<DependsOn> depends_on;
    for (auto& item : name_list_field(entry, context, diagnostics).value_or(std::vector<NameAt>{}))
        depends_on.push_back(DependsOn{std::move(item.name), std::move(item.location)});
    return depends_on;
}

void read_repetition_field(const MappingEntry& entry, const BlockContext& context, Repetition& repetition,
                           Diagnostics& diagnostics) {
    if (entry.key != "count" && entry.key != "for_each") return;
    auto expression = yaml_to_expression(entry.value, context.file, diagnostics);
    (entry.key == "count" ? repetition.count : repetition.for_each) = std::move(expression);
}

void check_repetition(const Repetition& repetition, const BlockContext& context, const SourceLocation& location,
                      Diagnostics& diagnostics) {
    if (!repetition.count || !repetition.for_each) return;
    diagnostics.add_error(fmt::format("{} sets both `count` and `for_each`", context.owner),
                          "use one: `count` for n identical instances, `for_each` for one per key", location);
}

}  // namespace plinth
