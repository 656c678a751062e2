// String functions: upper, lower, title, join, split, replace, trimspace, trim, trimprefix,
// trimsuffix, startswith, endswith, substr.
#include <cctype>
#include <fmt/format.h>
#include <regex>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

constexpr std::string_view k_space = " \t\n\r\v\f";

// A function of one string returning a string.
FunctionSpec string_to_string(std::string name, std::string (*op)(std::string)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = 1, .impl = [label, op](Args args, const FunctionCallContext&) -> FunctionResult {
                auto text = string_arg(label, args, 0);
                if (!text) return std::unexpected(text.error());
                return Value(op(std::move(*text)));
            }};
}

// A function of two strings, e.g. startswith(s, prefix).
FunctionSpec two_strings(std::string name, Value (*op)(const std::string&, const std::string&)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 2, .max_args = 2, .impl = [label, op](Args args, const FunctionCallContext&) -> FunctionResult {
                auto a = string_arg(label, args, 0);
                if (!a) return std::unexpected(a.error());
                auto b = string_arg(label, args, 1);
                if (!b) return std::unexpected(b.error());
                return op(*a, *b);
            }};
}

std::string to_upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string to_lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Upper-cases the first letter of every word; a word starts after a space or punctuation.
std::string to_title(std::string s) {
    bool word_start = true;
    for (char& c : s) {
        auto u = static_cast<unsigned char>(c);
        if (word_start) c = static_cast<char>(std::toupper(u));
        word_start = u < 0x80 && !std::isalnum(u) && c != '_';
    }
    return s;
}

std::string trim_space(std::string s) {
    auto first = s.find_first_not_of(k_space);
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(k_space) - first + 1);
}

FunctionResult join(Args args, const FunctionCallContext&) {
    auto separator = string_arg("join", args, 0);
    if (!separator) return std::unexpected(separator.error());
    std::string out;
    bool first = true;
    for (std::size_t i = 1; i < args.size(); ++i) {
        auto list = list_arg("join", args, i);
        if (!list) return std::unexpected(list.error());
        for (const auto& item : **list) {
            auto text = primitive_text(item);
            if (!text) return std::unexpected(fmt::format("join: elements must be strings, got {}", kind_name(item.kind())));
            if (!first) out += *separator;
            out += *text;
            first = false;
        }
    }
    return Value(std::move(out));
}

FunctionResult split(Args args, const FunctionCallContext&) {
    auto separator = string_arg("split", args, 0);
    if (!separator) return std::unexpected(separator.error());
    auto text = string_arg("split", args, 1);
    if (!text) return std::unexpected(text.error());
    ValueList parts;
    if (separator->empty()) {
        for (auto character : utf8_characters(*text)) parts.emplace_back(character);
        return Value(std::move(parts));
    }
    std::size_t start = 0;
    while (true) {
        std::size_t found = text->find(*separator, start);
        parts.emplace_back(text->substr(start, found - start));
        if (found == std::string::npos) break;
        start = found + separator->size();
    }
    return Value(std::move(parts));
}

// Go-style `${1}` group references become ECMAScript `$1`.
std::string ecmascript_replacement(const std::string& replacement) {
    static const std::regex k_braced(R"(\$\{(\d+)\})");
    return std::regex_replace(replacement, k_braced, "$$$1");
}

FunctionResult replace(Args args, const FunctionCallContext&) {
    auto text = string_arg("replace", args, 0);
    if (!text) return std::unexpected(text.error());
    auto search = string_arg("replace", args, 1);
    if (!search) return std::unexpected(search.error());
    auto replacement = string_arg("replace", args, 2);
    if (!replacement) return std::unexpected(replacement.error());
    if (search->size() >= 2 && search->front() == '/' && search->back() == '/') {
        try {
            std::regex pattern(search->substr(1, search->size() - 2), std::regex::ECMAScript);
            return Value(std::regex_replace(*text, pattern, ecmascript_replacement(*replacement)));
        } catch (const std::regex_error& error) {
            return std::unexpected(fmt::format("replace: invalid regular expression {}: {}", *search, error.what()));
        }
    }
    if (search->empty()) return Value(*text);
    std::string out;
    std::size_t start = 0;
    for (std::size_t found; (found = text->find(*search, start)) != std::string::npos; start = found + search->size())
        out += text->substr(start, found - start) + *replacement;
    return Value(out + text->substr(start));
}

FunctionResult trim(Args args, const FunctionCallContext&) {
    auto text = string_arg("trim", args, 0);
    if (!text) return std::unexpected(text.error());
    auto cutset = string_arg("trim", args, 1);
    if (!cutset) return std::unexpected(cutset.error());
    auto first = text->find_first_not_of(*cutset);
    if (first == std::string::npos) return Value("");
    return Value(text->substr(first, text->find_last_not_of(*cutset) - first + 1));
}

FunctionResult substr(Args args, const FunctionCallContext&) {
    auto text = string_arg("substr", args, 0);
    if (!text) return std::unexpected(text.error());
    auto offset = integer_arg("substr", args, 1);
    if (!offset) return std::unexpected(offset.error());
    auto length = integer_arg("substr", args, 2);
    if (!length) return std::unexpected(length.error());
    auto characters = utf8_characters(*text);
    auto size = static_cast<long long>(characters.size());
    long long begin = *offset < 0 ? std::max(0LL, size + *offset) : *offset;
    if (begin > size)
        return std::unexpected(fmt::format("substr: offset {} is beyond the string's {} characters", *offset, size));
    long long end = (*length < 0 || begin + *length > size) ? size : begin + *length;
    std::string out;
    for (long long i = begin; i < end; ++i) out += characters[static_cast<std::size_t>(i)];
    return Value(std::move(out));
}

}  // namespace

void add_string_functions(FunctionTable& table) {
    table.add(string_to_string("upper", to_upper));
    table.add(string_to_string("lower", to_lower));
    table.add(string_to_string("title", to_title));
    table.add(string_to_string("trimspace", trim_space));
    table.add({.name = "join", .min_args = 2, .max_args = -1, .impl = join});
    table.add({.name = "split", .min_args = 2, .max_args = 2, .impl = split});
    table.add({.name = "replace", .min_args = 3, .max_args = 3, .impl = replace});
    table.add({.name = "trim", .min_args = 2, .max_args = 2, .impl = trim});
    table.add({.name = "substr", .min_args = 3, .max_args = 3, .impl = substr});
    table.add(two_strings("trimprefix", [](const std::string& s, const std::string& prefix) {
        return Value(s.starts_with(prefix) ? s.substr(prefix.size()) : s);
    }));
    table.add(two_strings("trimsuffix", [](const std::string& s, const std::string& suffix) {
        return Value(s.ends_with(suffix) ? s.substr(0, s.size() - suffix.size()) : s);
    }));
    table.add(two_strings("startswith", [](const std::string& s, const std::string& prefix) {
        return Value(s.starts_with(prefix));
    }));
    table.add(two_strings("endswith", [](const std::string& s, const std::string& suffix) {
        return Value(s.ends_with(suffix));
    }));
}

}  // namespace plinth::expr
