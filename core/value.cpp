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
    v.m_kind = ValueKind::Unknown;
    return v;
}

template <typename Source>
void Value::take(Source&& other) {
    switch (other.m_kind) {
    case ValueKind::Bool: m_payload.boolean = other.m_payload.boolean; break;
    case ValueKind::Number: m_payload.number = other.m_payload.number; break;
    case ValueKind::String: new (&m_payload.string) std::string(std::forward<Source>(other).m_payload.string); break;
    case ValueKind::List: new (&m_payload.list) SharedList(std::forward<Source>(other).m_payload.list); break;
    case ValueKind::Map: new (&m_payload.map) SharedMap(std::forward<Source>(other).m_payload.map); break;
    case ValueKind::Null:
    case ValueKind::Unknown: break;
    }
    m_kind = other.m_kind;
}

void Value::take_copy(const Value& other) { take(other); }

void Value::take_moved(Value&& other) noexcept { take(std::move(other)); }

void Value::release() noexcept {
    switch (m_kind) {
    case ValueKind::String: m_payload.string.~basic_string(); break;
    case ValueKind::List: m_payload.list.~SharedList(); break;
    case ValueKind::Map: m_payload.map.~SharedMap(); break;
    default: break;
    }
    m_kind = ValueKind::Null;
}

Value& Value::operator=(const Value& other) {
    if (this != &other) *this = Value(other);
    return *this;
}

Value& Value::operator=(Value&& other) noexcept {
    if (this == &other) return *this;
    Value taken(std::move(other));  // out of `other` before this payload, which may hold it, ends
    release();
    take_moved(std::move(taken));
    m_sensitive = taken.m_sensitive;
    return *this;
}

bool Value::operator==(const Value& other) const {
    if (kind() != other.kind()) return false;
    switch (kind()) {
    case ValueKind::Bool: return m_payload.boolean == other.m_payload.boolean;
    case ValueKind::Number: return m_payload.number == other.m_payload.number;
    case ValueKind::String: return m_payload.string == other.m_payload.string;
    case ValueKind::List: return m_payload.list == other.m_payload.list || as_list() == other.as_list();
    case ValueKind::Map: return m_payload.map == other.m_payload.map || as_map() == other.as_map();
    case ValueKind::Null:
    case ValueKind::Unknown: return true;
    }
    return false;
}

bool Value::identical(const Value& other) const {
    if (m_sensitive != other.m_sensitive || kind() != other.kind()) return false;
    switch (kind()) {
    case ValueKind::List: {
        if (m_payload.list == other.m_payload.list) return true;
        const auto &mine = as_list(), &theirs = other.as_list();
        return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end(),
                          [](const Value& a, const Value& b) { return a.identical(b); });
    }
    case ValueKind::Map: {
        if (m_payload.map == other.m_payload.map) return true;
        const auto &mine = as_map(), &theirs = other.as_map();
        return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end(), [](const auto& a, const auto& b) {
            return a.first == b.first && a.second.identical(b.second);
        });
    }
    default: return *this == other;
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
