// Encoding and hashing functions: jsonencode, jsondecode, base64encode, base64decode, urlencode,
// md5, sha1, sha256, sha512, base64sha256, base64sha512, uuid.
#include <cctype>
#include <fmt/format.h>

#include "core/digest.h"
#include "core/expr/function_args.h"
#include "core/value_json.h"

namespace plinth::expr {

namespace {

// Like Terraform, `<`, `>` and `&` are escaped so the output is safe inside HTML. They can only
// occur inside JSON strings, where the \u form means the same. Bytes that are not UTF-8 (a string
// from --var can hold any) become U+FFFD, as in state files.
FunctionResult json_encode(Args args, const FunctionCallContext&) {
    std::string out;
    for (char c : to_json(args[0]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) {
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return Value(std::move(out));
}

FunctionResult json_decode(Args args, const FunctionCallContext&) {
    auto text = string_arg("jsondecode", args, 0);
    if (!text) return std::unexpected(text.error());
    try {
        return from_json(nlohmann::json::parse(*text));
    } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range for a number too large
        return std::unexpected(fmt::format("jsondecode: invalid JSON: {}", error.what()));
    }
}

FunctionResult base64_encode_function(Args args, const FunctionCallContext&) {
    auto text = string_arg("base64encode", args, 0);
    if (!text) return std::unexpected(text.error());
    return Value(base64_encode(*text));
}

FunctionResult base64_decode_function(Args args, const FunctionCallContext&) {
    auto text = string_arg("base64decode", args, 0);
    if (!text) return std::unexpected(text.error());
    auto decoded = base64_decode(*text);
    if (!decoded) return std::unexpected(fmt::format("base64decode: \"{}\" is not valid base64", *text));
    if (!is_valid_utf8(*decoded))
        return std::unexpected(std::string("base64decode: the decoded bytes are not valid UTF-8"));
    return Value(std::move(*decoded));
}

FunctionSpec hash(std::string name, std::string (*digest)(std::string_view)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = 1, .impl = [label, digest](Args args, const FunctionCallContext&) -> FunctionResult {
                auto text = string_arg(label, args, 0);
                if (!text) return std::unexpected(text.error());
                return Value(digest(*text));
            }};
}

// Like Go's url.QueryEscape, which Terraform uses: a space becomes '+', and every byte other
// than letters, digits and -_.~ becomes %XX.
FunctionResult url_encode(Args args, const FunctionCallContext&) {
    auto text = string_arg("urlencode", args, 0);
    if (!text) return std::unexpected(text.error());
    std::string out;
    for (char c : *text) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') out += c;
        else if (c == ' ') out += '+';
        else out += fmt::format("%{:02X}", byte);
    }
    return Value(std::move(out));
}

// The raw bytes that lower-case `hex` spells.
std::string hex_to_bytes(std::string_view hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    return bytes;
}

FunctionSpec base64_hash(std::string name, std::string (*digest)(std::string_view)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = 1, .impl = [label, digest](Args args, const FunctionCallContext&) -> FunctionResult {
                auto text = string_arg(label, args, 0);
                if (!text) return std::unexpected(text.error());
                return Value(base64_encode(hex_to_bytes(digest(*text))));
            }};
}

}  // namespace

void add_encoding_functions(FunctionTable& table) {
    table.add({.name = "jsonencode", .min_args = 1, .max_args = 1, .impl = json_encode});
    table.add({.name = "jsondecode", .min_args = 1, .max_args = 1, .impl = json_decode});
    table.add({.name = "base64encode", .min_args = 1, .max_args = 1, .impl = base64_encode_function});
    table.add({.name = "base64decode", .min_args = 1, .max_args = 1, .impl = base64_decode_function});
    table.add(hash("md5", md5_hex));
    table.add(hash("sha1", sha1_hex));
    table.add(hash("sha256", sha256_hex));
    table.add(hash("sha512", sha512_hex));
    table.add(base64_hash("base64sha256", sha256_hex));
    table.add(base64_hash("base64sha512", sha512_hex));
    table.add({.name = "urlencode", .min_args = 1, .max_args = 1, .impl = url_encode});
    table.add({.name = "uuid", .min_args = 0, .max_args = 0,
               .impl = [](Args, const FunctionCallContext&) -> FunctionResult { return Value(random_uuid()); }});
}

}  // namespace plinth::expr
