// Times one parser loading one file into a document tree and walking every node: yaml-cpp or libfyaml
// (with or without its duplicate-key check) for YAML, nlohmann::json for JSON; or the parser events
// alone of yaml-cpp or libyaml, counted without building any tree (libyaml's is what plinth's
// core/stack/yaml_tree.h reads). Prints "SECONDS NODES".
// Built and run by bench/parsers.py; not part of plinth.
#include <libfyaml.h>
#include <yaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

namespace {

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

long count_yaml_cpp(const YAML::Node& node) {
    long count = 1;
    if (node.IsMap()) {
        for (const auto& entry : node) count += count_yaml_cpp(entry.first) + count_yaml_cpp(entry.second);
    } else if (node.IsSequence()) {
        for (const auto& item : node) count += count_yaml_cpp(item);
    }
    return count;
}

// Counts the nodes yaml-cpp's parser reports.
class NodeCounter : public YAML::EventHandler {
public:
    long count = 0;
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++count; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++count; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++count; }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++count;
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++count;
    }
    void OnMapEnd() override {}
};

long count_fyaml(fy_node* node) {
    long count = 1;
    if (fy_node_is_mapping(node)) {
        void* iter = nullptr;
        while (fy_node_pair* pair = fy_node_mapping_iterate(node, &iter)) {
            count += count_fyaml(fy_node_pair_key(pair)) + count_fyaml(fy_node_pair_value(pair));
        }
    } else if (fy_node_is_sequence(node)) {
        void* iter = nullptr;
        while (fy_node* item = fy_node_sequence_iterate(node, &iter)) count += count_fyaml(item);
    }
    return count;
}

long count_nlohmann(const nlohmann::json& node) {
    long count = 1;
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) count += 1 + count_nlohmann(value);
    } else if (node.is_array()) {
        for (const auto& item : node) count += count_nlohmann(item);
    }
    return count;
}

long parse(std::string_view parser, const char* path) {
    if (parser == "yaml-cpp") {
        long count = 0;
        for (const auto& document : YAML::LoadAll(read_file(path))) count += count_yaml_cpp(document);
        return count;
    }
    if (parser == "yaml-cpp-events") {
        std::istringstream text(read_file(path));
        YAML::Parser events(text);
        NodeCounter counter;
        while (events.HandleNextDocument(counter)) {
        }
        return counter.count;
    }
    if (parser == "libyaml-events") {
        std::string text = read_file(path);
        yaml_parser_t events;
        yaml_parser_initialize(&events);
        yaml_parser_set_input_string(&events, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        long count = 0;
        for (bool more = true; more;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&events, &event)) return -1;
            bool node = event.type == YAML_SCALAR_EVENT || event.type == YAML_ALIAS_EVENT ||
                        event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT;
            count += node ? 1 : 0;
            more = event.type != YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&events);
        return count;
    }
    if (parser == "libfyaml" || parser == "libfyaml-allow-duplicate-keys") {
        // The default configuration rejects duplicate keys, as plinth must; the other one skips that check.
        fy_parse_cfg config{};
        config.flags = FYPCF_QUIET;
        if (parser != "libfyaml") config.flags = static_cast<fy_parse_cfg_flags>(config.flags | FYPCF_ALLOW_DUPLICATE_KEYS);
        fy_document* document = fy_document_build_from_file(&config, path);
        if (document == nullptr) return -1;
        long count = count_fyaml(fy_document_root(document));
        fy_document_destroy(document);
        return count;
    }
    if (parser == "nlohmann") return count_nlohmann(nlohmann::json::parse(read_file(path)));
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: parse_bench yaml-cpp|yaml-cpp-events|libyaml-events|libfyaml|libfyaml-allow-duplicate-keys|nlohmann FILE\n");
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    long nodes = parse(argv[1], argv[2]);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (nodes < 0) return 1;
    std::printf("%.4f %ld\n", elapsed.count(), nodes);
    return 0;
}
