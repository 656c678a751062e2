#include "plans/render_value.h"

#include <algorithm>
#include <cctype>

namespace plinth::plans {

namespace {
constexpr std::string_view k_sensitive_text = "(sensitive value)";
constexpr std::string_view k_unknown_text = "(known after apply)";

std::string heredoc(const std::string& text, int column) {
    std::string out = "<<-EOT\n";
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out += std::string(column + 4, ' ') + text.substr(start, end - start);
        out += '\n';
        start = end + 1;
    }
    return out + std::string(column, ' ') + "EOT";
}

std::string render_list(const ValueList& list, Mark mark, int column, const RenderStyle& style) {
    if (list.empty()) return "[]";
    std::string out = "[\n";
    for (const auto& item : list)
        out += line_start(column + 4, mark, style) + render_value(item, mark, column + 4, style) + ",\n";
    return out + std::string(column, ' ') + "]";
}

std::string render_map(const ValueMap& map, Mark mark, int column, const RenderStyle& style) {
    if (map.empty()) return "{}";
    std::size_t width = 0;
    for (const auto& [key, item] : map) width = std::max(width, key_text(key, true).size());
    std::string out = "{\n";
    for (const auto& [key, item] : map)
        out += line_start(column + 4, mark, style) + pad(key_text(key, true), width) + " = " +
               render_value(item, mark, column + 4, style) + "\n";
    return out + std::string(column, ' ') + "}";
}

bool is_identifier(std::string_view text) {
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front()))) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}
}  // namespace

std::string line_start(int column, Mark mark, const RenderStyle& style) {
    if (mark == Mark::None) return std::string(std::max(column, 0), ' ');
    std::string out(std::max(column - 2, 0), ' ');
    switch (mark) {
    case Mark::Create: out += style.green("+"); break;
    case Mark::Update: out += style.yellow("~"); break;
    case Mark::Delete: out += style.red("-"); break;
    case Mark::None: break;
    }
    return out + " ";
}

std::string hcl_quote(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '$':
        case '%':
            out += c;
            if (i + 1 < text.size() && text[i + 1] == '{') out += c;
            break;
        default: out += c;
        }
    }
    return out + "\"";
}

std::string key_text(std::string_view key, bool always_quote) {
    return always_quote || !is_identifier(key) ? hcl_quote(key) : std::string(key);
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    if (out.size() < width) out.append(width - out.size(), ' ');
    return out;
}

bool is_multiline(const Value& value) {
    return value.is_string() && value.as_string().find('\n') != std::string::npos;
}

std::string render_value(const Value& value, Mark mark, int column, const RenderStyle& style) {
    if (value.is_sensitive()) return std::string(k_sensitive_text);
    switch (value.kind()) {
    case ValueKind::Unknown: return std::string(k_unknown_text);
    case ValueKind::String:
        return is_multiline(value) ? heredoc(value.as_string(), column) : hcl_quote(value.as_string());
    case ValueKind::List: return render_list(value.as_list(), mark, column, style);
    case ValueKind::Map: return render_map(value.as_map(), mark, column, style);
    default: return to_display(value);
    }
}

}  // namespace plinth::plans
