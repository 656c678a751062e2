#include "plans/conformance.h"

namespace plinth::plans {

namespace {

std::string shown(const Value& value) {
    return value.contains_sensitive() ? "(sensitive value)" : to_display(value);
}

std::string join(const std::string& path, const std::string& part) {
    return path.empty() ? part : path + "." + part;
}

std::optional<Nonconformance> check(const Value& planned, const Value& actual, const std::string& path) {
    if (planned.is_unknown()) return std::nullopt;
    if (planned.is_map() && actual.is_map()) {
        const auto& wanted = planned.as_map();
        const auto& got = actual.as_map();
        for (const auto& [key, value] : wanted) {
            auto it = got.find(key);
            if (it == got.end()) return Nonconformance{join(path, key), shown(value), "absent"};
            if (auto found = check(value, it->second, join(path, key))) return found;
        }
        for (const auto& [key, value] : got)
            if (!wanted.contains(key)) return Nonconformance{join(path, key), "absent", shown(value)};
        return std::nullopt;
    }
    if (planned.is_list() && actual.is_list() && planned.as_list().size() == actual.as_list().size()) {
        for (std::size_t i = 0; i < planned.as_list().size(); ++i)
            if (auto found = check(planned.as_list()[i], actual.as_list()[i], path + "[" + std::to_string(i) + "]"))
                return found;
        return std::nullopt;
    }
    if (planned == actual) return std::nullopt;
    return Nonconformance{path.empty() ? "(the object)" : path, shown(planned), shown(actual)};
}

}  // namespace

std::optional<Nonconformance> find_nonconformance(const Value& planned, const Value& actual) {
    return check(planned, actual, "");
}

}  // namespace plinth::plans
