#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/random/random_types.h"
#include "providers/stored_resource.h"

namespace plinth::providers::random {

namespace {

constexpr std::string_view k_upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view k_lower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view k_numeric = "0123456789";
constexpr std::string_view k_special = "!@#$%&*()-_=+[]{}<>:?";  // Terraform's default set
constexpr std::string_view k_min_names[] = {"min_upper", "min_lower", "min_numeric", "min_special"};

ResourceSchema random_string_schema(std::string type, bool sensitive) {
    using T = AttributeType;
    auto flag = [](std::string name, std::string description) {
        return replacing(optional_attribute(std::move(name), T::Bool, std::move(description), Value(true)));
    };
    auto minimum = [](std::string name, std::string description) {
        return replacing(optional_attribute(std::move(name), T::Number, std::move(description), Value(0)));
    };
    AttributeSchema result = computed_attribute("result", T::String, "The generated string.");
    result.sensitive = sensitive;
    return ResourceSchema{
        std::move(type),
        sensitive ? "A random password; its result is sensitive." : "A random string.",
        {
            replacing(required_attribute("length", T::Number, "Length of the string (at least 1).")),
            flag("special", "Include special characters."),
            flag("upper", "Include upper-case letters."),
            flag("lower", "Include lower-case letters."),
            flag("numeric", "Include digits."),
            minimum("min_upper", "At least this many upper-case letters."),
            minimum("min_lower", "At least this many lower-case letters."),
            minimum("min_numeric", "At least this many digits."),
            minimum("min_special", "At least this many special characters."),
            replacing(optional_attribute("override_special", T::String,
                                         "Special characters to use instead of !@#$%&*()-_=+[]{}<>:?")),
            keepers_attribute(),
            result,
            computed_attribute("id", T::String, sensitive ? "Always \"none\"." : "The generated string."),
        },
    };
}

struct CharacterRules {
    std::int64_t length = 0;
    std::string_view classes[4];  // upper, lower, numeric, special; in k_min_names order
    std::int64_t minimums[4] = {};
    std::string pool;  // the characters of the enabled classes
};

Result<CharacterRules> character_rules(const Value& attributes) {
    CharacterRules rules;
    auto length = integer_attribute(attributes, "length");
    if (!length) return std::unexpected(length.error());
    if (*length < 1) return std::unexpected(attribute_error("length", "must be at least 1"));
    rules.length = *length;
    const std::string* special = string_attribute(attributes, "override_special");
    rules.classes[0] = k_upper;
    rules.classes[1] = k_lower;
    rules.classes[2] = k_numeric;
    rules.classes[3] = special ? std::string_view(*special) : k_special;
    std::string_view flags[] = {"upper", "lower", "numeric", "special"};
    std::int64_t required = 0;
    for (int i = 0; i < 4; ++i) {
        auto minimum = integer_attribute(attributes, k_min_names[i]);
        if (!minimum) return std::unexpected(minimum.error());
        if (*minimum < 0) return std::unexpected(attribute_error(std::string(k_min_names[i]), "must not be negative"));
        if (*minimum > 0 && rules.classes[i].empty())
            return std::unexpected(attribute_error("min_special", "needs special characters",
                                                   "\"override_special\" is empty."));
        rules.minimums[i] = *minimum;
        required += *minimum;
        if (bool_attribute(attributes, flags[i], true)) rules.pool += rules.classes[i];
    }
    if (required > rules.length)
        return std::unexpected(attribute_error("length", "is shorter than the minimums require",
                                               fmt::format("The min_* attributes add up to {}.", required)));
    if (required < rules.length && rules.pool.empty())
        return std::unexpected(provider_error("No characters to choose from",
                                              "Enable at least one of upper, lower, numeric and special.", "length"));
    return rules;
}

char pick(std::string_view characters) {
    return characters[static_cast<std::size_t>(random_integer(0, static_cast<std::int64_t>(characters.size()) - 1))];
}

// The minimums of each class first (as Terraform, even for a class that is not enabled), the rest
// from all enabled classes, then shuffled.
std::string generate(const CharacterRules& rules) {
    std::string out;
    for (int i = 0; i < 4; ++i)
        for (std::int64_t n = 0; n < rules.minimums[i]; ++n) out += pick(rules.classes[i]);
    while (static_cast<std::int64_t>(out.size()) < rules.length) out += pick(rules.pool);
    for (std::size_t i = out.size(); i > 1; --i)
        std::swap(out[i - 1], out[static_cast<std::size_t>(random_integer(0, static_cast<std::int64_t>(i) - 1))]);
    return out;
}

class RandomString final : public StoredResource {
public:
    RandomString(std::string type, bool sensitive)
        : m_schema(random_string_schema(std::move(type), sensitive)), m_sensitive(sensitive) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        for (const auto& [name, value] : plan.planned.as_map())
            if (name != "keepers" && !m_schema.find(name)->computed && !value.is_wholly_known()) return {};
        if (auto rules = character_rules(plan.planned); !rules) return std::unexpected(rules.error());
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto rules = character_rules(planned);
        if (!rules) return std::unexpected(rules.error());
        std::string value = generate(*rules);
        Value result = planned;
        set_attribute(result, "id", m_sensitive ? std::string("none") : value);
        set_attribute(result, "result", std::move(value));
        return result;
    }

    // The id is the value itself; the other attributes get their defaults and the value's length.
    Result<Value> import(const std::string& id) const override {
        if (id.empty()) return std::unexpected(provider_error(fmt::format("Cannot import an empty {}", m_schema.type)));
        ValueMap attributes;
        for (const auto& attribute : m_schema.attributes)
            attributes.emplace(attribute.name, attribute.default_value.value_or(Value{}));
        attributes["length"] = Value(static_cast<std::int64_t>(id.size()));
        attributes["result"] = Value(id);
        attributes["id"] = Value(m_sensitive ? std::string("none") : id);
        return Value(std::move(attributes));
    }

private:
    ResourceSchema m_schema;
    bool m_sensitive;  // random_password: result sensitive, id "none"
};

}  // namespace

std::unique_ptr<ResourceType> make_random_string() { return std::make_unique<RandomString>("random_string", false); }

std::unique_ptr<ResourceType> make_random_password() {
    return std::make_unique<RandomString>("random_password", true);
}

}  // namespace plinth::providers::random
