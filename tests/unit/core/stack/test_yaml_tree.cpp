// YamlTree: what it keeps of each node, and, as a property over the repository's YAML (stack
// files, the docs' blocks, the fuzz inputs), that libyaml read through it gives what yaml-cpp's
// node tree gives (kinds, tags, text, places, order), which the rest of plinth's YAML readers use,
// and refuses what yaml-cpp refuses.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/expr/yaml_documents.h"
#include "core/stack/yaml_tree.h"
#include "tests/unit/core/stack/yaml_corpus.h"

using namespace plinth;
using namespace plinth::testing;

namespace {

YamlTree parsed(std::string_view text) {
    auto tree = YamlTree::parse(text);
    if (!tree) FAIL(tree.error().message);
    return std::move(*tree);
}

std::vector<YamlNode> items_of(const YamlNode& node) {
    std::vector<YamlNode> items;
    for (const auto& item : node.items()) items.push_back(item);
    return items;
}

std::vector<YamlEntry> entries_of(const YamlNode& node) {
    std::vector<YamlEntry> entries;
    for (const auto& entry : node.entries()) entries.push_back(entry);
    return entries;
}

// Where the two trees first differ, or "" when they agree.
// An empty value is the one place the two put differently: libyaml where the value is missing
// (after `key:`), yaml-cpp at the next token.
std::string difference(const YamlNode& ours, const YAML::Node& theirs, const std::string& path) {
    auto at = [&](const std::string& what) { return path + ": " + what; };
    bool empty_value = ours.is_null() && theirs.IsNull();
    if (!empty_value && (ours.mark().line != theirs.Mark().line || ours.mark().column != theirs.Mark().column))
        return at(fmt::format("mark {}:{} against {}:{}", ours.mark().line, ours.mark().column, theirs.Mark().line,
                              theirs.Mark().column));
    if (ours.is_null() != theirs.IsNull() || ours.is_scalar() != theirs.IsScalar() ||
        ours.is_sequence() != theirs.IsSequence() || ours.is_map() != theirs.IsMap())
        return at("kind");
    if (ours.tag() != theirs.Tag()) return at("tag `" + ours.tag() + "` against `" + theirs.Tag() + "`");
    if (ours.is_scalar() && ours.scalar() != theirs.Scalar()) return at("text");
    if (ours.size() != (theirs.IsNull() || theirs.IsScalar() ? 0 : theirs.size())) return at("size");
    if (ours.is_sequence()) {
        auto items = items_of(ours);
        for (std::size_t i = 0; i < items.size(); ++i)
            if (auto found = difference(items[i], theirs[i], path + "[" + std::to_string(i) + "]"); !found.empty())
                return found;
    }
    if (ours.is_map()) {
        auto entries = entries_of(ours);
        std::size_t i = 0;
        for (auto it = theirs.begin(); it != theirs.end(); ++it, ++i) {
            std::string child = path + "/" + std::to_string(i);
            if (auto found = difference(entries[i].key, it->first, child + "(key)"); !found.empty()) return found;
            if (auto found = difference(entries[i].value, it->second, child); !found.empty()) return found;
        }
    }
    return "";
}

}  // namespace

TEST_CASE("yaml_tree: kinds, tags, text and places") {
    auto tree = parsed("a: plain\nb: \"quoted\"\nc: [1, ~]\nd:\ne: !!str 12\nf: |\n  block\n");
    REQUIRE(tree.documents().size() == 1);
    YamlNode root = tree.documents()[0];
    REQUIRE(root.is_map());
    CHECK(root.size() == 6);
    auto entries = entries_of(root);
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].key.scalar() == "a");
    CHECK(entries[0].value.scalar() == "plain");
    CHECK(entries[0].value.tag() == "?");
    CHECK(entries[1].value.tag() == "!");
    CHECK(entries[1].value.mark().line == 1);
    CHECK(entries[1].value.mark().column == 3);
    REQUIRE(entries[2].value.is_sequence());
    auto items = items_of(entries[2].value);
    REQUIRE(items.size() == 2);
    CHECK(items[0].scalar() == "1");
    CHECK(items[1].is_null());
    CHECK(entries[3].value.is_null());
    CHECK(entries[3].value.scalar().empty());
    CHECK(entries[4].value.tag() == "tag:yaml.org,2002:str");
    CHECK(entries[5].value.scalar() == "block\n");
}

TEST_CASE("yaml_tree: duplicate keys are kept in order; aliases share the anchored node") {
    auto tree = parsed("x: 1\nbase: &b {k: v}\nx: 2\ncopy: *b\n");
    auto entries = entries_of(tree.documents().at(0));
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].value.scalar() == "1");
    CHECK(entries[2].key.scalar() == "x");
    CHECK(entries[2].value.scalar() == "2");
    REQUIRE(entries[3].value.is_map());
    CHECK(entries_of(entries[3].value).at(0).value.scalar() == "v");
    CHECK(entries[3].value.mark().line == entries[1].value.mark().line);
}

TEST_CASE("yaml_tree: documents, empty text and what is not YAML") {
    CHECK(parsed("").documents().empty());
    CHECK(parsed("# a comment\n").documents().empty());
    auto two = parsed("a: 1\n---\n- b\n");
    REQUIRE(two.documents().size() == 2);
    CHECK(two.documents()[1].is_sequence());
    CHECK(two.documents()[1].mark().line == 2);
    auto unclosed = YamlTree::parse("a: [1, 2\nb: 3\n");
    REQUIRE_FALSE(unclosed);
    CHECK(unclosed.error().message ==
          "did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1, column 4)");
    CHECK(unclosed.error().mark.line == 1);
    // yaml-cpp 0.7 would add empty documents forever.
    CHECK_FALSE(YamlTree::parse(","));
    auto alias = YamlTree::parse("a: *nothing\n");
    REQUIRE_FALSE(alias);
    CHECK(alias.error().message == "the alias *nothing names no anchor");
    CHECK(YamlNode().is_null());
    CHECK_FALSE(YamlNode().mark().known());
    CHECK(YamlNode().size() == 0);
}

TEST_CASE("yaml_tree: places count characters, and give the byte offset too") {
    auto tree = parsed("\xc3\xa9\xc3\xa9: x\r\nb: 'q'\n");
    auto entries = entries_of(tree.documents().at(0));
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].value.mark().column == 4);
    CHECK(entries[0].value.mark().pos == 6);
    CHECK(entries[1].value.mark().line == 1);
    CHECK(entries[1].value.mark().column == 3);
    CHECK(entries[1].value.mark().pos == 12);
    auto bad = YamlTree::parse("a: \xff\n");  // not UTF-8
    REQUIRE_FALSE(bad);
    CHECK(bad.error().mark.line == 0);
    CHECK(bad.error().mark.pos == 3);
}

TEST_CASE("yaml_tree: a tree moved keeps its nodes") {
    auto tree = parsed("k: v\n");
    YamlNode root = tree.documents().at(0);
    YamlTree moved = std::move(tree);
    CHECK(entries_of(root).at(0).value.scalar() == "v");
    CHECK(moved.documents().at(0).size() == 1);
}

TEST_CASE("yaml_tree: reads the repository's YAML as yaml-cpp's node tree does") {
    auto inputs = repository_yaml_files();
    for (auto& block : docs_yaml_blocks()) inputs.push_back(std::move(block));
    for (auto& input : fuzz_stack_inputs()) inputs.push_back(std::move(input));
    std::size_t compared = 0;
    for (const auto& input : inputs) {
        INFO(input.display_name);
        auto ours = YamlTree::parse(input.content);
        std::vector<YAML::Node> theirs;
        try {
            theirs = load_yaml_documents(input.content);
        } catch (const YAML::Exception& error) {
            INFO("yaml-cpp: " << error.what());
            CHECK_FALSE(ours);
            continue;
        }
        if (!ours) FAIL("libyaml: " << ours.error().message);
        REQUIRE(ours->documents().size() == theirs.size());
        for (std::size_t i = 0; i < theirs.size(); ++i)
            CHECK(difference(ours->documents()[i], theirs[i], "document " + std::to_string(i)) == "");
        ++compared;
    }
    CHECK(compared >= 50);
}
