// core/stack/yaml_tree.h: YAML documents as a compact, read-only tree built in one pass over
// yaml-cpp's parser events, instead of yaml-cpp's YAML::Node tree (several shared-pointer
// allocations per node: for a stack of 100,000 resources, most of the loading time and ten times
// the memory; bench/README.md). A YamlNode is a small handle into its YamlTree, valid while the
// tree lives. Nodes keep what the stack loader reads: kind, tag, text and source mark; aliases
// share the anchored node, as in yaml-cpp. Private to core/stack and the loaders built on it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <yaml-cpp/mark.h>

namespace plinth {

struct YamlStorage;  // the nodes of a YamlTree (yaml_tree.cpp)
struct YamlEntry;

class YamlNode {
public:
    // Iterates the children of a collection: a sequence's items as YamlNode, a mapping's entries
    // as YamlEntry.
    template <typename Child>
    class Children;

    YamlNode() = default;  // a null node with no place in any file

    bool is_null() const;
    bool is_scalar() const;
    bool is_sequence() const;
    bool is_map() const;

    // A scalar's text; "" for any other node.
    const std::string& scalar() const;
    // yaml-cpp's tag: "?" for plain scalars and untagged collections, "!" for quoted and block
    // scalars, the resolved tag ("tag:yaml.org,2002:str") for explicit ones, "" for null.
    const std::string& tag() const;
    // Where the node starts (0-based, as yaml-cpp counts); Mark::null_mark() for YamlNode().
    YAML::Mark mark() const;

    // Items of a sequence, entries of a mapping; 0 for scalars and null.
    std::size_t size() const;
    Children<YamlNode> items() const;     // empty unless a sequence
    Children<YamlEntry> entries() const;  // empty unless a mapping, duplicates kept in order

private:
    friend class YamlTreeBuilder;
    YamlNode(const YamlStorage* tree, std::uint32_t index) : m_tree(tree), m_index(index) {}

    const YamlStorage* m_tree = nullptr;
    std::uint32_t m_index = 0;
};

struct YamlEntry {
    YamlNode key;
    YamlNode value;
};

class YamlTree {
public:
    // Every document of `text`, in order. Throws YAML::ParserException on invalid YAML, and on
    // input that would make yaml-cpp 0.7's parser produce empty documents forever (a stray `,`).
    static YamlTree parse(const std::string& text);

    // One root per document: the node the document holds (null for an empty document).
    const std::vector<YamlNode>& documents() const { return m_documents; }

    YamlTree(YamlTree&&) noexcept;
    YamlTree& operator=(YamlTree&&) noexcept;
    ~YamlTree();

private:
    YamlTree(std::unique_ptr<const YamlStorage> storage, std::vector<YamlNode> documents);

    std::unique_ptr<const YamlStorage> m_storage;  // on the heap: handles outlive moves of the tree
    std::vector<YamlNode> m_documents;
};

template <typename Child>
class YamlNode::Children {
public:
    class iterator {
    public:
        Child operator*() const;
        iterator& operator++() {
            m_at += std::is_same_v<Child, YamlEntry> ? 2 : 1;  // a key and its value
            return *this;
        }
        bool operator==(const iterator& other) const { return m_at == other.m_at; }

    private:
        friend class Children;
        iterator(const YamlStorage* tree, const std::uint32_t* at) : m_tree(tree), m_at(at) {}
        const YamlStorage* m_tree;
        const std::uint32_t* m_at;
    };

    iterator begin() const { return iterator(m_tree, m_begin); }
    iterator end() const { return iterator(m_tree, m_end); }

private:
    friend class YamlNode;
    Children(const YamlStorage* tree, const std::uint32_t* begin, const std::uint32_t* end)
        : m_tree(tree), m_begin(begin), m_end(end) {}
    const YamlStorage* m_tree;
    const std::uint32_t* m_begin;
    const std::uint32_t* m_end;
};

template <>
inline YamlNode YamlNode::Children<YamlNode>::iterator::operator*() const {
    return YamlNode(m_tree, m_at[0]);
}

template <>
inline YamlEntry YamlNode::Children<YamlEntry>::iterator::operator*() const {
    return YamlEntry{YamlNode(m_tree, m_at[0]), YamlNode(m_tree, m_at[1])};
}

}  // namespace plinth
