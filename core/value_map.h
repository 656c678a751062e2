// core/value_map.h: ValueMap, the members of a map value and the attributes of an object: string
// keys to values, in key order. One sorted array (80 bytes an entry, one allocation a map) instead
// of a tree (128 bytes and an allocation an entry): a stack of 100,000 resources holds millions of
// entries, almost all in maps of a few. Look-up is a binary search; adding a key after the last
// is constant time and anywhere else linear, so a builder of a large map in no particular order
// collects its entries first (ValueMap::from_entries). Like a vector, and unlike std::map, adding
// or removing an entry invalidates references to the others.
//
// Included by core/value.h only, which completes Value before defining the members below.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth {

class Value;

class ValueMap {
public:
    using key_type = std::string;
    using mapped_type = Value;
    using value_type = std::pair<std::string, Value>;  // keys must not be changed in place
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;
    using size_type = std::size_t;

    ValueMap() = default;
    // Of equal keys, the first one counts (as with std::map).
    ValueMap(std::initializer_list<value_type> entries);
    template <typename Iterator>
    ValueMap(Iterator first, Iterator last);
    // From entries in any order, sorted once; of equal keys, the last one counts (as if assigned
    // one after another).
    static ValueMap from_entries(std::vector<value_type> entries);

    // These and the other short members are defined inline in core/value.h, once Value is complete.
    iterator begin();
    iterator end();
    const_iterator begin() const;
    const_iterator end() const;
    const_iterator cbegin() const;
    const_iterator cend() const;
    bool empty() const;
    size_type size() const;
    void clear();
    void reserve(size_type entries);

    iterator lower_bound(std::string_view key);
    const_iterator lower_bound(std::string_view key) const;
    iterator find(std::string_view key);
    const_iterator find(std::string_view key) const;
    bool contains(std::string_view key) const;
    size_type count(std::string_view key) const;
    // std::out_of_range when there is no such key.
    Value& at(std::string_view key);
    const Value& at(std::string_view key) const;
    // The value of `key`, added as null when missing.
    Value& operator[](std::string_view key);

    // Adds `key` with a value made from `args` unless the key is present; the bool says whether
    // it was added.
    template <typename... Args>
    std::pair<iterator, bool> try_emplace(std::string key, Args&&... args);
    template <typename Key, typename... Args>
    std::pair<iterator, bool> emplace(Key&& key, Args&&... args) {
        return try_emplace(std::string(std::forward<Key>(key)), std::forward<Args>(args)...);
    }
    std::pair<iterator, bool> emplace(value_type entry);
    std::pair<iterator, bool> insert(value_type entry);
    template <typename Iterator>
    void insert(Iterator first, Iterator last);
    template <typename V>
    std::pair<iterator, bool> insert_or_assign(std::string key, V&& value);

    size_type erase(std::string_view key);
    iterator erase(const_iterator position);

    bool operator==(const ValueMap& other) const;

private:
    std::vector<value_type> m_entries;  // sorted by key, keys unique
};

}  // namespace plinth
