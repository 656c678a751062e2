#include "core/stack/yaml_tree.h"

#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace plinth {

enum class YamlKind : std::uint8_t { Null, Scalar, Sequence, Map };

struct YamlStorage {
    struct Node {
        YamlKind kind = YamlKind::Null;
        std::uint32_t tag = 0;    // index in tags
        std::uint32_t first = 0;  // scalars: index in texts; collections: first child in children
        std::uint32_t count = 0;  // collections: children (a mapping's keys and values alternate)
        YAML::Mark mark;
    };

    std::vector<Node> nodes;
    std::vector<std::uint32_t> children;
    std::vector<std::string> texts;
    std::vector<std::string> tags{""};  // few distinct ones: "", "?", "!", the odd explicit tag

    const Node& at(std::uint32_t index) const { return nodes[index]; }
};

namespace {

const std::string k_empty;

std::uint32_t checked_index(std::size_t size) {
    if (size >= std::numeric_limits<std::uint32_t>::max())
        throw YAML::ParserException(YAML::Mark::null_mark(), "the YAML text is too large");
    return static_cast<std::uint32_t>(size);
}

}  // namespace

// Turns the parser's events into YamlStorage. The children of every open collection wait in
// `m_pending` (each collection's from its frame's offset) and move to `children` in one block when
// the collection ends, so every collection's children are contiguous.
class YamlTreeBuilder : public YAML::EventHandler {
public:
    explicit YamlTreeBuilder(YamlStorage& storage) : m_storage(storage) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        m_document_start = mark;
        m_root.reset();
        m_anchors.clear();
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        finish(add(YamlKind::Null, mark, 0), anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto found = m_anchors.find(anchor);
        if (found == m_anchors.end()) throw YAML::ParserException(mark, "the alias names no anchor");
        finish(found->second, 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        std::uint32_t node = add(YamlKind::Scalar, mark, intern(tag));
        m_storage.nodes[node].first = checked_index(m_storage.texts.size());
        m_storage.texts.push_back(value);
        finish(node, anchor);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(YamlKind::Sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(YamlKind::Map, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

    const YAML::Mark& document_start() const { return m_document_start; }
    // The node the last document held; null when it held none.
    YamlNode root() const { return m_root ? YamlNode(&m_storage, *m_root) : YamlNode(); }

private:
    struct Frame {
        std::uint32_t node;
        std::size_t first_pending;
        YAML::anchor_t anchor;
    };

    std::uint32_t add(YamlKind kind, const YAML::Mark& mark, std::uint32_t tag) {
        std::uint32_t index = checked_index(m_storage.nodes.size());
        m_storage.nodes.push_back(YamlStorage::Node{kind, tag, 0, 0, mark});
        return index;
    }

    std::uint32_t intern(const std::string& tag) {
        for (std::size_t i = 0; i < m_storage.tags.size(); ++i)
            if (m_storage.tags[i] == tag) return static_cast<std::uint32_t>(i);
        m_storage.tags.push_back(tag);
        return checked_index(m_storage.tags.size() - 1);
    }

    void open(YamlKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
        m_open.push_back(Frame{add(kind, mark, intern(tag)), m_pending.size(), anchor});
    }

    void close() {
        Frame frame = m_open.back();
        m_open.pop_back();
        YamlStorage::Node& node = m_storage.nodes[frame.node];
        node.first = checked_index(m_storage.children.size());
        node.count = checked_index(m_pending.size() - frame.first_pending);
        m_storage.children.insert(m_storage.children.end(),
                                  m_pending.begin() + static_cast<std::ptrdiff_t>(frame.first_pending),
                                  m_pending.end());
        m_pending.resize(frame.first_pending);
        finish(frame.node, frame.anchor);
    }

    // A complete node: a child of the collection still open, or the document's root.
    void finish(std::uint32_t node, YAML::anchor_t anchor) {
        if (anchor != 0) m_anchors[anchor] = node;
        if (m_open.empty())
            m_root = node;
        else
            m_pending.push_back(node);
    }

    YamlStorage& m_storage;
    std::vector<Frame> m_open;
    std::vector<std::uint32_t> m_pending;
    std::map<YAML::anchor_t, std::uint32_t> m_anchors;
    std::optional<std::uint32_t> m_root;
    YAML::Mark m_document_start = YAML::Mark::null_mark();
};

YamlTree YamlTree::parse(const std::string& text) {
    auto storage = std::make_unique<YamlStorage>();
    std::vector<YamlNode> documents;
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    YamlTreeBuilder builder(*storage);
    while (parser.HandleNextDocument(builder)) {
        // Every document but the first consumes at least one character (its `---`), so more
        // documents than characters means yaml-cpp 0.7 is stuck on a stray `,` (fixed upstream
        // in 0.8, PR 1319) and would go on forever.
        if (documents.size() > text.size())
            throw YAML::ParserException(builder.document_start(), "unexpected `,`");
        documents.push_back(builder.root());
    }
    return YamlTree(std::move(storage), std::move(documents));
}

YamlTree::YamlTree(std::unique_ptr<const YamlStorage> storage, std::vector<YamlNode> documents)
    : m_storage(std::move(storage)), m_documents(std::move(documents)) {}
YamlTree::YamlTree(YamlTree&&) noexcept = default;
YamlTree& YamlTree::operator=(YamlTree&&) noexcept = default;
YamlTree::~YamlTree() = default;

bool YamlNode::is_null() const { return !m_tree || m_tree->at(m_index).kind == YamlKind::Null; }
bool YamlNode::is_scalar() const { return m_tree && m_tree->at(m_index).kind == YamlKind::Scalar; }
bool YamlNode::is_sequence() const { return m_tree && m_tree->at(m_index).kind == YamlKind::Sequence; }
bool YamlNode::is_map() const { return m_tree && m_tree->at(m_index).kind == YamlKind::Map; }

const std::string& YamlNode::scalar() const {
    return is_scalar() ? m_tree->texts[m_tree->at(m_index).first] : k_empty;
}

const std::string& YamlNode::tag() const { return m_tree ? m_tree->tags[m_tree->at(m_index).tag] : k_empty; }

YAML::Mark YamlNode::mark() const { return m_tree ? m_tree->at(m_index).mark : YAML::Mark::null_mark(); }

std::size_t YamlNode::size() const {
    if (is_sequence()) return m_tree->at(m_index).count;
    if (is_map()) return m_tree->at(m_index).count / 2;
    return 0;
}

YamlNode::Children<YamlNode> YamlNode::items() const {
    if (!is_sequence()) return Children<YamlNode>(m_tree, nullptr, nullptr);
    const auto& node = m_tree->at(m_index);
    const std::uint32_t* first = m_tree->children.data() + node.first;
    return Children<YamlNode>(m_tree, first, first + node.count);
}

YamlNode::Children<YamlEntry> YamlNode::entries() const {
    if (!is_map()) return Children<YamlEntry>(m_tree, nullptr, nullptr);
    const auto& node = m_tree->at(m_index);
    const std::uint32_t* first = m_tree->children.data() + node.first;
    return Children<YamlEntry>(m_tree, first, first + node.count);
}

}  // namespace plinth
