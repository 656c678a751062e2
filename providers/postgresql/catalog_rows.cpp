#include "providers/postgresql/catalog_rows.h"

#include <algorithm>
#include <cstdlib>

#include "providers/postgresql/connection_cache.h"

namespace plinth::providers::postgresql {

Result<std::vector<CatalogRow>> query_rows(pg::PgConnection& connection, const std::string& what,
                                           const std::string& sql, const std::vector<std::string>& params,
                                           int columns) {
    auto result = connection.exec(what, sql, params);
    if (!result) return std::unexpected(database_error(result.error()));
    std::vector<CatalogRow> rows;
    for (int row = 0; row < result->rows(); ++row) {
        CatalogRow fields;
        for (int column = 0; column < columns; ++column) fields.push_back(result->value(row, column));
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::vector<std::string> first_column(const std::vector<CatalogRow>& rows) {
    std::vector<std::string> values;
    for (const auto& row : rows)
        if (!row.empty() && row.front()) values.push_back(*row.front());
    return values;
}

std::optional<std::string> column_of(const CatalogRow& row, std::size_t index) {
    return index < row.size() ? row[index] : std::nullopt;
}

bool catalog_bool(const std::optional<std::string>& text) { return text && *text == "t"; }

long long catalog_number(const std::optional<std::string>& text, long long fallback) {
    if (!text || text->empty()) return fallback;
    char* end = nullptr;
    long long number = std::strtoll(text->c_str(), &end, 10);
    return *end == '\0' ? number : fallback;
}

std::vector<std::string> strings_of(const Value& list) {
    std::vector<std::string> names;
    if (!list.is_list()) return names;
    for (const Value& element : list.as_list())
        if (element.is_string()) names.push_back(element.as_string());
    return names;
}

std::vector<std::string> string_list(const Value& attributes, std::string_view name) {
    const Value* list = attributes.find(name);
    return list != nullptr ? strings_of(*list) : std::vector<std::string>{};
}

Value names_in_configured_order(std::vector<std::string> found, const Value* configured) {
    std::ranges::sort(found);
    found.erase(std::unique(found.begin(), found.end()), found.end());
    if (configured != nullptr && configured->is_list()) {
        std::vector<std::string> wanted = strings_of(*configured);
        bool all_names = wanted.size() == configured->as_list().size();
        std::ranges::sort(wanted);
        if (all_names && wanted == found) return *configured;
    }
    ValueList names;
    for (auto& name : found) names.emplace_back(std::move(name));
    return Value(std::move(names));
}

}  // namespace plinth::providers::postgresql
