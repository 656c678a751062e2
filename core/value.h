// core/value.h: the dynamic value that expressions produce and that properties, state attributes
// and outputs hold. A value is null, bool, number, string, list, map, or unknown ("known after
// apply"). A value may carry a sensitive mark, which derived values inherit and equality ignores.
// Lists and maps are shared between copies and copied on the first write through a copy (state,
// module scopes and plans hold the same attributes: at 100,000 resources, copies were most of the
// memory). A map's entries are a ValueMap (core/value_map.h): sorted by key, in one array.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "core/value_map.h"

namespace plinth {

using ValueList = std::vector<Value>;

enum class ValueKind : std::uint8_t { Null, Bool, Number, String, List, Map, Unknown };

// The name users see in messages: "null", "bool", "number", "string", "list", "map", "unknown".
std::string_view kind_name(ValueKind kind);

class Value {
public:
    Value() {}
    Value(std::nullptr_t) {}
    Value(bool b) : m_kind(ValueKind::Bool) { m_payload.boolean = b; }
    Value(double n) : m_kind(ValueKind::Number) { m_payload.number = n; }
    Value(int n) : Value(static_cast<double>(n)) {}
    Value(std::int64_t n) : Value(static_cast<double>(n)) {}
    Value(std::string s) : m_kind(ValueKind::String) { new (&m_payload.string) std::string(std::move(s)); }
    Value(std::string_view s) : Value(std::string(s)) {}
    Value(const char* s) : Value(std::string(s)) {}
    Value(ValueList list) : m_kind(ValueKind::List) {
        new (&m_payload.list) SharedList(std::make_shared<ValueList>(std::move(list)));
    }
    Value(ValueMap map) : m_kind(ValueKind::Map) {
        new (&m_payload.map) SharedMap(std::make_shared<ValueMap>(std::move(map)));
    }
    Value(const Value& other) : m_sensitive(other.m_sensitive) { take_copy(other); }
    Value(Value&& other) noexcept : m_sensitive(other.m_sensitive) { take_moved(std::move(other)); }
    // Both assignments read `other` fully before letting go of this value's own payload, which
    // may hold `other` (`v = v.as_map().at("k")`).
    Value& operator=(const Value& other);
    Value& operator=(Value&& other) noexcept;
    ~Value() { release(); }

    // A value that will only be known once apply has run.
    static Value unknown();

    ValueKind kind() const { return m_kind; }
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
    bool as_bool() const { return expect(ValueKind::Bool).m_payload.boolean; }
    double as_number() const { return expect(ValueKind::Number).m_payload.number; }
    const std::string& as_string() const { return expect(ValueKind::String).m_payload.string; }
    const ValueList& as_list() const { return shared_or_empty(expect(ValueKind::List).m_payload.list); }
    const ValueMap& as_map() const { return shared_or_empty(expect(ValueKind::Map).m_payload.map); }
    ValueList& as_list() { return own(expect(ValueKind::List).m_payload.list); }
    ValueMap& as_map() { return own(expect(ValueKind::Map).m_payload.map); }

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
    using SharedList = std::shared_ptr<ValueList>;
    using SharedMap = std::shared_ptr<ValueMap>;

    // The payload of m_kind: nothing for null and unknown. A union with the kind and the mark
    // beside it takes 40 bytes where a std::variant and the mark took 48: a stack of 100,000
    // resources holds millions of values.
    union Payload {
        bool boolean;
        double number;
        std::string string;
        SharedList list;
        SharedMap map;
        Payload() {}
        ~Payload() {}
    };

    // This value, when it is of `kind`; else throws std::bad_variant_access.
    const Value& expect(ValueKind kind) const {
        if (m_kind != kind) throw std::bad_variant_access();
        return *this;
    }
    Value& expect(ValueKind kind) {
        if (m_kind != kind) throw std::bad_variant_access();
        return *this;
    }
    // Give this value (null, without a payload) the kind and a copy of the payload of `other`.
    void take_copy(const Value& other);
    // The same, moving the payload: `other` keeps its kind with an empty string or collection.
    void take_moved(Value&& other) noexcept;
    // Both of the above: `Source` is `const Value&` or `Value`.
    template <typename Source>
    void take(Source&& other);
    // Ends the payload; the value is null.
    void release() noexcept;

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

    Payload m_payload;
    ValueKind m_kind = ValueKind::Null;
    bool m_sensitive = false;
};

static_assert(sizeof(Value) == 40, "a value is a 32-byte payload, its kind and its sensitive mark");

inline ValueMap::iterator ValueMap::begin() { return m_entries.begin(); }
inline ValueMap::iterator ValueMap::end() { return m_entries.end(); }
inline ValueMap::const_iterator ValueMap::begin() const { return m_entries.begin(); }
inline ValueMap::const_iterator ValueMap::end() const { return m_entries.end(); }
inline ValueMap::const_iterator ValueMap::cbegin() const { return m_entries.begin(); }
inline ValueMap::const_iterator ValueMap::cend() const { return m_entries.end(); }
inline bool ValueMap::empty() const { return m_entries.empty(); }
inline ValueMap::size_type ValueMap::size() const { return m_entries.size(); }
inline ValueMap::size_type ValueMap::count(std::string_view key) const { return contains(key) ? 1 : 0; }

template <typename Iterator>
ValueMap::ValueMap(Iterator first, Iterator last) {
    for (; first != last; ++first) insert(value_type(*first));
}

template <typename Iterator>
void ValueMap::insert(Iterator first, Iterator last) {
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
