#include "core/expr/operators.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace plinth::expr {

std::optional<double> convert_to_number(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (!value.is_string()) return std::nullopt;
    const std::string& text = value.as_string();
    // Only plain decimal notation: no spaces, hex, "inf" or "nan".
    if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double number = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE) return std::nullopt;
    return number;
}

std::optional<bool> convert_to_bool(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_string() && value.as_string() == "true") return true;
    if (value.is_string() && value.as_string() == "false") return false;
    return std::nullopt;
}

namespace {

using Where = OperatorError::Where;

std::expected<double, OperatorError> number_operand(const Value& value, Where where) {
    if (auto number = convert_to_number(value)) return *number;
    if (value.is_string())
        return std::unexpected(OperatorError{fmt::format("invalid operand: cannot convert \"{}\" to a number",
                                                         value.as_string()), where});
    return std::unexpected(
        OperatorError{fmt::format("invalid operand: a number is required, got {}", kind_name(value.kind())), where});
}

std::expected<bool, OperatorError> bool_operand(const Value& value, Where where) {
    if (auto b = convert_to_bool(value)) return *b;
    return std::unexpected(
        OperatorError{fmt::format("invalid operand: a bool is required, got {}", kind_name(value.kind())), where});
}

std::expected<Value, OperatorError> arithmetic(BinaryOp op, double a, double b) {
    switch (op) {
    case BinaryOp::Add: return Value(a + b);
    case BinaryOp::Subtract: return Value(a - b);
    case BinaryOp::Multiply: return Value(a * b);
    case BinaryOp::Divide:
        if (b == 0) return std::unexpected(OperatorError{"division by zero", Where::Rhs});
        return Value(a / b);
    case BinaryOp::Modulo:
        if (b == 0) return std::unexpected(OperatorError{"modulo by zero", Where::Rhs});
        return Value(std::fmod(a, b));
    case BinaryOp::Less: return Value(a < b);
    case BinaryOp::LessEqual: return Value(a <= b);
    case BinaryOp::Greater: return Value(a > b);
    case BinaryOp::GreaterEqual: return Value(a >= b);
    default: return std::unexpected(OperatorError{"not an arithmetic operator", Where::Expression});
    }
}

}  // namespace

std::expected<Value, OperatorError> apply_unary(UnaryOp op, const Value& operand) {
    if (op == UnaryOp::Negate) {
        auto number = number_operand(operand, Where::Expression);
        if (!number) return std::unexpected(number.error());
        return Value(-*number);
    }
    auto b = bool_operand(operand, Where::Expression);
    if (!b) return std::unexpected(b.error());
    return Value(!*b);
}

std::expected<Value, OperatorError> apply_binary(BinaryOp op, const Value& lhs, const Value& rhs) {
    if (op == BinaryOp::Equal) return Value(lhs == rhs);
    if (op == BinaryOp::NotEqual) return Value(!(lhs == rhs));
    if (op == BinaryOp::And || op == BinaryOp::Or) {
        auto a = bool_operand(lhs, Where::Lhs);
        if (!a) return std::unexpected(a.error());
        auto b = bool_operand(rhs, Where::Rhs);
        if (!b) return std::unexpected(b.error());
        return Value(op == BinaryOp::And ? (*a && *b) : (*a || *b));
    }
    auto a = number_operand(lhs, Where::Lhs);
    if (!a) return std::unexpected(a.error());
    auto b = number_operand(rhs, Where::Rhs);
    if (!b) return std::unexpected(b.error());
    return arithmetic(op, *a, *b);
}

}  // namespace plinth::expr
