#include "plans/expansion.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <fmt/format.h>
#include <set>

namespace plinth::plans {

Value Expansion::container(const Repetition& repetition) const {
    if (!known || !repetition.repeated()) return Value::unknown();
    if (repetition.count) return Value(ValueList(instances.size(), Value::unknown()));
    ValueMap map;
    for (const auto& instance : instances) map.emplace(std::get<std::string>(instance.key), Value::unknown());
    return Value(std::move(map));
}

Value unknown_repetition(const Repetition& repetition) {
    if (repetition.count) return Value(ValueMap{{"index", Value::unknown()}});
    return Value(ValueMap{{"key", Value::unknown()}, {"value", Value::unknown()}});
}

void set_instance_value(Value& container, const InstanceKey& key, Value value) {
    if (const auto* index = std::get_if<std::int64_t>(&key)) {
        container.as_list().at(static_cast<std::size_t>(*index)) = std::move(value);
    } else if (const auto* name = std::get_if<std::string>(&key)) {
        container.as_map()[*name] = std::move(value);
    } else {
        container = std::move(value);
    }
}

namespace {

Diagnostics error_at(const expr::Expression& expression, std::string summary, std::string detail) {
    return Diagnostics(make_error(std::move(summary), std::move(detail), expr::location_of(expression)));
}

// A number, or a string that reads as one (as Terraform converts `count`).
std::optional<double> count_number(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (!value.is_string()) return std::nullopt;
    const std::string& text = value.as_string();
    double number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

std::expected<Expansion, Diagnostics> expand_count(const expr::Expression& expression, const Value& value) {
    Expansion expansion;
    if (value.is_unknown()) return Expansion{false, {}};
    if (value.is_sensitive())
        return std::unexpected(error_at(expression, "`count` cannot be a sensitive value",
                                        "the number of instances shows in plans and state"));
    auto number = count_number(value);
    if (!number || *number < 0 || std::floor(*number) != *number)
        return std::unexpected(error_at(expression, "`count` must be a whole number, 0 or more",
                                        fmt::format("it is {}", to_display(value))));
    auto n = static_cast<std::int64_t>(*number);
    for (std::int64_t i = 0; i < n; ++i)
        expansion.instances.push_back(Instance{i, Value(ValueMap{{"index", Value(i)}})});
    return expansion;
}

Value each_of(const std::string& key, Value value) {
    return Value(ValueMap{{"key", Value(key)}, {"value", std::move(value)}});
}

std::expected<Expansion, Diagnostics> expand_for_each(const expr::Expression& expression, const Value& value) {
    Expansion expansion;
    if (!value.is_wholly_known()) {
        // A map with unknown values but known keys still expands.
        if (!value.is_map()) return Expansion{false, {}};
    }
    if (value.is_sensitive())
        return std::unexpected(error_at(expression, "`for_each` cannot be a sensitive value",
                                        "instance keys show in plans and state"));
    if (value.is_map()) {
        for (const auto& [key, item] : value.as_map()) expansion.instances.push_back(Instance{key, each_of(key, item)});
        return expansion;
    }
    if (value.is_list()) {
        std::set<std::string> keys;
        for (const auto& item : value.as_list()) {
            if (!item.is_string())
                return std::unexpected(error_at(expression, "`for_each` over a list needs strings",
                                                fmt::format("it holds {}; use a map, or toset() of strings",
                                                            to_display(item))));
            keys.insert(item.as_string());
        }
        for (const auto& key : keys) expansion.instances.push_back(Instance{key, each_of(key, Value(key))});
        return expansion;
    }
    return std::unexpected(error_at(expression, "`for_each` must be a map or a set of strings",
                                    fmt::format("it is {}", to_display(value))));
}

}  // namespace

std::expected<Expansion, Diagnostics> expand(const Repetition& repetition, const Evaluate& evaluate) {
    if (!repetition.repeated()) return Expansion{true, {Instance{InstanceKey{}, Value()}}};
    const expr::Expression& expression = repetition.count ? *repetition.count : *repetition.for_each;
    auto value = evaluate(expression);
    if (!value) return std::unexpected(value.error());
    return repetition.count ? expand_count(expression, *value) : expand_for_each(expression, *value);
}

}  // namespace plinth::plans
