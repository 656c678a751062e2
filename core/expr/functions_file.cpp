// File and path functions: file, fileexists, filebase64, basename, dirname, abspath. Relative
// paths resolve against the context's base_dir (the stack directory), not the process's cwd.
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "core/digest.h"
#include "core/expr/function_args.h"

namespace plinth::expr {

namespace fs = std::filesystem;

fs::path resolve_path(const std::string& path, const FunctionCallContext& context) {
    fs::path p(path);
    return p.is_absolute() ? p : context.base_dir / p;
}

std::expected<std::string, std::string> read_file(std::string_view function, const std::string& path,
                                                  const FunctionCallContext& context) {
    fs::path full = resolve_path(path, context);
    std::error_code error;
    if (fs::is_directory(full, error)) return std::unexpected(fmt::format("{}: \"{}\" is a directory, not a file", function, path));
    if (!fs::exists(full, error)) return std::unexpected(fmt::format("{}: no file exists at \"{}\"", function, path));
    std::ifstream in(full, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf()))
        if (fs::file_size(full, error) != 0) return std::unexpected(fmt::format("{}: cannot read \"{}\"", function, path));
    return bytes.str();
}

namespace {

FunctionResult file(Args args, const FunctionCallContext& context) {
    auto path = string_arg("file", args, 0);
    if (!path) return std::unexpected(path.error());
    auto content = read_file("file", *path, context);
    if (!content) return std::unexpected(content.error());
    if (!is_valid_utf8(*content))
        return std::unexpected(fmt::format("file: the contents of \"{}\" are not valid UTF-8; use filebase64 for binary files", *path));
    return Value(std::move(*content));
}

FunctionResult file_base64(Args args, const FunctionCallContext& context) {
    auto path = string_arg("filebase64", args, 0);
    if (!path) return std::unexpected(path.error());
    auto content = read_file("filebase64", *path, context);
    if (!content) return std::unexpected(content.error());
    return Value(base64_encode(*content));
}

FunctionResult file_exists(Args args, const FunctionCallContext& context) {
    auto path = string_arg("fileexists", args, 0);
    if (!path) return std::unexpected(path.error());
    std::error_code error;
    fs::path full = resolve_path(*path, context);
    if (fs::is_directory(full, error)) return std::unexpected(fmt::format("fileexists: \"{}\" is a directory, not a file", *path));
    return Value(fs::exists(full, error));
}

// Trailing slashes dropped, except for the root itself.
std::string strip_trailing_slashes(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

FunctionResult basename(Args args, const FunctionCallContext&) {
    auto path = string_arg("basename", args, 0);
    if (!path) return std::unexpected(path.error());
    std::string p = strip_trailing_slashes(*path);
    if (p.empty()) return Value(".");
    if (p == "/") return Value("/");
    return Value(p.substr(p.rfind('/') + 1));
}

FunctionResult dirname(Args args, const FunctionCallContext&) {
    auto path = string_arg("dirname", args, 0);
    if (!path) return std::unexpected(path.error());
    auto slash = path->rfind('/');
    if (slash == std::string::npos) return Value(".");
    std::string dir = strip_trailing_slashes(path->substr(0, slash + 1));
    return Value(fs::path(dir).lexically_normal().string());
}

FunctionResult abspath(Args args, const FunctionCallContext& context) {
    auto path = string_arg("abspath", args, 0);
    if (!path) return std::unexpected(path.error());
    fs::path full = resolve_path(*path, context);
    if (full.is_relative()) full = fs::current_path() / full;
    return Value(strip_trailing_slashes(full.lexically_normal().string()));
}

}  // namespace

void add_file_functions(FunctionTable& table) {
    table.add({.name = "file", .min_args = 1, .max_args = 1, .impl = file});
    table.add({.name = "filebase64", .min_args = 1, .max_args = 1, .impl = file_base64});
    table.add({.name = "fileexists", .min_args = 1, .max_args = 1, .impl = file_exists});
    table.add({.name = "basename", .min_args = 1, .max_args = 1, .impl = basename});
    table.add({.name = "dirname", .min_args = 1, .max_args = 1, .impl = dirname});
    table.add({.name = "abspath", .min_args = 1, .max_args = 1, .impl = abspath});
}

}  // namespace plinth::expr
