#include "providers/rest/object_paths.h"

#include <cmath>

#include <fmt/format.h>

namespace plinth::providers::rest {

namespace {

constexpr std::string_view k_placeholder = "{id}";

bool is_unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string percent_encoded(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (is_unreserved(c)) out += c;
        else out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

}  // namespace

const Value* value_at(const Value& object, std::string_view path) {
    const Value* current = &object;
    while (current != nullptr && !path.empty()) {
        auto slash = path.find('/');
        current = current->find(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    }
    return current;
}

std::string_view parent_path(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

void erase_at(Value& object, std::string_view path) {
    std::string_view last = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    std::string_view parent = parent_path(path);
    Value* holder = &object;
    while (holder->is_map() && !parent.empty()) {
        auto slash = parent.find('/');
        auto it = holder->as_map().find(parent.substr(0, slash));
        if (it == holder->as_map().end()) return;
        holder = &it->second;
        parent = slash == std::string_view::npos ? std::string_view{} : parent.substr(slash + 1);
    }
    if (holder->is_map()) {
        auto it = holder->as_map().find(last);
        if (it != holder->as_map().end()) holder->as_map().erase(it);
    }
}

std::expected<void, std::string> check_id_attribute(std::string_view path) {
    if (path.empty()) return std::unexpected("it is empty");
    if (path.front() == '/' || path.back() == '/' || path.find("//") != std::string_view::npos)
        return std::unexpected(
            fmt::format("\"{}\" has an empty segment; write keys separated by '/', like \"data/id\"", path));
    return {};
}

std::optional<std::string> id_text(const Value& id) {
    if (id.is_string() && !id.as_string().empty()) return id.as_string();
    if (id.is_number() && std::isfinite(id.as_number())) return format_number(id.as_number());
    return std::nullopt;
}

std::string expand_path(std::string_view path_template, std::string_view id) {
    std::string out;
    for (auto at = path_template.find(k_placeholder); at != std::string_view::npos; at = path_template.find(k_placeholder)) {
        out += path_template.substr(0, at);
        out += percent_encoded(id);
        path_template.remove_prefix(at + k_placeholder.size());
    }
    return out + std::string(path_template);
}

std::expected<void, std::string> check_path_template(std::string_view path_template) {
    if (!path_template.starts_with('/')) return std::unexpected(fmt::format("\"{}\" must start with '/'", path_template));
    std::string rest = expand_path(path_template, "");
    if (rest.find_first_of("{}") != std::string::npos)
        return std::unexpected(fmt::format("\"{}\" has a placeholder other than {{id}}", path_template));
    return {};
}

std::string default_object_path(std::string_view collection) {
    std::string path(collection);
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path + "/" + std::string(k_placeholder);
}

std::string join_url(std::string_view base_url, std::string_view path) {
    while (base_url.ends_with('/')) base_url.remove_suffix(1);
    while (path.starts_with('/')) path.remove_prefix(1);
    return fmt::format("{}/{}", base_url, path);
}

std::expected<ImportId, std::string> parse_import_id(std::string_view text) {
    while (text.size() > 1 && text.ends_with('/')) text.remove_suffix(1);
    auto slash = text.rfind('/');
    if (!text.starts_with('/') || slash == 0 || slash == std::string_view::npos || slash + 1 == text.size())
        return std::unexpected(fmt::format(
            "\"{}\" is not COLLECTION/ID: write the object's path below base_url, like \"/posts/5\"", text));
    return ImportId{std::string(text.substr(0, slash)), std::string(text.substr(slash + 1))};
}

}  // namespace plinth::providers::rest
