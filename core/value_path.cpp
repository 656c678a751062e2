#include "core/value_path.h"

#include <cctype>
#include <optional>
#include <variant>

namespace plinth {

namespace {

// One step of a path: a map key or a list index.
using Step = std::variant<std::string, std::size_t>;

bool is_identifier(std::string_view key) {
    if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) return false;
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

std::string quoted_key(std::string_view key) {
    std::string out = "[\"";
    for (char c : key) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"]";
}

std::string append_key(const std::string& path, std::string_view key) {
    if (!is_identifier(key)) return path + quoted_key(key);
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Reads `["key"]` or `[N]` starting at path[pos] == '['; advances pos past the ']'.
std::optional<Step> parse_bracket(const std::string& path, std::size_t& pos) {
    ++pos;
    if (pos < path.size() && path[pos] == '"') {
        std::string key;
        for (++pos; pos < path.size() && path[pos] != '"'; ++pos) {
            if (path[pos] == '\\' && pos + 1 < path.size()) ++pos;
            key += path[pos];
        }
        if (pos + 1 >= path.size() || path[pos + 1] != ']') return std::nullopt;
        pos += 2;
        return Step(std::move(key));
    }
    std::size_t start = pos;
    std::size_t index = 0;
    for (; pos < path.size() && std::isdigit(static_cast<unsigned char>(path[pos])); ++pos)
        index = index * 10 + static_cast<std::size_t>(path[pos] - '0');
    if (pos == start || pos >= path.size() || path[pos] != ']') return std::nullopt;
    ++pos;
    return Step(index);
}

// Splits "rules[0].port" into steps; null when the path is malformed.
std::optional<std::vector<Step>> parse_path(const std::string& path) {
    std::vector<Step> steps;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '[') {
            auto step = parse_bracket(path, pos);
            if (!step) return std::nullopt;
            steps.push_back(std::move(*step));
            continue;
        }
        if (path[pos] == '.') {
            if (steps.empty()) return std::nullopt;
            ++pos;
        }
        std::size_t end = path.find_first_of(".[", pos);
        if (end == std::string::npos) end = path.size();
        if (end == pos) return std::nullopt;
        steps.push_back(Step(path.substr(pos, end - pos)));
        pos = end;
    }
    return steps;
}

// One step down from `value`; V is Value or const Value.
template <typename V>
V* step_into(V& value, const Step& step) {
    if (const auto* key = std::get_if<std::string>(&step)) {
        if (!value.is_map()) return nullptr;
        auto& map = value.as_map();
        auto it = map.find(*key);
        return it == map.end() ? nullptr : &it->second;
    }
    std::size_t index = std::get<std::size_t>(step);
    if (!value.is_list() || index >= value.as_list().size()) return nullptr;
    return &value.as_list()[index];
}

template <typename V>
V* find_path(V& value, const std::string& path) {
    auto steps = parse_path(path);
    if (!steps) return nullptr;
    V* current = &value;
    for (const auto& step : *steps) {
        current = step_into(*current, step);
        if (!current) return nullptr;
    }
    return current;
}

void collect_sensitive(const Value& value, const std::string& path, std::vector<std::string>& out) {
    if (value.is_sensitive()) {
        out.push_back(path);
        return;
    }
    if (value.is_list()) {
        const auto& list = value.as_list();
        for (std::size_t i = 0; i < list.size(); ++i)
            collect_sensitive(list[i], path + "[" + std::to_string(i) + "]", out);
    } else if (value.is_map()) {
        for (const auto& [key, item] : value.as_map()) collect_sensitive(item, append_key(path, key), out);
    }
}

}  // namespace

std::vector<std::string> sensitive_paths(const Value& value) {
    std::vector<std::string> out;
    collect_sensitive(value, "", out);
    return out;
}

const Value* value_at_path(const Value& value, const std::string& path) { return find_path(value, path); }

void mark_sensitive_paths(Value& value, const std::vector<std::string>& paths) {
    for (const auto& path : paths)
        if (Value* found = find_path(value, path)) found->mark_sensitive();
}

}  // namespace plinth
