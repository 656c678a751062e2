#include "plans/json_values.h"

#include "core/value_json.h"

namespace plinth::plans {
namespace {

bool marked(const PlanJson& marks) { return !marks.is_boolean() || marks.get<bool>(); }

}  // namespace

JsonValueParts split_json_value(const Value& value) {
    if (value.is_sensitive()) return {nullptr, false, true};
    if (value.is_unknown()) return {nullptr, true, false};
    if (value.is_map()) {
        JsonValueParts parts{PlanJson::object(), PlanJson::object(), PlanJson::object()};
        for (const auto& [key, item] : value.as_map()) {
            JsonValueParts inner = split_json_value(item);
            if (!item.is_unknown() && !item.is_sensitive()) parts.known[key] = std::move(inner.known);
            if (marked(inner.unknown)) parts.unknown[key] = std::move(inner.unknown);
            if (marked(inner.sensitive)) parts.sensitive[key] = std::move(inner.sensitive);
        }
        if (parts.unknown.empty()) parts.unknown = false;
        if (parts.sensitive.empty()) parts.sensitive = false;
        return parts;
    }
    if (value.is_list()) {
        JsonValueParts parts{PlanJson::array(), PlanJson::array(), PlanJson::array()};
        bool any_unknown = false;
        bool any_sensitive = false;
        for (const auto& item : value.as_list()) {
            JsonValueParts inner = split_json_value(item);
            any_unknown = any_unknown || marked(inner.unknown);
            any_sensitive = any_sensitive || marked(inner.sensitive);
            parts.known.push_back(std::move(inner.known));
            parts.unknown.push_back(std::move(inner.unknown));
            parts.sensitive.push_back(std::move(inner.sensitive));
        }
        if (!any_unknown) parts.unknown = false;
        if (!any_sensitive) parts.sensitive = false;
        return parts;
    }
    return {PlanJson::parse(to_json(value).dump(-1, ' ', false, PlanJson::error_handler_t::replace)), false, false};
}

PlanJson object_marks(const PlanJson& marks) { return marked(marks) ? marks : PlanJson::object(); }

}  // namespace plinth::plans
