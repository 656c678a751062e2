// core/value.h: the dynamic value that expressions produce and that properties, state attributes
// and outputs hold. A value is null, bool, number, string, list, map, or unknown ("known after
// apply"). A value may carry a sensitive mark, which derived values inherit and equality ignores.
// Lists and maps are shared between copies and copied on the first write through a copy (state,
// module scopes and plans hold the same attributes: at 100,000 resources, copies were most of the
// memory). A map's entries are a ValueMap (core/value_map.h): sorted by key, in one array.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "core/value_map.h"

namespace plinth {

using ValueList = std::vector<Value>;

enum class ValueKind { Null, Bool, Number, String, List, Map, Unknown };

// The name users see in messages: "null", "bool", "number", "string", "list", "map", "unknown".
std::string_view kind_name(ValueKind kind);

class Value {
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_data(b) {}
    Value(double n) : m_data(n) {}
    Value(int n) : m_data(static_cast<double>(n)) {}
    Value(std::int64_t n) : m_data(static_cast<double>(n)) {}
    Value(std::string s) : m_data(std::move(s)) {}
    Value(std::string_view s) : m_data(std::string(s)) {}
    Value(const char* s) : m_data(std::string(s)) {}
    Value(ValueList list) : m_data(std::make_shared<ValueList>(std::move(list))) {}
    Value(ValueMap map) : m_data(std::make_shared<ValueMap>(std::move(map))) {}

    // A value that will only be known once apply has run.
    static Value unknown();

    ValueKind kind() const { return static_cast<ValueKind>(m_data.index()); }
    bool is_null() const { return kind() == ValueKind::Null; }
    bool is_bool() const { return kind() == ValueKind::Bool; }
    bool is_number() const { return kind() == ValueKind::Number; }
    bool is_string() const { return kind() == ValueKind::String; }
    bool is_list() const { return kind() == ValueKind::List; }
    bool is_map() const { return kind() == ValueKind::Map; }
    bool is_unknown() const { return kind() == ValueKind::Unknown; }
    // True when neither this value nor anything nested in it is unknown.
    bool is_wholly_known() const;

    // Accessors; calling one for the wrong kind is a programming error (std::bad_variant_access).
    // The mutable list and map are this value's own: a shared one is copied first, so a reference
    // taken from them must not outlive the next copy of this value.
    bool as_bool() const { return std::get<bool>(m_data); }
    double as_number() const { return std::get<double>(m_data); }
    const std::string& as_string() const { return std::get<std::string>(m_data); }
    const ValueList& as_list() const { return shared_or_empty(std::get<SharedList>(m_data)); }
    const ValueMap& as_map() const { return shared_or_empty(std::get<SharedMap>(m_data)); }
    ValueList& as_list() { return own(std::get<SharedList>(m_data)); }
    ValueMap& as_map() { return own(std::get<SharedMap>(m_data)); }

    // Map member lookup; null when this is not a map or has no such key.
    const Value* find(std::string_view key) const;

    // Sensitive marks. `contains_sensitive` also looks inside lists and maps.
    bool is_sensitive() const { return m_sensitive; }
    bool contains_sensitive() const;
    Value& mark_sensitive(bool sensitive = true) {
        m_sensitive = sensitive;
        return *this;
    }

    // Structural equality; sensitive marks are ignored. Two unknowns are equal to each other.
    bool operator==(const Value& other) const;
    // Equal, with the same sensitive marks at every level: one may stand for the other.
    bool identical(const Value& other) const;

private:
    struct UnknownTag {
        bool operator==(const UnknownTag&) const = default;
    };
    using SharedList = std::shared_ptr<ValueList>;
    using SharedMap = std::shared_ptr<ValueMap>;

    // A moved-from value's collection is empty, as a moved-from std::map or std::vector is.
    template <typename Collection>
    static const Collection& shared_or_empty(const std::shared_ptr<Collection>& shared) {
        static const Collection empty;
        return shared ? *shared : empty;
    }
    template <typename Collection>
    static Collection& own(std::shared_ptr<Collection>& shared) {
        if (!shared)
            shared = std::make_shared<Collection>();
        else if (shared.use_count() > 1)
            shared = std::make_shared<Collection>(*shared);
        return *shared;
    }

    // Alternatives in ValueKind order.
    std::variant<std::monostate, bool, double, std::string, SharedList, SharedMap, UnknownTag> m_data;
    bool m_sensitive = false;
};

template <typename Iterator>
ValueMap::ValueMap(Iterator first, Iterator last) {
    for (; first != last; ++first) insert(value_type(*first));
}

template <typename... Args>
std::pair<ValueMap::iterator, bool> ValueMap::try_emplace(std::string key, Args&&... args) {
    auto it = lower_bound(key);
    if (it != m_entries.end() && it->first == key) return {it, false};
    return {m_entries.emplace(it, std::piecewise_construct, std::forward_as_tuple(std::move(key)),
                              std::forward_as_tuple(std::forward<Args>(args)...)),
            true};
}

template <typename V>
std::pair<ValueMap::iterator, bool> ValueMap::insert_or_assign(std::string key, V&& value) {
    auto [it, added] = try_emplace(std::move(key), std::forward<V>(value));
    if (!added) it->second = std::forward<V>(value);
    return {it, added};
}

// A number as users write it: integers without a fraction ("3", not "3.0"), others shortest exact.
std::string format_number(double n);

// A short human rendering used in messages and plans: strings quoted, lists/maps inline,
// unknown as "(known after apply)". Sensitive marks are not consulted here.
std::string to_display(const Value& value);

}  // namespace plinth
