// core/expr/function_args.h: reading and checking built-in function arguments, with Terraform's
// conversions for primitives (a number passes where a string is wanted, "12" where a number
// is). Failures are the message the user sees: "upper: argument 1 must be a string, got list".
#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr/functions.h"

namespace plinth::expr {

using FunctionResult = std::expected<Value, std::string>;
using Args = std::span<const Value>;

// "NAME: argument N must be WANTED, got KIND" (N is 1-based in the message, 0-based in `index`).
std::string argument_error(std::string_view function, std::size_t index, std::string_view wanted, const Value& got);

std::expected<std::string, std::string> string_arg(std::string_view function, Args args, std::size_t index);
std::expected<double, std::string> number_arg(std::string_view function, Args args, std::size_t index);
std::expected<long long, std::string> integer_arg(std::string_view function, Args args, std::size_t index);
std::expected<const ValueList*, std::string> list_arg(std::string_view function, Args args, std::size_t index);
std::expected<const ValueMap*, std::string> map_arg(std::string_view function, Args args, std::size_t index);

// A primitive as text ("1.5", "true"); null when the value is not a string, number or bool.
std::optional<std::string> primitive_text(const Value& value);

// A path argument: relative to the context's base_dir (the stack directory) unless absolute.
std::filesystem::path resolve_path(const std::string& path, const FunctionCallContext& context);
// The bytes of the file at `path` (resolved as above), or the message naming what is wrong.
std::expected<std::string, std::string> read_file(std::string_view function, const std::string& path,
                                                  const FunctionCallContext& context);

// UTF-8 helpers: strings are counted and cut by code point.
std::vector<std::string_view> utf8_characters(std::string_view text);
bool is_valid_utf8(std::string_view text);

// The registration of each family of built-in functions, one per functions_*.cpp file.
void add_string_functions(FunctionTable& table);
void add_format_functions(FunctionTable& table);
void add_collection_functions(FunctionTable& table);
void add_sequence_functions(FunctionTable& table);
void add_conversion_functions(FunctionTable& table);
void add_numeric_functions(FunctionTable& table);
void add_encoding_functions(FunctionTable& table);
void add_file_functions(FunctionTable& table);
void add_list_functions(FunctionTable& table);
void add_set_functions(FunctionTable& table);
void add_text_functions(FunctionTable& table);
void add_document_functions(FunctionTable& table);
void add_time_functions(FunctionTable& table);
void add_network_functions(FunctionTable& table);
void add_try_functions(FunctionTable& table);
void add_template_functions(FunctionTable& table);
void add_bcrypt_functions(FunctionTable& table);

}  // namespace plinth::expr
