#include "providers/external/external_data.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/process.h"
#include "core/value.h"
#include "providers/attributes.h"

namespace plinth::providers::external {

namespace {

constexpr std::size_t k_quoted_output = 200;  // how much of bad output an error quotes

ResourceSchema external_data_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "external",
        "Runs a program and reads the JSON object it prints.",
        {
            required_attribute("program", T::List, "The program and its arguments, run without a shell."),
            optional_attribute("query", T::Map, "Strings sent to the program's stdin as a JSON object."),
            optional_attribute("working_dir", T::String, "The program's working directory; default the stack's."),
            computed_attribute("result", T::Map, "The JSON object of strings the program printed."),
        },
    };
}

Result<std::vector<std::string>> program_of(const Value& config) {
    const Value* program = config.find("program");
    if (program == nullptr || !program->is_list() || program->as_list().empty())
        return std::unexpected(attribute_error("program", "must be a list holding the program and its arguments"));
    std::vector<std::string> argv;
    for (const Value& argument : program->as_list()) {
        if (!argument.is_string())
            return std::unexpected(attribute_error(
                "program", fmt::format("must hold only strings, not {}", kind_name(argument.kind()))));
        argv.push_back(argument.as_string());
    }
    if (argv.front().empty()) return std::unexpected(attribute_error("program", "must name a program first"));
    return argv;
}

// The query as the JSON object the program reads; numbers and bools become their text.
Result<std::string> query_of(const Value& config) {
    nlohmann::json query = nlohmann::json::object();
    const Value* given = config.find("query");
    if (given == nullptr || given->is_null()) return query.dump();
    if (!given->is_map()) return std::unexpected(attribute_error("query", "must be a map of strings"));
    for (const auto& [key, value] : given->as_map()) {
        if (value.is_string()) query[key] = value.as_string();
        else if (value.is_number()) query[key] = format_number(value.as_number());
        else if (value.is_bool()) query[key] = value.as_bool() ? "true" : "false";
        else
            return std::unexpected(attribute_error(
                "query", fmt::format("must map names to strings; \"{}\" is {}", key, kind_name(value.kind()))));
    }
    return query.dump();
}

std::string quoted_start(const std::string& output) {
    if (output.empty()) return "nothing";
    if (output.size() <= k_quoted_output) return fmt::format("\"{}\"", output);
    return fmt::format("\"{}...\"", output.substr(0, k_quoted_output));
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

// "null", "a number", "an object", ... for messages.
std::string json_kind(const nlohmann::json& value) {
    if (value.is_null()) return "null";
    std::string_view name = value.type_name();
    return fmt::format("{} {}", name.starts_with('a') || name.starts_with('o') ? "an" : "a", name);
}

// The program's stdout as the `result` map.
Result<Value> result_of(const std::string& program, const std::string& output) {
    auto unexpected_output = [&](std::string problem) {
        return std::unexpected(provider_error(
            fmt::format("Unexpected output from external program {}", program),
            fmt::format("The program must print a JSON object whose values are all strings; {}.", problem), "program"));
    };
    nlohmann::json parsed = nlohmann::json::parse(output, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return unexpected_output(fmt::format("it printed {}", quoted_start(output)));
    ValueMap result;
    for (const auto& [key, value] : parsed.items()) {
        if (!value.is_string())
            return unexpected_output(fmt::format("\"{}\" is {}", key, json_kind(value)));
        result.emplace(key, value.get<std::string>());
    }
    return Value(std::move(result));
}

class ExternalData final : public DataSourceType {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> read(const Value& config) const override {
        if (!config.is_wholly_known())
            return std::unexpected(provider_error("The external data source needs known values",
                                                  "program, query and working_dir must be known before it runs."));
        auto argv = program_of(config);
        if (!argv) return std::unexpected(argv.error());
        auto query = query_of(config);
        if (!query) return std::unexpected(query.error());
        const std::string* working_dir = string_attribute(config, "working_dir");
        ProcessRequest request{*argv, *query, working_dir != nullptr ? *working_dir : "", {}};
        auto ran = run_process(request);
        if (!ran)
            return std::unexpected(provider_error(fmt::format("Cannot run external program {}", argv->front()),
                                                  ran.error(), working_dir != nullptr ? "working_dir" : "program"));
        if (!ran->succeeded()) {
            std::string said = trimmed(ran->stderr_text);
            return std::unexpected(provider_error(
                fmt::format("External program {} {}", argv->front(), describe_exit(*ran)),
                said.empty() ? "It wrote nothing on stderr." : said, "program"));
        }
        auto result = result_of(argv->front(), ran->stdout_text);
        if (!result) return std::unexpected(result.error());
        Value attributes = config.is_map() ? config : Value(ValueMap{});
        set_attribute(attributes, "result", std::move(*result));
        return attributes;
    }

private:
    ResourceSchema m_schema = external_data_schema();
};

}  // namespace

std::unique_ptr<DataSourceType> make_external_data_source() { return std::make_unique<ExternalData>(); }

}  // namespace plinth::providers::external
