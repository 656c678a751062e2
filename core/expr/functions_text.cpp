// More string functions: formatlist, regex, regexall, indent, chomp, strrev.
//
// regex and regexall use std::regex's ECMAScript grammar, not Go's RE2 as Terraform does. The
// common syntax (classes, groups, quantifiers, anchors, \d \w \s) is the same. std::regex has no
// named groups, so where Terraform returns a map of named captures, plinth has no equivalent:
// a pattern with groups gives a list of its captures, one without groups gives the matched text.
#include <algorithm>
#include <fmt/format.h>
#include <regex>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

// formatlist: list arguments must share one length and are taken element by element; other
// arguments repeat on every line. Each line is produced by `format`.
FunctionResult formatlist(Args args, const FunctionCallContext& context) {
    std::optional<std::size_t> length;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (!args[i].is_list()) continue;
        std::size_t size = args[i].as_list().size();
        if (length && *length != size)
            return std::unexpected(fmt::format("formatlist: argument {} has length {}, but an earlier list has length {}",
                                               i + 1, size, *length));
        length = size;
    }
    const FunctionSpec* format = FunctionTable::standard().find("format");
    ValueList out;
    for (std::size_t row = 0; row < length.value_or(1); ++row) {
        ValueList line;
        for (std::size_t i = 0; i < args.size(); ++i)
            line.push_back(i > 0 && args[i].is_list() ? args[i].as_list()[row] : args[i]);
        auto text = format->impl(line, context);
        if (!text) return std::unexpected("formatlist: " + text.error().substr(text.error().find(": ") + 2));
        out.push_back(std::move(*text));
    }
    return Value(std::move(out));
}

std::expected<std::regex, std::string> compile(std::string_view function, const std::string& pattern) {
    try {
        return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
        return std::unexpected(fmt::format("{}: invalid regular expression \"{}\": {}", function, pattern, error.what()));
    }
}

// The result for one match: the matched text without groups, otherwise the list of captures
// (null for a group that did not take part).
Value match_value(const std::smatch& match) {
    if (match.size() == 1) return Value(match.str(0));
    ValueList groups;
    for (std::size_t i = 1; i < match.size(); ++i)
        groups.push_back(match[i].matched ? Value(match.str(i)) : Value());
    return Value(std::move(groups));
}

FunctionSpec regex_function(std::string name, bool all) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 2, .max_args = 2, .impl = [label, all](Args args, const FunctionCallContext&) -> FunctionResult {
                auto pattern = string_arg(label, args, 0);
                if (!pattern) return std::unexpected(pattern.error());
                auto text = string_arg(label, args, 1);
                if (!text) return std::unexpected(text.error());
                auto compiled = compile(label, *pattern);
                if (!compiled) return std::unexpected(compiled.error());
                ValueList matches;
                for (auto it = std::sregex_iterator(text->begin(), text->end(), *compiled); it != std::sregex_iterator(); ++it) {
                    matches.push_back(match_value(*it));
                    if (!all) return matches.front();
                }
                if (!all) return std::unexpected(std::string("regex: pattern did not match any part of the given string"));
                return Value(std::move(matches));
            }};
}

FunctionResult indent(Args args, const FunctionCallContext&) {
    auto spaces = integer_arg("indent", args, 0);
    if (!spaces) return std::unexpected(spaces.error());
    auto text = string_arg("indent", args, 1);
    if (!text) return std::unexpected(text.error());
    std::string pad(static_cast<std::size_t>(std::max(0LL, *spaces)), ' ');
    std::string out;
    for (char c : *text) {
        out += c;
        if (c == '\n') out += pad;
    }
    return Value(std::move(out));
}

FunctionResult chomp(Args args, const FunctionCallContext&) {
    auto text = string_arg("chomp", args, 0);
    if (!text) return std::unexpected(text.error());
    while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
    return Value(std::move(*text));
}

FunctionResult strrev(Args args, const FunctionCallContext&) {
    auto text = string_arg("strrev", args, 0);
    if (!text) return std::unexpected(text.error());
    auto characters = utf8_characters(*text);
    std::string out;
    for (auto it = characters.rbegin(); it != characters.rend(); ++it) out += *it;
    return Value(std::move(out));
}

}  // namespace

void add_text_functions(FunctionTable& table) {
    table.add({.name = "formatlist", .min_args = 1, .max_args = -1, .impl = formatlist});
    table.add(regex_function("regex", false));
    table.add(regex_function("regexall", true));
    table.add({.name = "indent", .min_args = 2, .max_args = 2, .impl = indent});
    table.add({.name = "chomp", .min_args = 1, .max_args = 1, .impl = chomp});
    table.add({.name = "strrev", .min_args = 1, .max_args = 1, .impl = strrev});
}

}  // namespace plinth::expr
