#include <charconv>
#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/random/random_types.h"
#include "providers/stored_resource.h"

namespace plinth::providers::random {

namespace {

ResourceSchema random_integer_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "random_integer",
        "A random whole number in [min, max].",
        {
            replacing(required_attribute("min", T::Number, "The smallest possible result.")),
            replacing(required_attribute("max", T::Number, "The largest possible result.")),
            replacing(optional_attribute("seed", T::String,
                                         "Makes the result a fixed function of the seed (not Terraform's values).")),
            keepers_attribute(),
            computed_attribute("result", T::Number, "The random number."),
            computed_attribute("id", T::String, "The random number as a string."),
        },
    };
}

struct Range {
    std::int64_t min = 0;
    std::int64_t max = 0;
};

Result<Range> range_of(const Value& attributes) {
    auto min = integer_attribute(attributes, "min");
    if (!min) return std::unexpected(min.error());
    auto max = integer_attribute(attributes, "max");
    if (!max) return std::unexpected(max.error());
    if (*min > *max)
        return std::unexpected(attribute_error("min", "must not be greater than \"max\"",
                                               fmt::format("min is {}, max is {}.", *min, *max)));
    return Range{*min, *max};
}

// A number in the range that depends only on the seed: counter-mode SHA-256, rejection-sampled.
std::int64_t seeded_integer(const std::string& seed, Range range) {
    auto span = static_cast<std::uint64_t>(range.max - range.min) + 1;
    std::uint64_t limit = UINT64_MAX - (UINT64_MAX % span);
    for (std::uint64_t counter = 0;; ++counter) {
        std::string digest = sha256_hex(fmt::format("{}\n{}", counter, seed));
        std::uint64_t r = 0;
        std::from_chars(digest.data(), digest.data() + 16, r, 16);
        if (r < limit) return range.min + static_cast<std::int64_t>(r % span);
    }
}

Value integer_attributes(std::int64_t result, Range range, const std::string* seed) {
    return Value(ValueMap{{"min", range.min},
                          {"max", range.max},
                          {"seed", seed ? Value(*seed) : Value{}},
                          {"keepers", Value{}},
                          {"result", result},
                          {"id", std::to_string(result)}});
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

class RandomInteger final : public StoredResource {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        if (is_unknown_attribute(plan.planned, "min") || is_unknown_attribute(plan.planned, "max")) return {};
        if (auto range = range_of(plan.planned); !range) return std::unexpected(range.error());
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto range = range_of(planned);
        if (!range) return std::unexpected(range.error());
        const std::string* seed = string_attribute(planned, "seed");
        std::int64_t number = seed ? seeded_integer(*seed, *range) : random_integer(range->min, range->max);
        Value result = planned;
        set_attribute(result, "result", number);
        set_attribute(result, "id", std::to_string(number));
        return result;
    }

    // The id is "value,min,max" or "value,min,max,seed", as in Terraform.
    Result<Value> import(const std::string& id) const override {
        std::vector<std::string_view> parts;
        for (std::size_t start = 0, comma = 0; parts.size() < 4; start = comma + 1) {
            comma = parts.size() == 3 ? std::string::npos : id.find(',', start);
            parts.push_back(std::string_view(id).substr(start, comma - start));
            if (comma == std::string::npos) break;
        }
        auto bad = [&] {
            return std::unexpected(provider_error(fmt::format("Cannot import random_integer \"{}\"", id),
                                                  "Expected \"value,min,max\" or \"value,min,max,seed\"."));
        };
        if (parts.size() < 3) return bad();
        auto value = parse_integer(parts[0]), min = parse_integer(parts[1]), max = parse_integer(parts[2]);
        if (!value || !min || !max || *min > *max || *value < *min || *value > *max) return bad();
        std::string seed = parts.size() == 4 ? std::string(parts[3]) : std::string{};
        return integer_attributes(*value, Range{*min, *max}, parts.size() == 4 ? &seed : nullptr);
    }

private:
    ResourceSchema m_schema = random_integer_schema();
};

}  // namespace

std::unique_ptr<ResourceType> make_random_integer() { return std::make_unique<RandomInteger>(); }

}  // namespace plinth::providers::random
