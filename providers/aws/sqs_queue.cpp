// aws_sqs_queue: an SQS queue (standard or FIFO) and its timing attributes, through SQS's JSON
// protocol. Its id is the queue's URL, as in Terraform.
#include <array>
#include <charconv>
#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/aws/aws_types.h"

namespace plinth::providers::aws {

namespace {

// Each integer attribute of the resource and SQS's name for it.
struct QueueSetting {
    std::string_view attribute;
    std::string_view sqs_name;
    int default_value;
};
constexpr std::array<QueueSetting, 3> k_queue_settings = {{
    {"visibility_timeout_seconds", "VisibilityTimeout", 30},
    {"message_retention_seconds", "MessageRetentionPeriod", 345'600},
    {"delay_seconds", "DelaySeconds", 0},
}};
constexpr std::string_view k_fifo_suffix = ".fifo";

ResourceSchema queue_schema() {
    using T = AttributeType;
    ResourceSchema schema{
        "aws_sqs_queue",
        "An SQS queue.",
        {
            replacing(required_attribute("name", T::String, "The queue's name; a FIFO queue's ends in .fifo.")),
            replacing(optional_attribute("fifo_queue", T::Bool, "A FIFO queue.", Value(false))),
            optional_attribute("visibility_timeout_seconds", T::Number, "Seconds a received message stays hidden.",
                               Value(30)),
            optional_attribute("message_retention_seconds", T::Number, "Seconds a message is kept.", Value(345'600)),
            optional_attribute("delay_seconds", T::Number, "Seconds each new message is delayed.", Value(0)),
            computed_attribute("url", T::String, "The queue's URL."),
            computed_attribute("arn", T::String, "The queue's ARN."),
            computed_attribute("id", T::String, "The queue's URL."),
        },
    };
    return schema;
}

Result<void> check_fifo_name(const Value& planned) {
    const std::string* name = string_attribute(planned, "name");
    const Value* fifo = planned.find("fifo_queue");
    if (name == nullptr || fifo == nullptr || !fifo->is_bool()) return {};
    if (fifo->as_bool() != name->ends_with(k_fifo_suffix))
        return std::unexpected(attribute_error(
            "name", fifo->as_bool() ? "of a FIFO queue must end in .fifo" : "ends in .fifo but fifo_queue is not true",
            fmt::format("Got \"{}\".", *name)));
    return {};
}

// The attributes SQS takes for `planned`; FifoQueue only when creating.
Result<plinth::aws::QueueAttributes> sqs_attributes_of(const Value& planned, bool creating) {
    plinth::aws::QueueAttributes attributes;
    for (const auto& setting : k_queue_settings) {
        auto value = integer_attribute(planned, setting.attribute);
        if (!value) return std::unexpected(value.error());
        attributes.emplace(setting.sqs_name, std::to_string(*value));
    }
    if (creating && bool_attribute(planned, "fifo_queue", false)) attributes.emplace("FifoQueue", "true");
    return attributes;
}

std::int64_t number_of(const plinth::aws::QueueAttributes& attributes, std::string_view name, std::int64_t fallback) {
    auto found = attributes.find(std::string(name));
    if (found == attributes.end()) return fallback;
    std::int64_t number = fallback;
    std::from_chars(found->second.data(), found->second.data() + found->second.size(), number);
    return number;
}

// The queue's name: the last segment of its URL.
std::string name_of_url(const std::string& url) { return url.substr(url.rfind('/') + 1); }

// `current` with what SQS says about the queue at `url`.
Value queue_attributes_value(Value current, const std::string& url, const plinth::aws::QueueAttributes& attributes) {
    for (const auto& setting : k_queue_settings)
        set_attribute(current, setting.attribute, number_of(attributes, setting.sqs_name, setting.default_value));
    auto fifo = attributes.find("FifoQueue");
    set_attribute(current, "fifo_queue", fifo != attributes.end() && fifo->second == "true");
    auto arn = attributes.find("QueueArn");
    set_attribute(current, "arn", arn != attributes.end() ? arn->second : "");
    set_attribute(current, "name", name_of_url(url));
    set_attribute(current, "url", url);
    set_attribute(current, "id", url);
    return current;
}

class SqsQueue final : public ResourceType {
public:
    explicit SqsQueue(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override { return check_fifo_name(plan.planned); }

    Result<Value> create(const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto attributes = sqs_attributes_of(planned, true);
        if (!attributes) return std::unexpected(attributes.error());
        auto url = (*clients)->sqs.create_queue(*string_attribute(planned, "name"), *attributes);
        if (!url) return std::unexpected(aws_failure(url.error()));
        return read_queue(**clients, planned, *url);
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* url = string_attribute(current, "id");
        if (url == nullptr) return std::optional<Value>{};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto attributes = (*clients)->sqs.queue_attributes(*url);
        if (!attributes) return std::unexpected(aws_failure(attributes.error()));
        if (!*attributes) return std::optional<Value>{};
        return std::optional<Value>(queue_attributes_value(current, *url, **attributes));
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        const std::string url = *string_attribute(prior, "id");
        auto attributes = sqs_attributes_of(planned, false);
        if (!attributes) return std::unexpected(attributes.error());
        if (auto set = (*clients)->sqs.set_queue_attributes(url, *attributes); !set)
            return std::unexpected(aws_failure(set.error()));
        return read_queue(**clients, planned, url);
    }

    Result<void> remove(const Value& current) const override {
        const std::string* url = string_attribute(current, "id");
        if (url == nullptr) return {};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        if (auto deleted = (*clients)->sqs.delete_queue(*url); !deleted)
            return std::unexpected(aws_failure(deleted.error()));
        return {};
    }

    // The id is the queue's URL, as in Terraform, or its name.
    Result<Value> import(const std::string& id) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        std::string url = id;
        if (!id.starts_with("http://") && !id.starts_with("https://")) {
            auto found = (*clients)->sqs.queue_url(id);
            if (!found) return std::unexpected(aws_failure(found.error()));
            if (!*found) return std::unexpected(missing_queue(id));
            url = **found;
        }
        Value imported = plan_from_schema(m_schema, nullptr, Value(ValueMap{{"name", name_of_url(url)}})).planned;
        auto attributes = (*clients)->sqs.queue_attributes(url);
        if (!attributes) return std::unexpected(aws_failure(attributes.error()));
        if (!*attributes) return std::unexpected(missing_queue(id));
        return queue_attributes_value(std::move(imported), url, **attributes);
    }

private:
    static ProviderError missing_queue(const std::string& id) {
        return ProviderError{ProviderError::Kind::NotFound,
                             fmt::format("No queue {}", id),
                             "The import id of aws_sqs_queue is the queue's URL or name.",
                             {}};
    }

    static Result<Value> read_queue(const AwsClients& clients, const Value& planned, const std::string& url) {
        auto attributes = clients.sqs.queue_attributes(url);
        if (!attributes) return std::unexpected(aws_failure(attributes.error()));
        if (!*attributes)
            return std::unexpected(provider_error(fmt::format("Queue {} vanished right after it was written", url)));
        return queue_attributes_value(planned, url, **attributes);
    }

    ResourceSchema m_schema = queue_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<ResourceType> make_sqs_queue(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<SqsQueue>(std::move(api));
}

}  // namespace plinth::providers::aws
