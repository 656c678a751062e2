// providers/schema.h: what a provider declares about its resource and data-source types: each
// attribute's type and whether it is required, optional or computed, forces replacement, is
// sensitive, or has a default. Also the generic checks and planning every provider shares.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"

namespace plinth::providers {

enum class AttributeType { String, Number, Bool, List, Map, Any };
std::string_view to_string(AttributeType type);

struct AttributeSchema {
    std::string name;
    AttributeType type = AttributeType::String;
    bool required = false;   // the user must set it
    bool optional = false;   // the user may set it
    bool computed = false;   // the provider sets it (when optional too: only if the user did not)
    bool force_new = false;  // a change replaces the object
    bool sensitive = false;  // masked in plans and output; recorded in sensitive_attributes
    std::optional<Value> default_value;
    std::string description;
};

struct ResourceSchema {
    std::string type;  // "local_file"
    std::string description;
    std::vector<AttributeSchema> attributes;

    const AttributeSchema* find(std::string_view name) const;
};

struct ProviderSchema {
    std::string name;     // "local"
    std::string version;  // "0.1.0"
    std::vector<AttributeSchema> config;
    std::vector<ResourceSchema> resources;
    std::vector<ResourceSchema> data_sources;

    const ResourceSchema* find_resource(std::string_view type) const;
    const ResourceSchema* find_data_source(std::string_view type) const;
};

// Checks configured properties (a map; values may be unknown) against a schema: unknown
// attributes, missing required ones, values set for computed-only ones, and wrong types.
// Each problem is a diagnostic at `location` naming the attribute.
// `locate` says where the stack sets an attribute ("" for the resource itself), so each
// diagnostic points at the offending line; the overload puts them all at `location`.
using AttributeLocator = std::function<SourceLocation(std::string_view attribute)>;
Diagnostics validate_properties(const ResourceSchema& schema, const Value& properties, const AttributeLocator& locate);
Diagnostics validate_properties(const ResourceSchema& schema, const Value& properties, const SourceLocation& location);

// Marks the attributes the schema calls sensitive (and that are not null) in a map of attributes.
Value mark_sensitive_attributes(const ResourceSchema& schema, Value attributes);

// The plan every provider starts from: desired properties with defaults filled in and sensitive
// attributes marked; computed attributes the user did not set keep their prior value when the
// object is kept, and become unknown when it is new or replaced; `requires_replace` lists the
// force_new attributes whose value changes.
struct GenericPlan {
    Value planned;
    std::vector<std::string> requires_replace;
};
GenericPlan plan_from_schema(const ResourceSchema& schema, const Value* prior, const Value& desired);

}  // namespace plinth::providers
