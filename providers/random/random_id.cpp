#include <algorithm>
#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/random/random_types.h"
#include "providers/stored_resource.h"

namespace plinth::providers::random {

namespace {

ResourceSchema random_id_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "random_id",
        "Random bytes shown as base64, hex and decimal; for unique names.",
        {
            replacing(required_attribute("byte_length", T::Number, "Number of random bytes (at least 1).")),
            replacing(optional_attribute("prefix", T::String, "Text put before hex, b64_url, b64_std and dec.")),
            keepers_attribute(),
            computed_attribute("id", T::String, "The bytes in URL-safe base64 without padding (no prefix)."),
            computed_attribute("hex", T::String, "Prefix and the bytes in lower-case hex."),
            computed_attribute("b64_url", T::String, "Prefix and the bytes in URL-safe base64 without padding."),
            computed_attribute("b64_std", T::String, "Prefix and the bytes in standard base64."),
            computed_attribute("dec", T::String, "Prefix and the bytes as a big-endian decimal number."),
        },
    };
}

std::string to_base64_url(std::string_view bytes) {
    std::string text = base64_encode(bytes);
    std::replace(text.begin(), text.end(), '+', '-');
    std::replace(text.begin(), text.end(), '/', '_');
    text.erase(std::find(text.begin(), text.end(), '='), text.end());
    return text;
}

std::optional<std::string> from_base64_url(std::string_view text) {
    if (text.find_first_of("+/=") != std::string_view::npos) return std::nullopt;
    std::string standard(text);
    std::replace(standard.begin(), standard.end(), '-', '+');
    std::replace(standard.begin(), standard.end(), '_', '/');
    standard.append((4 - standard.size() % 4) % 4, '=');
    return base64_decode(standard);
}

// The bytes as one big-endian unsigned number, in decimal.
std::string to_decimal(std::string_view bytes) {
    std::vector<unsigned char> number(bytes.begin(), bytes.end());
    std::string digits;
    while (std::any_of(number.begin(), number.end(), [](unsigned char b) { return b != 0; })) {
        unsigned remainder = 0;
        for (auto& byte : number) {
            unsigned current = remainder * 256 + byte;
            byte = static_cast<unsigned char>(current / 10);
            remainder = current % 10;
        }
        digits.push_back(static_cast<char>('0' + remainder));
    }
    if (digits.empty()) digits = "0";
    std::reverse(digits.begin(), digits.end());
    return digits;
}

void set_id_attributes(Value& attributes, std::string_view bytes, const std::string& prefix) {
    std::string url = to_base64_url(bytes);
    std::string hex;
    for (unsigned char c : bytes) hex += fmt::format("{:02x}", c);
    set_attribute(attributes, "id", url);
    set_attribute(attributes, "hex", prefix + hex);
    set_attribute(attributes, "b64_url", prefix + url);
    set_attribute(attributes, "b64_std", prefix + base64_encode(bytes));
    set_attribute(attributes, "dec", prefix + to_decimal(bytes));
}

class RandomId final : public StoredResource {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        if (is_unknown_attribute(plan.planned, "byte_length")) return {};
        auto length = integer_attribute(plan.planned, "byte_length");
        if (!length) return std::unexpected(length.error());
        if (*length < 1) return std::unexpected(attribute_error("byte_length", "must be at least 1"));
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto length = integer_attribute(planned, "byte_length");
        if (!length) return std::unexpected(length.error());
        if (*length < 1) return std::unexpected(attribute_error("byte_length", "must be at least 1"));
        const std::string* prefix = string_attribute(planned, "prefix");
        Value result = planned;
        set_id_attributes(result, random_bytes(static_cast<std::size_t>(*length)), prefix ? *prefix : "");
        return result;
    }

    // The id is the b64_url value, optionally after a prefix and a comma: "web-,p-9hUg".
    Result<Value> import(const std::string& id) const override {
        std::size_t comma = id.rfind(',');
        std::string prefix = comma == std::string::npos ? "" : id.substr(0, comma);
        std::string encoded = comma == std::string::npos ? id : id.substr(comma + 1);
        auto bytes = from_base64_url(encoded);
        if (!bytes || bytes->empty())
            return std::unexpected(provider_error(fmt::format("Cannot import random_id \"{}\"", id),
                                                  "Expected URL-safe base64 without padding, optionally "
                                                  "after \"PREFIX,\"."));
        Value result(ValueMap{{"byte_length", static_cast<std::int64_t>(bytes->size())},
                              {"prefix", prefix.empty() ? Value{} : Value(prefix)},
                              {"keepers", Value{}}});
        set_id_attributes(result, *bytes, prefix);
        return result;
    }

private:
    ResourceSchema m_schema = random_id_schema();
};

}  // namespace

std::unique_ptr<ResourceType> make_random_id() { return std::make_unique<RandomId>(); }

}  // namespace plinth::providers::random
