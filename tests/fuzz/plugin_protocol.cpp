// Fuzz target: the plugin protocol decoder, everything plinth does with what a plugin writes on
// stdout. The input's first byte sets the size of the chunks the rest arrives in (as reads from a
// pipe would cut it); the chunks go through the line splitter, each line is read as a JSON-RPC
// answer, an error becomes a provider error, and a result is read the ways the provider reads
// its answers: as a schema, then as attributes (marked sensitive by the schema's first resource
// type when there is one) and as diagnostics.
#include <algorithm>
#include <string>
#include <string_view>

#include "core/value_json.h"
#include "fuzz_target.h"
#include "providers/plugin/json_rpc_client.h"
#include "providers/plugin/line_splitter.h"
#include "providers/plugin/plugin_errors.h"
#include "providers/schema_json.h"

namespace {

using namespace plinth;
using namespace plinth::providers;
using nlohmann::json;

void read_result(const json& result) {
    auto schema = schema_from_json(result);
    if (!result.is_object()) return;
    for (const char* member : {"attributes", "planned"}) {
        auto found = result.find(member);
        if (found == result.end() || !found->is_object()) continue;
        Value value = from_tagged_json(*found);
        if (schema && !schema->resources.empty()) mark_sensitive_attributes(schema->resources.front(), std::move(value));
    }
    if (auto diagnostics = result.find("diagnostics"); diagnostics != result.end()) errors_from_diagnostics(*diagnostics);
}

void read_line(const std::string& line) {
    auto answer = parse_answer(line);
    if (!answer) return;
    if (auto error = answer->message.find("error"); error != answer->message.end())
        provider_error_from(remote_failure(*error));
    else
        read_result(answer->message["result"]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::size_t chunk = std::max<std::size_t>(1, data[0]);
    std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);
    LineSplitter splitter;
    for (std::size_t at = 0; at < stream.size(); at += chunk)
        for (const auto& line : splitter.feed(stream.substr(at, chunk))) read_line(line);
    for (const auto& line : splitter.finish()) read_line(line);
    return 0;
}
