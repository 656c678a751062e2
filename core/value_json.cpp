#include "core/value_json.h"

namespace plinth {

namespace {
constexpr const char* k_unknown_tag = "$unknown";
constexpr const char* k_sensitive_tag = "$sensitive";

struct Tags {
    bool unknowns;   // {"$unknown": true} instead of null
    bool sensitive;  // {"$sensitive": value} around marked values
};

nlohmann::json convert(const Value& value, Tags tags) {
    nlohmann::json out;
    switch (value.kind()) {
    case ValueKind::Null: out = nullptr; break;
    case ValueKind::Bool: out = value.as_bool(); break;
    case ValueKind::Number: {
        double n = value.as_number();
        // The range first: converting a double outside int64's range is undefined behaviour.
        if (n > -9.2e18 && n < 9.2e18 && n == static_cast<double>(static_cast<std::int64_t>(n)))
            out = static_cast<std::int64_t>(n);
        else
            out = n;
        break;
    }
    case ValueKind::String: out = value.as_string(); break;
    case ValueKind::Unknown: out = tags.unknowns ? nlohmann::json{{k_unknown_tag, true}} : nullptr; break;
    case ValueKind::List:
        out = nlohmann::json::array();
        for (const auto& item : value.as_list()) out.push_back(convert(item, tags));
        break;
    case ValueKind::Map:
        out = nlohmann::json::object();
        for (const auto& [key, item] : value.as_map()) out[key] = convert(item, tags);
        break;
    }
    if (tags.sensitive && value.is_sensitive()) return nlohmann::json{{k_sensitive_tag, std::move(out)}};
    return out;
}

Value parse(const nlohmann::json& json, bool tagged) {
    switch (json.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return Value(json.get<bool>());
    case nlohmann::json::value_t::number_integer: return Value(json.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return Value(static_cast<double>(json.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float: return Value(json.get<double>());
    case nlohmann::json::value_t::string: return Value(json.get<std::string>());
    case nlohmann::json::value_t::array: {
        ValueList list;
        list.reserve(json.size());
        for (const auto& item : json) list.push_back(parse(item, tagged));
        return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
        if (tagged && json.size() == 1) {
            if (json.contains(k_unknown_tag)) return Value::unknown();
            if (auto it = json.find(k_sensitive_tag); it != json.end())
                return parse(*it, tagged).mark_sensitive();
        }
        ValueMap map;  // a JSON object's keys come in order: each is added at the end
        map.reserve(json.size());
        for (const auto& [key, item] : json.items()) map.emplace(key, parse(item, tagged));
        return Value(std::move(map));
    }
    default: return Value();
    }
}
}  // namespace

nlohmann::json to_json(const Value& value) { return convert(value, {false, false}); }
Value from_json(const nlohmann::json& json) { return parse(json, false); }
nlohmann::json to_tagged_json(const Value& value) { return convert(value, {true, true}); }
nlohmann::json to_wire_json(const Value& value) { return convert(value, {true, false}); }
Value from_tagged_json(const nlohmann::json& json) { return parse(json, true); }

}  // namespace plinth
