#include "core/stack/yaml_source.h"

#include <fmt/format.h>
#include <map>

#include "core/stack/number_text.h"

namespace plinth {
namespace {

constexpr std::string_view k_str_tag = "tag:yaml.org,2002:str";

SourceLocation location_at(const YamlMark& mark, const YamlFile& file) {
    if (!mark.known()) return SourceLocation{file.display_name, 0, 0};
    return SourceLocation{file.display_name, mark.line + 1, mark.column + 1};
}

// YAML 1.2 core schema for a plain scalar that is not null: bool, integer, float, else string.
Value resolve_plain(const std::string& text) {
    if (text == "true" || text == "True" || text == "TRUE") return Value(true);
    if (text == "false" || text == "False" || text == "FALSE") return Value(false);
    if (auto number = parse_decimal(text)) return Value(*number);
    if (auto number = parse_prefixed_integer(text)) return Value(*number);
    return Value(text);
}

}  // namespace

SourceLocation scalar_start(const YamlNode& node, const YamlFile& file) {
    SourceLocation start = location_of(node, file);
    std::size_t pos = node.mark().pos;
    if (node.tag() != "!" || pos >= file.content.size()) return start;
    char first = file.content[pos];
    if (first == '"' || first == '\'') {
        ++start.column;
        return start;
    }
    if (first != '|' && first != '>') return start;
    // The content starts on the line after the header, indented like its first non-blank line.
    std::size_t line_start = file.content.find('\n', pos);
    if (line_start == std::string::npos) return start;
    ++start.line;
    ++line_start;
    for (;;) {
        std::size_t text = file.content.find_first_not_of(' ', line_start);
        if (text == std::string::npos) break;
        if (file.content[text] != '\n') {
            start.column = static_cast<int>(text - line_start) + 1;
            return start;
        }
        line_start = text + 1;
    }
    return location_of(node, file);
}

namespace {

std::optional<Value> scalar_value(const YamlNode& node, const YamlFile& file, Diagnostics& diagnostics) {
    if (node.is_null()) return Value(nullptr);
    if (is_plain_scalar(node)) return resolve_plain(node.scalar());
    if (node.tag() == "!" || node.tag() == k_str_tag) return Value(node.scalar());
    diagnostics.add_error(fmt::format("unsupported YAML tag `{}`", node.tag()),
                          "only plain and quoted scalars, mappings and lists are understood",
                          location_of(node, file));
    return std::nullopt;
}

}  // namespace

std::optional<YamlDocument> parse_yaml(const YamlFile& file, Diagnostics& diagnostics) {
    auto tree = YamlTree::parse(file.content);
    if (!tree) {
        diagnostics.add_error(fmt::format("invalid YAML: {}", tree.error().message), {},
                              location_at(tree.error().mark, file));
        return std::nullopt;
    }
    const auto& documents = tree->documents();
    if (documents.size() > 1) {
        diagnostics.add_error("a stack file holds one YAML document, this one has several",
                              "split the documents into separate files", location_of(documents[1], file));
        return std::nullopt;
    }
    if (documents.empty() || documents.front().is_null()) return std::nullopt;
    return YamlDocument{std::move(*tree)};
}

SourceLocation location_of(const YamlNode& node, const YamlFile& file) {
    return location_at(node.mark(), file);
}

bool is_plain_scalar(const YamlNode& node) { return node.is_scalar() && node.tag() == "?"; }

std::vector<MappingEntry> mapping_entries(const YamlNode& map, const YamlFile& file, Diagnostics& diagnostics) {
    std::vector<MappingEntry> entries;
    entries.reserve(map.size());
    for (const auto& [key, value] : map.entries()) {
        if (!key.is_scalar()) {
            diagnostics.add_error("mapping keys must be plain names", {}, location_of(key, file));
            continue;
        }
        entries.push_back(MappingEntry{key.scalar(), location_of(key, file), value});
    }
    return entries;
}

std::vector<MappingEntry> unique_mapping_entries(const YamlNode& map, const YamlFile& file,
                                                 Diagnostics& diagnostics) {
    std::vector<MappingEntry> unique;
    std::map<std::string, std::size_t, std::less<>> first_index;
    for (auto& entry : mapping_entries(map, file, diagnostics)) {
        auto [first, inserted] = first_index.emplace(entry.key, unique.size());
        if (inserted) {
            unique.push_back(std::move(entry));
            continue;
        }
        diagnostics.add_error(fmt::format("duplicate key `{}`", entry.key),
                              fmt::format("first given at {}", unique[first->second].location.to_string()),
                              entry.location);
    }
    return unique;
}

std::optional<Value> yaml_to_value(const YamlNode& node, const YamlFile& file, Diagnostics& diagnostics) {
    if (node.is_sequence()) {
        ValueList items;
        for (const auto& item : node.items()) {
            auto value = yaml_to_value(item, file, diagnostics);
            if (!value) return std::nullopt;
            items.push_back(std::move(*value));
        }
        return Value(std::move(items));
    }
    if (node.is_map()) {
        std::vector<ValueMap::value_type> entries;  // in the file's order, keys unique
        std::size_t before = diagnostics.size();
        for (const auto& entry : unique_mapping_entries(node, file, diagnostics)) {
            auto value = yaml_to_value(entry.value, file, diagnostics);
            if (!value) return std::nullopt;
            entries.emplace_back(entry.key, std::move(*value));
        }
        if (diagnostics.size() != before) return std::nullopt;
        return Value(ValueMap::from_entries(std::move(entries)));
    }
    return scalar_value(node, file, diagnostics);
}

expr::ExpressionPtr yaml_to_expression(const YamlNode& node, const YamlFile& file, Diagnostics& diagnostics) {
    std::size_t before = diagnostics.size();
    if (node.is_sequence()) {
        std::vector<expr::ExpressionPtr> items;
        for (const auto& item : node.items()) items.push_back(yaml_to_expression(item, file, diagnostics));
        if (diagnostics.size() != before) return nullptr;
        return expr::make_list(std::move(items), location_of(node, file), file.expressions);
    }
    if (node.is_map()) {
        std::vector<std::pair<std::string, expr::ExpressionPtr>> entries;
        for (auto& entry : unique_mapping_entries(node, file, diagnostics))
            entries.emplace_back(std::move(entry.key), yaml_to_expression(entry.value, file, diagnostics));
        if (diagnostics.size() != before) return nullptr;
        return expr::make_map(std::move(entries), location_of(node, file), file.expressions);
    }
    auto value = scalar_value(node, file, diagnostics);
    if (!value) return nullptr;
    if (!value->is_string()) return expr::make_literal(std::move(*value), location_of(node, file), file.expressions);
    auto parsed = expr::parse_template(value->as_string(), scalar_start(node, file), file.expressions);
    if (!parsed) {
        diagnostics.append(parsed.error());
        return nullptr;
    }
    return *parsed;
}

std::optional<std::string> scalar_text(const YamlNode& node) {
    if (node.is_null()) return std::string();
    if (!node.is_scalar()) return std::nullopt;
    return node.scalar();
}

std::string describe_node(const YamlNode& node) {
    if (node.is_map()) return "a mapping";
    if (node.is_sequence()) return "a list";
    if (node.is_null()) return "null";
    return "a scalar";
}

}  // namespace plinth
