// format(spec, values...): Go/Terraform-style formatting with the verbs %v %#v %s %q %d %f %e %g
// %t %x %X %o %b and %%, flags (- + 0 space #), width, precision and explicit indexes (%[2]s).
#include <cmath>
#include <cstdio>
#include <fmt/format.h>

#include "core/expr/function_args.h"
#include "core/expr/operators.h"
#include "core/value_json.h"

namespace plinth::expr {

namespace {

struct Verb {
    std::string flags;
    int width = -1;
    int precision = -1;
    int index = -1;  // explicit argument index, 0-based; -1 for the next one
    char conversion = 0;
};

// The largest width, precision or argument index a verb may give (as Go's fmt).
constexpr int k_max_verb_number = 1'000'000;

// Reads a verb after '%' starting at `i`; leaves `i` after the conversion character.
std::expected<Verb, std::string> read_verb(const std::string& spec, std::size_t& i) {
    Verb verb;
    bool too_large = false;
    auto digits = [&] {
        int value = 0;
        for (; i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])); ++i) {
            if (value > k_max_verb_number) too_large = true;
            else value = value * 10 + (spec[i] - '0');
        }
        return value;
    };
    while (i < spec.size() && std::string_view("-+ 0#").find(spec[i]) != std::string_view::npos) verb.flags += spec[i++];
    if (i < spec.size() && spec[i] == '[') {
        ++i;
        verb.index = digits() - 1;
        if (i >= spec.size() || spec[i] != ']' || verb.index < 0)
            return std::unexpected(std::string("format: invalid argument index in the format string"));
        ++i;
    }
    if (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) verb.width = digits();
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        verb.precision = digits();
    }
    if (too_large || verb.width > k_max_verb_number || verb.precision > k_max_verb_number)
        return std::unexpected(fmt::format("format: a width, precision or argument index above {} in the format string",
                                           k_max_verb_number));
    if (i >= spec.size()) return std::unexpected(std::string("format: the format string ends in the middle of a verb"));
    verb.conversion = spec[i++];
    return verb;
}

std::string pad(std::string text, const Verb& verb, bool numeric) {
    auto length = static_cast<int>(utf8_characters(text).size());
    if (verb.width <= length) return text;
    auto fill = static_cast<std::size_t>(verb.width - length);
    if (verb.flags.find('-') != std::string::npos) return text + std::string(fill, ' ');
    if (numeric && verb.flags.find('0') != std::string::npos) {
        std::size_t sign = (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) ? 1 : 0;
        return text.insert(sign, fill, '0');
    }
    return std::string(fill, ' ') + text;
}

// printf for one number: flags and precision passed through, width applied by pad().
std::string c_format(const Verb& verb, const char* length_modifier, char conversion, auto number) {
    std::string spec = "%";
    for (char flag : verb.flags)
        if (flag == '+' || flag == ' ' || flag == '#') spec += flag;
    if (verb.precision >= 0) spec += fmt::format(".{}", verb.precision);
    spec += length_modifier;
    spec += conversion;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, spec.c_str(), number);
    return buffer;
}

std::string json_text(const Value& value) {
    return to_json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::expected<std::string, std::string> format_number_verb(const Verb& verb, const Value& arg, std::size_t position) {
    auto number = convert_to_number(arg);
    if (!number)
        return std::unexpected(fmt::format("format: %{} at argument {} needs a number, got {}", verb.conversion,
                                           position + 1, kind_name(arg.kind())));
    char c = verb.conversion;
    if (c == 'f' || c == 'e' || c == 'E' || c == 'g' || c == 'G') return c_format(verb, "", c, *number);
    // Checked before any conversion: a double outside long long's range does not convert.
    if (*number != std::trunc(*number) || std::fabs(*number) > 9.2e18)
        return std::unexpected(fmt::format("format: %{} at argument {} needs a whole number, got {}", c, position + 1,
                                           format_number(*number)));
    if (c == 'b') {
        auto n = static_cast<long long>(*number);
        std::string bits = fmt::format("{:b}", n < 0 ? -n : n);
        return (n < 0 ? "-" : "") + bits;
    }
    return c_format(verb, "ll", c == 'd' ? 'd' : c, static_cast<long long>(*number));
}

std::expected<std::string, std::string> format_one(const Verb& verb, const Value& arg, std::size_t position) {
    char c = verb.conversion;
    if (c == 'v') {
        if (verb.flags.find('#') != std::string::npos) return json_text(arg);
        if (auto text = primitive_text(arg)) return *text;
        return arg.is_null() ? std::string("null") : json_text(arg);
    }
    if (c == 's' || c == 'q') {
        auto text = primitive_text(arg);
        if (!text)
            return std::unexpected(fmt::format("format: %{} at argument {} needs a string, got {}", c, position + 1,
                                               kind_name(arg.kind())));
        if (verb.precision >= 0) {
            auto characters = utf8_characters(*text);
            if (characters.size() > static_cast<std::size_t>(verb.precision)) {
                std::string cut;
                for (int k = 0; k < verb.precision; ++k) cut += characters[static_cast<std::size_t>(k)];
                text = cut;
            }
        }
        return c == 'q' ? json_text(Value(*text)) : *text;
    }
    if (c == 't') {
        auto b = convert_to_bool(arg);
        if (!b) return std::unexpected(fmt::format("format: %t at argument {} needs a bool, got {}", position + 1, kind_name(arg.kind())));
        return std::string(*b ? "true" : "false");
    }
    if (std::string_view("dfeEgGxXob").find(c) != std::string_view::npos) return format_number_verb(verb, arg, position);
    return std::unexpected(fmt::format("format: unsupported verb %{}", c));
}

FunctionResult format(Args args, const FunctionCallContext&) {
    auto spec = string_arg("format", args, 0);
    if (!spec) return std::unexpected(spec.error());
    std::string out;
    std::size_t next = 0;  // the next value, 0-based among the values after the spec
    std::size_t used = 0;
    for (std::size_t i = 0; i < spec->size();) {
        if ((*spec)[i] != '%') {
            out += (*spec)[i++];
            continue;
        }
        ++i;
        if (i < spec->size() && (*spec)[i] == '%') {
            out += '%';
            ++i;
            continue;
        }
        auto verb = read_verb(*spec, i);
        if (!verb) return std::unexpected(verb.error());
        if (verb->index >= 0) next = static_cast<std::size_t>(verb->index);
        if (next + 1 >= args.size())
            return std::unexpected(fmt::format("format: not enough arguments for %{}: needs argument {}, but there {} {}",
                                               verb->conversion, next + 1, args.size() == 2 ? "is" : "are", args.size() - 1));
        const Value& arg = args[next + 1];
        if (arg.is_null() && verb->conversion != 'v')
            return std::unexpected(fmt::format("format: argument {} is null", next + 1));
        auto text = format_one(*verb, arg, next);
        if (!text) return std::unexpected(text.error());
        out += pad(std::move(*text), *verb, verb->conversion != 's' && verb->conversion != 'q' && verb->conversion != 'v');
        used = std::max(used, ++next);
    }
    if (used < args.size() - 1)
        return std::unexpected(fmt::format("format: too many arguments; the format string uses {} of {}", used,
                                           args.size() - 1));
    return Value(std::move(out));
}

}  // namespace

void add_format_functions(FunctionTable& table) {
    table.add({.name = "format", .min_args = 1, .max_args = -1, .impl = format});
}

}  // namespace plinth::expr
