#include "providers/provider.h"

#include <fmt/format.h>

namespace plinth::providers {

Result<Value> Provider::import(const std::string& type, const std::string& id) {
    return std::unexpected(provider_error(fmt::format("{} does not support import", type),
                                          fmt::format("Provider \"{}\" cannot adopt an existing object (id \"{}\").",
                                                      schema().name, id)));
}

Result<Value> Provider::read_data(const std::string& type, const Value&) {
    return std::unexpected(provider_error(fmt::format("Unsupported data source \"{}\"", type),
                                          fmt::format("Provider \"{}\" has no data source of that type.",
                                                      schema().name)));
}

std::string Provider::id_of(const std::string&, const Value& attributes) const {
    const Value* id = attributes.find("id");
    if (id == nullptr) return {};
    if (id->is_string()) return id->as_string();
    if (id->is_number()) return format_number(id->as_number());
    return {};
}

}  // namespace plinth::providers
