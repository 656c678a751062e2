// providers/provider.h: the provider contract (DESIGN.md §4). A provider is a named adapter to a
// real system with a schema and six verbs. Calls may come from many threads at once; an
// implementation guards its own shared state. Failures are values, typed so the engine can retry
// transient ones and treat "gone" as an answer.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "providers/schema.h"

namespace plinth::providers {

struct ProviderError {
    enum class Kind {
        Error,      // the request was wrong or the system refused it
        NotFound,   // the object does not exist
        Timeout,    // no answer in time (retried with backoff)
        Transient,  // throttling, 5xx, connection reset (retried with backoff)
    };
    Kind kind = Kind::Error;
    std::string summary;
    std::string detail;
    std::string attribute;  // the attribute it concerns, when there is one
};

inline ProviderError provider_error(std::string summary, std::string detail = {}, std::string attribute = {}) {
    return ProviderError{ProviderError::Kind::Error, std::move(summary), std::move(detail), std::move(attribute)};
}

template <typename T>
using Result = std::expected<T, ProviderError>;

// Which kind of block a type is used in: a managed resource, or a data source.
enum class BlockKind { Resource, Data };

// Several problems as one error: the first, with the others' summaries (and details) added to its
// detail, one a line. `errors` is not empty.
ProviderError combine_errors(const std::vector<ProviderError>& errors);

// validate_properties without locations, as one provider error: the first problem, with any
// others in its detail. For providers checking what they are given.
Result<void> check_properties(const ResourceSchema& schema, const Value& properties);

struct PlanResult {
    Value planned;  // the attributes after apply; unknown where not yet known
    std::vector<std::string> requires_replace;  // attributes whose change forces replacement
};

class Provider {
public:
    virtual ~Provider() = default;

    virtual const ProviderSchema& schema() const = 0;
    // Provider settings (credentials, endpoint, region), validated against schema().config.
    virtual Result<void> configure(const Value& config) = 0;

    // The provider's own checks of configured properties, after the engine has checked them
    // against the schema (values may be unknown). Each problem names its attribute when it can,
    // so the error points at that line of the stack. By default there are none.
    virtual std::vector<ProviderError> validate(BlockKind kind, const std::string& type, const Value& config);

    // `prior` is null for a new object; `desired` is the configured properties (may hold unknowns).
    virtual Result<PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) = 0;
    // `planned` is the plan's value with every configured attribute now known.
    virtual Result<Value> create(const std::string& type, const Value& planned) = 0;
    // Refresh. Null means the object is gone (an answer, not an error).
    virtual Result<std::optional<Value>> read(const std::string& type, const Value& current) = 0;
    virtual Result<Value> update(const std::string& type, const Value& prior, const Value& planned) = 0;
    virtual Result<void> remove(const std::string& type, const Value& current) = 0;
    // Adopts an existing object by the provider's id for it.
    virtual Result<Value> import(const std::string& type, const std::string& id);
    // Data sources: read-only look-ups.
    virtual Result<Value> read_data(const std::string& type, const Value& config);

    // The object's id as recorded in state; by default the `id` attribute.
    virtual std::string id_of(const std::string& type, const Value& attributes) const;
};

}  // namespace plinth::providers
