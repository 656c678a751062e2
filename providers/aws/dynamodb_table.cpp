// aws_dynamodb_table: a DynamoDB table's key schema, billing mode and capacity. Create and update
// wait for the table to be ACTIVE, destroy for it to be gone; a change of the key schema replaces
// the table.
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "providers/attributes.h"
#include "providers/aws/aws_types.h"
#include "providers/aws/aws_values.h"

namespace plinth::providers::aws {

namespace {

using nlohmann::json;

constexpr std::string_view k_provisioned = "PROVISIONED";
constexpr std::string_view k_on_demand = "PAY_PER_REQUEST";
constexpr std::chrono::seconds k_table_wait{600};

ResourceSchema table_schema() {
    using T = AttributeType;
    AttributeSchema read_capacity =
        optional_attribute("read_capacity", T::Number, "Read capacity units (PROVISIONED).");
    AttributeSchema write_capacity =
        optional_attribute("write_capacity", T::Number, "Write capacity units (PROVISIONED).");
    read_capacity.computed = write_capacity.computed = true;
    return ResourceSchema{
        "aws_dynamodb_table",
        "A DynamoDB table.",
        {
            replacing(required_attribute("name", T::String, "The table's name.")),
            optional_attribute("billing_mode", T::String, "PROVISIONED or PAY_PER_REQUEST.", Value(k_provisioned)),
            replacing(required_attribute("hash_key", T::String, "The partition key's attribute.")),
            replacing(optional_attribute("range_key", T::String, "The sort key's attribute.")),
            replacing(required_attribute("attribute", T::List,
                                         "The key attributes: a list of { name, type } with type S, N or B.")),
            read_capacity,
            write_capacity,
            computed_attribute("arn", T::String, "The table's ARN."),
            computed_attribute("id", T::String, "The table's name."),
        },
    };
}

Result<void> check_key_attributes(const Value& planned) {
    const Value* attributes = planned.find("attribute");
    if (attributes == nullptr || !attributes->is_list()) return {};
    std::vector<std::string> names;
    for (const Value& entry : attributes->as_list()) {
        if (!entry.is_wholly_known()) return {};
        const std::string* name = string_attribute(entry, "name");
        const std::string* type = string_attribute(entry, "type");
        if (name == nullptr || type == nullptr || entry.as_map().size() != 2)
            return std::unexpected(attribute_error("attribute", "entries must be { name, type }"));
        if (*type != "S" && *type != "N" && *type != "B")
            return std::unexpected(attribute_error("attribute", fmt::format("type of \"{}\" must be S, N or B", *name),
                                                   fmt::format("Got \"{}\".", *type)));
        names.push_back(*name);
    }
    for (std::string_view key : {"hash_key", "range_key"})
        if (const std::string* name = string_attribute(planned, key))
            if (std::ranges::find(names, *name) == names.end())
                return std::unexpected(attribute_error(std::string(key),
                                                       fmt::format("\"{}\" is not in attribute", *name),
                                                       "Declare each key attribute with its type in `attribute`."));
    return {};
}

Result<void> check_billing(const Value& desired, const Value& planned) {
    const std::string* mode = string_attribute(planned, "billing_mode");
    if (mode == nullptr) return {};
    if (*mode != k_provisioned && *mode != k_on_demand)
        return std::unexpected(attribute_error("billing_mode", "must be PROVISIONED or PAY_PER_REQUEST",
                                               fmt::format("Got \"{}\".", *mode)));
    for (std::string_view capacity : {"read_capacity", "write_capacity"}) {
        const Value* given = desired.find(capacity);
        bool set = given != nullptr && !given->is_null();
        if (*mode == k_provisioned && !set)
            return std::unexpected(attribute_error(std::string(capacity), "is required with billing_mode PROVISIONED"));
        if (*mode == k_on_demand && set && given->is_number() && given->as_number() != 0)
            return std::unexpected(
                attribute_error(std::string(capacity), "must not be set with billing_mode PAY_PER_REQUEST"));
    }
    return {};
}

json throughput_of(const Value& planned) {
    return {{"ReadCapacityUnits", integer_attribute(planned, "read_capacity").value_or(0)},
            {"WriteCapacityUnits", integer_attribute(planned, "write_capacity").value_or(0)}};
}

json create_table_request(const Value& planned) {
    const std::string mode = *string_attribute(planned, "billing_mode");
    json request{{"TableName", *string_attribute(planned, "name")}, {"BillingMode", mode}};
    for (const Value& entry : planned.find("attribute")->as_list())
        request["AttributeDefinitions"].push_back(
            {{"AttributeName", *string_attribute(entry, "name")}, {"AttributeType", *string_attribute(entry, "type")}});
    request["KeySchema"].push_back({{"AttributeName", *string_attribute(planned, "hash_key")}, {"KeyType", "HASH"}});
    if (const std::string* range = string_attribute(planned, "range_key"))
        request["KeySchema"].push_back({{"AttributeName", *range}, {"KeyType", "RANGE"}});
    if (mode == k_provisioned) request["ProvisionedThroughput"] = throughput_of(planned);
    return request;
}

// The attribute list as DescribeTable gives it, in `current`'s order when it holds the same entries.
Value key_attributes_of(const json& table, const Value* current) {
    ValueList entries;
    for (const auto& definition : table.value("AttributeDefinitions", json::array()))
        entries.push_back(Value(ValueMap{{"name", definition.value("AttributeName", "")},
                                         {"type", definition.value("AttributeType", "")}}));
    if (current != nullptr && current->is_list() && current->as_list().size() == entries.size() &&
        std::ranges::all_of(current->as_list(),
                            [&](const Value& entry) { return std::ranges::find(entries, entry) != entries.end(); }))
        return *current;
    return Value(std::move(entries));
}

// `current` with the table's description.
Value table_attributes(const json& table, Value current) {
    std::string name = table.value("TableName", "");
    set_attribute(current, "name", name);
    set_attribute(current, "id", name);
    set_attribute(current, "arn", table.value("TableArn", ""));
    std::string mode = table.contains("BillingModeSummary")
                           ? table["BillingModeSummary"].value("BillingMode", std::string(k_provisioned))
                           : std::string(k_provisioned);
    set_attribute(current, "billing_mode", mode);
    if (string_attribute(current, "range_key") != nullptr) set_attribute(current, "range_key", Value{});
    for (const auto& key : table.value("KeySchema", json::array()))
        set_attribute(current, key.value("KeyType", "") == "HASH" ? "hash_key" : "range_key",
                      key.value("AttributeName", ""));
    set_attribute(current, "attribute", key_attributes_of(table, current.find("attribute")));
    json throughput = table.value("ProvisionedThroughput", json::object());
    set_attribute(current, "read_capacity", throughput.value("ReadCapacityUnits", std::int64_t{0}));
    set_attribute(current, "write_capacity", throughput.value("WriteCapacityUnits", std::int64_t{0}));
    return current;
}

class DynamoDbTable final : public ResourceType {
public:
    explicit DynamoDbTable(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value& desired, GenericPlan& plan) const override {
        if (auto keys = check_key_attributes(plan.planned); !keys) return keys;
        if (auto billing = check_billing(desired, plan.planned); !billing) return billing;
        if (const std::string* name = string_attribute(plan.planned, "name")) set_attribute(plan.planned, "id", *name);
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto created = (*clients)->dynamodb.create_table(create_table_request(planned));
        if (!created) return std::unexpected(aws_failure(created.error()));
        return settled_table(**clients, planned);
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* name = string_attribute(current, "name");
        if (name == nullptr) return std::optional<Value>{};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto table = (*clients)->dynamodb.describe_table(*name);
        if (!table) return std::unexpected(aws_failure(table.error()));
        if (!*table) return std::optional<Value>{};
        return std::optional<Value>(table_attributes(**table, current));
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        const std::string mode = *string_attribute(planned, "billing_mode");
        json request{{"TableName", *string_attribute(planned, "name")}};
        if (const std::string* before = string_attribute(prior, "billing_mode"); before == nullptr || *before != mode)
            request["BillingMode"] = mode;
        if (mode == k_provisioned && throughput_of(prior) != throughput_of(planned))
            request["ProvisionedThroughput"] = throughput_of(planned);
        if (request.size() > 1)
            if (auto updated = (*clients)->dynamodb.update_table(request); !updated)
                return std::unexpected(aws_failure(updated.error()));
        return settled_table(**clients, planned);
    }

    Result<void> remove(const Value& current) const override {
        const std::string* name = string_attribute(current, "name");
        if (name == nullptr) return {};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        if (auto deleted = (*clients)->dynamodb.delete_table(*name); !deleted)
            return std::unexpected(aws_failure(deleted.error()));
        return wait_until((*clients)->sleep, k_table_wait, fmt::format("table {} to be deleted", *name),
                          [&]() -> Result<bool> {
                              auto table = (*clients)->dynamodb.describe_table(*name);
                              if (!table) return std::unexpected(aws_failure(table.error()));
                              return !table->has_value();
                          });
    }

    Result<Value> import(const std::string& name) const override {
        Value imported = plan_from_schema(m_schema, nullptr, Value(ValueMap{{"name", name}})).planned;
        auto read_back = read(imported);
        if (!read_back) return std::unexpected(read_back.error());
        if (!*read_back)
            return std::unexpected(ProviderError{ProviderError::Kind::NotFound,
                                                 fmt::format("No table {}", name),
                                                 "The import id of aws_dynamodb_table is the table's name.",
                                                 {}});
        return std::move(**read_back);
    }

private:
    // Waits for the table to be ACTIVE; `planned` with its description then.
    Result<Value> settled_table(const AwsClients& clients, const Value& planned) const {
        const std::string name = *string_attribute(planned, "name");
        json described;
        auto active =
            wait_until(clients.sleep, k_table_wait, fmt::format("table {} to be ACTIVE", name), [&]() -> Result<bool> {
                auto table = clients.dynamodb.describe_table(name);
                if (!table) return std::unexpected(aws_failure(table.error()));
                if (!*table) return false;
                described = **table;
                return described.value("TableStatus", "") == "ACTIVE";
            });
        if (!active) return std::unexpected(active.error());
        return table_attributes(described, planned);
    }

    ResourceSchema m_schema = table_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<ResourceType> make_dynamodb_table(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<DynamoDbTable>(std::move(api));
}

}  // namespace plinth::providers::aws
