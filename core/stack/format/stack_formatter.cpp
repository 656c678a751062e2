#include "core/stack/format/stack_formatter.h"

#include <fmt/format.h>
#include <algorithm>
#include <vector>

#include "core/expr/yaml_documents.h"
#include "core/stack/format/block_writer.h"
#include "core/stack/format/yaml_equal.h"
#include "core/stack/loader.h"

namespace plinth::format {
namespace {

// Every document of `text`; parse errors are diagnostics at their place.
std::expected<std::vector<YAML::Node>, Diagnostics> parse_documents(const std::string& text,
                                                                    const std::string& display_name) {
    try {
        return load_yaml_documents(text);
    } catch (const YAML::Exception& error) {
        SourceLocation location{display_name, error.mark.is_null() ? 0 : error.mark.line + 1,
                                error.mark.is_null() ? 0 : error.mark.column + 1};
        return std::unexpected(Diagnostics(make_error(fmt::format("invalid YAML: {}", error.msg), {}, location)));
    }
}

bool is_stack_mapping(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) return true;
    if (!root.IsMap()) return false;
    return std::ranges::all_of(root, [](const auto& entry) {
        return entry.first.IsScalar() &&
               std::ranges::find(k_top_level_keys, entry.first.Scalar()) != k_top_level_keys.end();
    });
}

std::string joined(const Lines& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

// The text laid out with `role` for the root mapping, when that keeps its meaning.
std::optional<std::string> laid_out(const Lines& lines, const YAML::Node& root, MappingRole role,
                                    const std::string& display_name) {
    std::string text = joined(write_document(lines, root, role));
    auto reparsed = parse_documents(text, display_name);
    if (!reparsed || reparsed->size() > 1) return std::nullopt;
    YAML::Node after = reparsed->empty() ? YAML::Node() : reparsed->front();
    if (root.IsNull() != after.IsNull() || !yaml_equal(root, after)) return std::nullopt;
    return text;
}

}  // namespace

std::expected<FormattedFile, Diagnostics> format_stack_file(const YamlFile& file) {
    auto documents = parse_documents(file.content, file.display_name.str());
    if (!documents) return std::unexpected(documents.error());
    if (documents->size() > 1) return FormattedFile{file.content, false};
    YAML::Node root = documents->empty() ? YAML::Node() : documents->front();
    bool stack_file = is_stack_mapping(root);
    Lines lines = split_lines(file.content);
    // Anchors and aliases can tie the order of entries; then only the layout changes.
    for (MappingRole role : {stack_file ? MappingRole::TopLevel : MappingRole::Other, MappingRole::Other})
        if (auto text = laid_out(lines, root, role, file.display_name.str()))
            return FormattedFile{std::move(*text), stack_file};
    return std::unexpected(Diagnostics(
        make_error(fmt::format("cannot format {} without changing what it means", file.display_name),
                   "plinth fmt left the file as it is; this is a bug in plinth fmt, please report it with the file",
                   SourceLocation{file.display_name})));
}

}  // namespace plinth::format
