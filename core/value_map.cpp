#include "core/value.h"

namespace plinth {

namespace {

bool key_less(const ValueMap::value_type& entry, std::string_view key) { return std::string_view(entry.first) < key; }

}  // namespace

ValueMap::ValueMap(std::initializer_list<value_type> entries) : ValueMap(entries.begin(), entries.end()) {}

ValueMap ValueMap::from_entries(std::vector<value_type> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const value_type& a, const value_type& b) { return a.first < b.first; });
    // Of a run of equal keys the last counts: move it to the run's first place, then drop the rest.
    ValueMap map;
    map.m_entries.reserve(entries.size());
    for (auto& entry : entries) {
        if (!map.m_entries.empty() && map.m_entries.back().first == entry.first)
            map.m_entries.back().second = std::move(entry.second);
        else
            map.m_entries.push_back(std::move(entry));
    }
    return map;
}

ValueMap::iterator ValueMap::lower_bound(std::string_view key) {
    return std::lower_bound(m_entries.begin(), m_entries.end(), key, key_less);
}

ValueMap::const_iterator ValueMap::lower_bound(std::string_view key) const {
    return std::lower_bound(m_entries.begin(), m_entries.end(), key, key_less);
}

ValueMap::iterator ValueMap::find(std::string_view key) {
    auto it = lower_bound(key);
    return it != m_entries.end() && it->first == key ? it : m_entries.end();
}

ValueMap::const_iterator ValueMap::find(std::string_view key) const {
    auto it = lower_bound(key);
    return it != m_entries.end() && it->first == key ? it : m_entries.end();
}

bool ValueMap::contains(std::string_view key) const { return find(key) != end(); }

Value& ValueMap::at(std::string_view key) {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("ValueMap::at: no such key");
    return it->second;
}

const Value& ValueMap::at(std::string_view key) const {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("ValueMap::at: no such key");
    return it->second;
}

Value& ValueMap::operator[](std::string_view key) { return try_emplace(std::string(key)).first->second; }

std::pair<ValueMap::iterator, bool> ValueMap::insert(value_type entry) {
    return try_emplace(std::move(entry.first), std::move(entry.second));
}

void ValueMap::clear() { m_entries.clear(); }

void ValueMap::reserve(size_type entries) { m_entries.reserve(entries); }

std::pair<ValueMap::iterator, bool> ValueMap::emplace(value_type entry) { return insert(std::move(entry)); }

ValueMap::iterator ValueMap::erase(const_iterator position) { return m_entries.erase(position); }

bool ValueMap::operator==(const ValueMap& other) const { return m_entries == other.m_entries; }

ValueMap::size_type ValueMap::erase(std::string_view key) {
    auto it = find(key);
    if (it == end()) return 0;
    m_entries.erase(it);
    return 1;
}

}  // namespace plinth
