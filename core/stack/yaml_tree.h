// core/stack/yaml_tree.h: YAML documents as a compact, read-only tree built in one pass over
// libyaml's parser events. Stack files are read through it rather than through yaml-cpp: yaml-cpp's
// node tree took several shared-pointer allocations per node and its scanner is ~9 times slower
// than libyaml's (for a stack of 100,000 resources they were most of a plan's time and memory;
// bench/README.md). A YamlNode is a small handle into its YamlTree, valid while the tree lives.
// Nodes keep what the stack loader reads: kind, tag and text as yaml-cpp reports them (plinth's
// other YAML readers use yaml-cpp), and where they start; aliases share the anchored node.
// Private to core/stack and the loaders built on it.
#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace plinth {

struct YamlStorage;  // the nodes of a YamlTree (yaml_tree.cpp)

// A place in the text, 0-based; line and column count characters, `pos` is the byte offset.
struct YamlMark {
    std::size_t pos = 0;
    int line = -1;
    int column = -1;

    bool known() const { return line >= 0; }
};

// Why a text is not YAML, and where.
struct YamlError {
    std::string message;
    YamlMark mark;
};
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
    // The tag as yaml-cpp gives it: "?" for plain scalars and untagged collections, "!" for quoted
    // and block scalars, the resolved tag ("tag:yaml.org,2002:str") for explicit ones, "" for null.
    const std::string& tag() const;
    // Where the node starts; unknown for YamlNode().
    YamlMark mark() const;

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
    // Every document of `text`, in order, or why it is not YAML.
    static std::expected<YamlTree, YamlError> parse(std::string_view text);

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
