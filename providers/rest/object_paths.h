// providers/rest/object_paths.h: the small languages of rest_object: slash paths into a JSON
// object ("data/id"), URL path templates with {id}, and import ids ("/posts/5"). Pure functions.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace plinth::providers::rest {

// The value at a slash-separated path of map keys ("id", "data/id"); null when there is none.
const Value* value_at(const Value& object, std::string_view path);
// The path without its last segment: "data/id" -> "data", "id" -> "".
std::string_view parent_path(std::string_view path);
// Removes the member at `path`, if there is one.
void erase_at(Value& object, std::string_view path);
// An id attribute path is non-empty segments separated by '/'; the error says what is wrong.
std::expected<void, std::string> check_id_attribute(std::string_view path);

// An id as text: strings as they are, whole numbers without a fraction. Null for other kinds.
std::optional<std::string> id_text(const Value& id);

// `{id}` in the template replaced by the percent-encoded id.
std::string expand_path(std::string_view path_template, std::string_view id);
// A template is a path starting with '/' whose only placeholder is {id}.
std::expected<void, std::string> check_path_template(std::string_view path_template);
// The default template for reading, updating and destroying: "<path>/{id}".
std::string default_object_path(std::string_view collection);

// base_url and a path starting with '/', with exactly one slash between them.
std::string join_url(std::string_view base_url, std::string_view path);

struct ImportId {
    std::string path;  // the collection: "/posts"
    std::string id;    // "5"
};
// "/posts/5" -> {"/posts", "5"}: the id is what follows the last slash.
std::expected<ImportId, std::string> parse_import_id(std::string_view text);

}  // namespace plinth::providers::rest
