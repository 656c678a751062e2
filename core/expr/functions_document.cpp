// Document formats: yamlencode, yamldecode, csvdecode.
//
// yamlencode writes the block style Terraform's go-yaml produces: every string and key double
// quoted, sequences inside mappings not indented, empty collections as {} and []. Strings with
// newlines stay double quoted with \n escapes where Terraform would use a literal block (|);
// both read back the same.
#include <cmath>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/expr/function_args.h"
#include "core/expr/yaml_documents.h"
#include "core/value_json.h"

namespace plinth::expr {

namespace {

std::string quoted(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string scalar_yaml(const Value& value) {
    switch (value.kind()) {
    case ValueKind::Bool: return value.as_bool() ? "true" : "false";
    case ValueKind::Number: return format_number(value.as_number());
    case ValueKind::String: return quoted(value.as_string());
    case ValueKind::List: return "[]";
    case ValueKind::Map: return "{}";
    default: return "null";
    }
}

bool is_block(const Value& value) {
    return (value.is_list() && !value.as_list().empty()) || (value.is_map() && !value.as_map().empty());
}

// `value` as lines each starting with `indent` spaces.
std::string block_yaml(const Value& value, std::size_t indent) {
    std::string pad(indent, ' ');
    if (!is_block(value)) return pad + scalar_yaml(value) + "\n";
    std::string out;
    if (value.is_map()) {
        for (const auto& [key, item] : value.as_map()) {
            out += pad + quoted(key) + ":";
            if (!is_block(item)) out += " " + scalar_yaml(item) + "\n";
            else out += "\n" + block_yaml(item, item.is_list() ? indent : indent + 2);
        }
        return out;
    }
    for (const auto& item : value.as_list())
        out += pad + "- " + block_yaml(item, indent + 2).substr(indent + 2);
    return out;
}

FunctionResult yaml_encode(Args args, const FunctionCallContext&) { return Value(block_yaml(args[0], 0)); }

// A plain scalar resolved by the YAML 1.2 core schema; quoted scalars are always strings.
Value resolve_scalar(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (node.Tag() == "!") return Value(text);
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return Value();
    if (text == "true" || text == "True" || text == "TRUE") return Value(true);
    if (text == "false" || text == "False" || text == "FALSE") return Value(false);
    if (text == ".inf" || text == "+.inf") return Value(HUGE_VAL);
    if (text == "-.inf") return Value(-HUGE_VAL);
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_number()) return Value(parsed.get<double>());
    return Value(text);
}

Value yaml_to_value(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar: return resolve_scalar(node);
    case YAML::NodeType::Sequence: {
        ValueList out;
        for (const auto& item : node) out.push_back(yaml_to_value(item));
        return Value(std::move(out));
    }
    case YAML::NodeType::Map: {
        std::vector<ValueMap::value_type> entries;  // in the document's order: of equal keys the last counts
        for (const auto& entry : node) entries.emplace_back(entry.first.as<std::string>(), yaml_to_value(entry.second));
        return Value(ValueMap::from_entries(std::move(entries)));
    }
    default: return Value();
    }
}

FunctionResult yaml_decode(Args args, const FunctionCallContext&) {
    auto text = string_arg("yamldecode", args, 0);
    if (!text) return std::unexpected(text.error());
    try {
        auto documents = load_yaml_documents(*text);
        if (documents.size() > 1)
            return std::unexpected(std::string("yamldecode: the string holds more than one YAML document"));
        return documents.empty() ? Value() : yaml_to_value(documents.front());
    } catch (const YAML::Exception& error) {
        return std::unexpected(fmt::format("yamldecode: invalid YAML: {}", error.what()));
    }
}

// One CSV record from `text` at `pos` (RFC 4180: fields may be double quoted, "" is a quote);
// `pos` ends after the record's line break.
std::expected<std::vector<std::string>, std::string> csv_record(std::string_view text, std::size_t& pos) {
    std::vector<std::string> fields(1);
    bool quoted_field = false;
    for (; pos < text.size(); ++pos) {
        char c = text[pos];
        if (quoted_field) {
            if (c != '"') fields.back() += c;
            else if (pos + 1 < text.size() && text[pos + 1] == '"') fields.back() += text[++pos];
            else quoted_field = false;
        } else if (c == '"' && fields.back().empty()) {
            quoted_field = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n' || (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
            pos += c == '\r' ? 2 : 1;
            return fields;
        } else {
            fields.back() += c;
        }
    }
    if (quoted_field) return std::unexpected(std::string("csvdecode: a quoted field is not closed"));
    return fields;
}

FunctionResult csv_decode(Args args, const FunctionCallContext&) {
    auto text = string_arg("csvdecode", args, 0);
    if (!text) return std::unexpected(text.error());
    std::size_t pos = 0;
    auto header = csv_record(*text, pos);
    if (!header) return std::unexpected(header.error());
    ValueList rows;
    for (std::size_t line = 2; pos < text->size(); ++line) {
        auto record = csv_record(*text, pos);
        if (!record) return std::unexpected(record.error());
        if (record->size() != header->size())
            return std::unexpected(fmt::format("csvdecode: line {} has {} fields, but the header has {}", line,
                                               record->size(), header->size()));
        ValueMap row;
        for (std::size_t i = 0; i < header->size(); ++i) row.insert_or_assign((*header)[i], Value((*record)[i]));
        rows.emplace_back(std::move(row));
    }
    return Value(std::move(rows));
}

}  // namespace

void add_document_functions(FunctionTable& table) {
    table.add({.name = "yamlencode", .min_args = 1, .max_args = 1, .impl = yaml_encode});
    table.add({.name = "yamldecode", .min_args = 1, .max_args = 1, .impl = yaml_decode});
    table.add({.name = "csvdecode", .min_args = 1, .max_args = 1, .impl = csv_decode});
}

}  // namespace plinth::expr
