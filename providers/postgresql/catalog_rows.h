// providers/postgresql/catalog_rows.h: reading the system catalogs (pg_roles, pg_database,
// pg_namespace, aclexplode of an ACL, ...): rows as text, and the conversions every resource
// type's refresh shares (catalog booleans, numbers, and lists of names kept in the stack's order
// when they hold the same names, so an unchanged list is no drift).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pg/pg_connection.h"
#include "core/value.h"
#include "providers/provider.h"

namespace plinth::providers::postgresql {

// One row of a catalog query: each column's text, nullopt for NULL.
using CatalogRow = std::vector<std::optional<std::string>>;

// Runs a catalog query (values only as parameters) and returns its rows of `columns` columns.
Result<std::vector<CatalogRow>> query_rows(pg::PgConnection& connection, const std::string& what,
                                           const std::string& sql, const std::vector<std::string>& params,
                                           int columns);
// The first column of every row that is not NULL.
std::vector<std::string> first_column(const std::vector<CatalogRow>& rows);

// The row's column `index`; nullopt for NULL or past the row's end.
std::optional<std::string> column_of(const CatalogRow& row, std::size_t index);
// A boolean column: PostgreSQL writes true as "t".
bool catalog_bool(const std::optional<std::string>& text);
// A whole-number column; `fallback` for NULL or text that is not a number.
long long catalog_number(const std::optional<std::string>& text, long long fallback);

// `found` as a list value: in the order of `configured` (a list of strings) when it holds the same
// names, else sorted. Refresh keeps the stack's order with it, and plan the recorded one.
Value names_in_configured_order(std::vector<std::string> found, const Value* configured);

// The strings of a list value (other elements are skipped); empty for anything but a list.
std::vector<std::string> strings_of(const Value& list);
// The strings of the list at `name`; empty when absent.
std::vector<std::string> string_list(const Value& attributes, std::string_view name);

}  // namespace plinth::providers::postgresql
