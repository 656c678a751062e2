#include "core/expr/function_args.h"

#include <cmath>
#include <fmt/format.h>

#include "core/expr/operators.h"

namespace plinth::expr {

std::string argument_error(std::string_view function, std::size_t index, std::string_view wanted, const Value& got) {
    if (got.is_null()) return fmt::format("{}: argument {} must not be null", function, index + 1);
    return fmt::format("{}: argument {} must be {}, got {}", function, index + 1, wanted, kind_name(got.kind()));
}

std::optional<std::string> primitive_text(const Value& value) {
    switch (value.kind()) {
    case ValueKind::String: return value.as_string();
    case ValueKind::Number: return format_number(value.as_number());
    case ValueKind::Bool: return std::string(value.as_bool() ? "true" : "false");
    default: return std::nullopt;
    }
}

std::expected<std::string, std::string> string_arg(std::string_view function, Args args, std::size_t index) {
    if (auto text = primitive_text(args[index])) return *text;
    return std::unexpected(argument_error(function, index, "a string", args[index]));
}

std::expected<double, std::string> number_arg(std::string_view function, Args args, std::size_t index) {
    if (auto number = convert_to_number(args[index])) return *number;
    if (args[index].is_string())
        return std::unexpected(fmt::format("{}: argument {} must be a number, got \"{}\"", function, index + 1,
                                           args[index].as_string()));
    return std::unexpected(argument_error(function, index, "a number", args[index]));
}

std::expected<long long, std::string> integer_arg(std::string_view function, Args args, std::size_t index) {
    auto number = number_arg(function, args, index);
    if (!number) return std::unexpected(number.error());
    if (*number != std::trunc(*number) || std::fabs(*number) > 9e15)
        return std::unexpected(fmt::format("{}: argument {} must be a whole number, got {}", function, index + 1,
                                           format_number(*number)));
    return static_cast<long long>(*number);
}

std::expected<const ValueList*, std::string> list_arg(std::string_view function, Args args, std::size_t index) {
    if (args[index].is_list()) return &args[index].as_list();
    return std::unexpected(argument_error(function, index, "a list", args[index]));
}

std::expected<const ValueMap*, std::string> map_arg(std::string_view function, Args args, std::size_t index) {
    if (args[index].is_map()) return &args[index].as_map();
    return std::unexpected(argument_error(function, index, "a map", args[index]));
}

namespace {

// The byte length of the UTF-8 sequence that starts with `lead`; 0 for a byte that cannot lead.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 0;
}

}  // namespace

std::vector<std::string_view> utf8_characters(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = sequence_length(static_cast<unsigned char>(text[i]));
        length = std::min(std::max<std::size_t>(length, 1), text.size() - i);
        out.push_back(text.substr(i, length));
        i += length;
    }
    return out;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = sequence_length(static_cast<unsigned char>(text[i]));
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

}  // namespace plinth::expr
