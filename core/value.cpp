#include "core/value.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace plinth {

std::string_view kind_name(ValueKind kind) {
    switch (kind) {
    case ValueKind::Null: return "null";
    case ValueKind::Bool: return "bool";
    case ValueKind::Number: return "number";
    case ValueKind::String: return "string";
    case ValueKind::List: return "list";
    case ValueKind::Map: return "map";
    case ValueKind::Unknown: return "unknown";
    }
    return "?";
}

Value Value::unknown() {
    Value v;
    v.m_data = UnknownTag{};
    return v;
}

bool Value::operator==(const Value& other) const {
    if (kind() != other.kind()) return false;
    switch (kind()) {
    case ValueKind::List:
        return std::get<SharedList>(m_data) == std::get<SharedList>(other.m_data) || as_list() == other.as_list();
    case ValueKind::Map:
        return std::get<SharedMap>(m_data) == std::get<SharedMap>(other.m_data) || as_map() == other.as_map();
    default: return m_data == other.m_data;
    }
}

bool Value::identical(const Value& other) const {
    if (m_sensitive != other.m_sensitive || kind() != other.kind()) return false;
    switch (kind()) {
    case ValueKind::List: {
        if (std::get<SharedList>(m_data) == std::get<SharedList>(other.m_data)) return true;
        const auto &mine = as_list(), &theirs = other.as_list();
        return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end(),
                          [](const Value& a, const Value& b) { return a.identical(b); });
    }
    case ValueKind::Map: {
        if (std::get<SharedMap>(m_data) == std::get<SharedMap>(other.m_data)) return true;
        const auto &mine = as_map(), &theirs = other.as_map();
        return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end(), [](const auto& a, const auto& b) {
            return a.first == b.first && a.second.identical(b.second);
        });
    }
    default: return m_data == other.m_data;
    }
}

bool Value::is_wholly_known() const {
    switch (kind()) {
    case ValueKind::Unknown: return false;
    case ValueKind::List:
        for (const auto& item : as_list())
            if (!item.is_wholly_known()) return false;
        return true;
    case ValueKind::Map:
        for (const auto& [key, item] : as_map())
            if (!item.is_wholly_known()) return false;
        return true;
    default: return true;
    }
}

const Value* Value::find(std::string_view key) const {
    if (!is_map()) return nullptr;
    const auto& map = as_map();
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

bool Value::contains_sensitive() const {
    if (m_sensitive) return true;
    if (is_list())
        for (const auto& item : as_list())
            if (item.contains_sensitive()) return true;
    if (is_map())
        for (const auto& [key, item] : as_map())
            if (item.contains_sensitive()) return true;
    return false;
}

std::string format_number(double n) {
    if (std::isfinite(n) && n == std::trunc(n) && std::fabs(n) < 1e17)
        return fmt::format("{}", static_cast<long long>(n));
    return fmt::format("{}", n);
}

static std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out + "\"";
}

std::string to_display(const Value& value) {
    switch (value.kind()) {
    case ValueKind::Null: return "null";
    case ValueKind::Bool: return value.as_bool() ? "true" : "false";
    case ValueKind::Number: return format_number(value.as_number());
    case ValueKind::String: return quote(value.as_string());
    case ValueKind::Unknown: return "(known after apply)";
    case ValueKind::List: {
        std::string out = "[";
        for (const auto& item : value.as_list()) {
            if (out.size() > 1) out += ", ";
            out += to_display(item);
        }
        return out + "]";
    }
    case ValueKind::Map: {
        std::string out = "{";
        for (const auto& [key, item] : value.as_map()) {
            if (out.size() > 1) out += ", ";
            out += quote(key) + " = " + to_display(item);
        }
        return out + "}";
    }
    }
    return "?";
}

}  // namespace plinth
