// core/expr/operators.h: what the unary and binary operators compute on known values, with
// Terraform's conversions (numeric strings count as numbers). Unknowns, sensitive marks and the
// short-circuit of && and || are the evaluator's business.
#pragma once

#include <expected>
#include <optional>
#include <string>

#include "core/expr/ast.h"

namespace plinth::expr {

struct OperatorError {
    std::string message;
    enum class Where { Expression, Lhs, Rhs } where = Where::Expression;
};

std::expected<Value, OperatorError> apply_unary(UnaryOp op, const Value& operand);
std::expected<Value, OperatorError> apply_binary(BinaryOp op, const Value& lhs, const Value& rhs);

// A number, or a string that reads as one ("12", "1.5e3"), as Terraform converts.
std::optional<double> convert_to_number(const Value& value);

}  // namespace plinth::expr
