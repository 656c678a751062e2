#include "core/stack/yaml_tree.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <yaml.h>

namespace plinth {

enum class YamlKind : std::uint8_t { Null, Scalar, Sequence, Map };

struct YamlStorage {
    struct Node {
        YamlKind kind = YamlKind::Null;
        std::uint32_t tag = 0;    // index in tags
        std::uint32_t first = 0;  // scalars: index in texts; collections: first child in children
        std::uint32_t count = 0;  // collections: children (a mapping's keys and values alternate)
        YamlMark mark;
    };

    std::vector<Node> nodes;
    std::vector<std::uint32_t> children;
    std::vector<std::string> texts;
    std::vector<std::string> tags{"", "?", "!"};  // and the odd explicit tag

    const Node& at(std::uint32_t index) const { return nodes[index]; }
};

namespace {

const std::string k_empty;
constexpr std::uint32_t k_null_tag = 0;
constexpr std::uint32_t k_plain_tag = 1;
constexpr std::uint32_t k_quoted_tag = 2;

// What yaml-cpp (and YAML 1.2's core schema) reads as null in a plain scalar.
bool is_null_text(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view text_of(const yaml_char_t* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// libyaml counts lines and columns in characters; this turns its marks into byte offsets too.
class TextPositions {
public:
    explicit TextPositions(std::string_view text) : m_text(text) {
        m_line_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            bool line_feed = text[i] == '\n';
            bool lone_return = text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
            if (line_feed || lone_return) m_line_starts.push_back(i + 1);
        }
    }

    YamlMark at(std::size_t line, std::size_t column) const {
        YamlMark mark{0, static_cast<int>(line), static_cast<int>(column)};
        if (line >= m_line_starts.size()) {
            mark.pos = m_text.size();
            return mark;
        }
        std::size_t pos = m_line_starts[line];
        for (std::size_t i = 0; i < column && pos < m_text.size(); ++i) pos += utf8_width(m_text[pos]);
        mark.pos = std::min(pos, m_text.size());
        return mark;
    }

    YamlMark at_offset(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
        std::size_t line = static_cast<std::size_t>(after - m_line_starts.begin()) - 1;
        std::size_t column = 0;
        for (std::size_t pos = m_line_starts[line]; pos < offset; pos += utf8_width(m_text[pos])) ++column;
        return YamlMark{offset, static_cast<int>(line), static_cast<int>(column)};
    }

private:
    static std::size_t utf8_width(char lead) {
        auto byte = static_cast<unsigned char>(lead);
        if (byte >= 0xF0) return 4;
        if (byte >= 0xE0) return 3;
        if (byte >= 0xC0) return 2;
        return 1;
    }

    std::string_view m_text;
    std::vector<std::size_t> m_line_starts;  // byte offset of each line's first character
};

// Owns one libyaml parser over a text.
class EventParser {
public:
    explicit EventParser(std::string_view text) {
        m_ready = yaml_parser_initialize(&m_parser) != 0;
        if (m_ready)
            yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    ~EventParser() {
        if (m_ready) yaml_parser_delete(&m_parser);
    }
    EventParser(const EventParser&) = delete;
    EventParser& operator=(const EventParser&) = delete;

    bool ready() const { return m_ready; }
    bool next(yaml_event_t& event) { return yaml_parser_parse(&m_parser, &event) != 0; }

    // What libyaml found wrong: its problem, with the construct it was reading when there is one.
    YamlError error(const TextPositions& positions) const {
        std::string message = m_parser.problem ? m_parser.problem : "unreadable YAML";
        if (m_parser.error == YAML_READER_ERROR) return YamlError{message, positions.at_offset(m_parser.problem_offset)};
        if (m_parser.context) {
            YamlMark context = positions.at(m_parser.context_mark.line, m_parser.context_mark.column);
            message += fmt::format(" ({} that starts at line {}, column {})", m_parser.context, context.line + 1,
                                   context.column + 1);
        }
        return YamlError{message, positions.at(m_parser.problem_mark.line, m_parser.problem_mark.column)};
    }

private:
    yaml_parser_t m_parser{};
    bool m_ready = false;
};

// Deletes an event libyaml filled in.
struct EventGuard {
    yaml_event_t& event;
    ~EventGuard() { yaml_event_delete(&event); }
};

}  // namespace

// Turns the parser's events into YamlStorage. The children of every open collection wait in
// `m_pending` (each collection's from its frame's offset) and move to `children` in one block when
// the collection ends, so every collection's children are contiguous.
class YamlTreeBuilder {
public:
    explicit YamlTreeBuilder(YamlStorage& storage) : m_storage(storage) {}

    // Adds what `event`, which starts at `mark`, says; false when an alias names no anchor (`error`
    // says so).
    bool handle(const yaml_event_t& event, const YamlMark& mark) {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_root.reset();
            m_anchors.clear();
            return true;
        case YAML_SCALAR_EVENT: scalar(event, mark); return true;
        case YAML_SEQUENCE_START_EVENT:
            open(YamlKind::Sequence, mark, event.data.sequence_start.tag, event.data.sequence_start.anchor);
            return true;
        case YAML_MAPPING_START_EVENT:
            open(YamlKind::Map, mark, event.data.mapping_start.tag, event.data.mapping_start.anchor);
            return true;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: close(); return true;
        case YAML_ALIAS_EVENT: {
            auto found = m_anchors.find(text_of(event.data.alias.anchor));
            if (found == m_anchors.end()) {
                m_error = YamlError{fmt::format("the alias *{} names no anchor", text_of(event.data.alias.anchor)), mark};
                return false;
            }
            finish(found->second, nullptr);
            return true;
        }
        default: return true;  // stream start and end, document end
        }
    }

    const YamlError& error() const { return m_error; }

    // The node the last document held; null when it held none.
    YamlNode root() const { return m_root ? YamlNode(&m_storage, *m_root) : YamlNode(); }

private:
    struct Frame {
        std::uint32_t node;
        std::size_t first_pending;
        std::string anchor;
    };

    std::uint32_t add(YamlKind kind, const YamlMark& mark, std::uint32_t tag) {
        auto index = static_cast<std::uint32_t>(m_storage.nodes.size());
        m_storage.nodes.push_back(YamlStorage::Node{kind, tag, 0, 0, mark});
        return index;
    }

    std::uint32_t intern(std::string_view tag) {
        for (std::size_t i = 0; i < m_storage.tags.size(); ++i)
            if (m_storage.tags[i] == tag) return static_cast<std::uint32_t>(i);
        m_storage.tags.emplace_back(tag);
        return static_cast<std::uint32_t>(m_storage.tags.size() - 1);
    }

    // Null, or a scalar tagged as yaml-cpp tags it.
    void scalar(const yaml_event_t& event, const YamlMark& mark) {
        const auto& data = event.data.scalar;
        std::string_view text(reinterpret_cast<const char*>(data.value), data.length);
        bool plain = data.style == YAML_PLAIN_SCALAR_STYLE;
        if (data.tag == nullptr && plain && is_null_text(text)) {
            finish(add(YamlKind::Null, mark, k_null_tag), data.anchor);
            return;
        }
        std::uint32_t tag = data.tag ? intern(text_of(data.tag)) : plain ? k_plain_tag : k_quoted_tag;
        std::uint32_t node = add(YamlKind::Scalar, mark, tag);
        m_storage.nodes[node].first = static_cast<std::uint32_t>(m_storage.texts.size());
        m_storage.texts.emplace_back(text);
        finish(node, data.anchor);
    }

    void open(YamlKind kind, const YamlMark& mark, const yaml_char_t* tag, const yaml_char_t* anchor) {
        std::uint32_t node = add(kind, mark, tag ? intern(text_of(tag)) : k_plain_tag);
        m_open.push_back(Frame{node, m_pending.size(), std::string(text_of(anchor))});
    }

    void close() {
        Frame frame = std::move(m_open.back());
        m_open.pop_back();
        YamlStorage::Node& node = m_storage.nodes[frame.node];
        node.first = static_cast<std::uint32_t>(m_storage.children.size());
        node.count = static_cast<std::uint32_t>(m_pending.size() - frame.first_pending);
        m_storage.children.insert(m_storage.children.end(),
                                  m_pending.begin() + static_cast<std::ptrdiff_t>(frame.first_pending),
                                  m_pending.end());
        m_pending.resize(frame.first_pending);
        if (!frame.anchor.empty()) m_anchors[frame.anchor] = frame.node;
        finish(frame.node, nullptr);
    }

    // A complete node: a child of the collection still open, or the document's root.
    void finish(std::uint32_t node, const yaml_char_t* anchor) {
        if (anchor) m_anchors[std::string(text_of(anchor))] = node;
        if (m_open.empty())
            m_root = node;
        else
            m_pending.push_back(node);
    }

    YamlStorage& m_storage;
    std::vector<Frame> m_open;
    std::vector<std::uint32_t> m_pending;
    std::map<std::string, std::uint32_t, std::less<>> m_anchors;
    std::optional<std::uint32_t> m_root;
    YamlError m_error;
};

std::expected<YamlTree, YamlError> YamlTree::parse(std::string_view text) {
    // Every node starts at a character of its own, so node indices fit in 32 bits below this.
    if (text.size() >= std::numeric_limits<std::uint32_t>::max())
        return std::unexpected(YamlError{"the YAML text is too large", YamlMark{}});
    TextPositions positions(text);
    EventParser parser(text);
    if (!parser.ready()) return std::unexpected(YamlError{"libyaml could not start a parser", YamlMark{}});
    auto storage = std::make_unique<YamlStorage>();
    YamlTreeBuilder builder(*storage);
    std::vector<YamlNode> documents;
    for (bool more = true; more;) {
        yaml_event_t event;
        if (!parser.next(event)) return std::unexpected(parser.error(positions));
        EventGuard guard{event};
        if (!builder.handle(event, positions.at(event.start_mark.line, event.start_mark.column)))
            return std::unexpected(builder.error());
        if (event.type == YAML_DOCUMENT_END_EVENT) documents.push_back(builder.root());
        more = event.type != YAML_STREAM_END_EVENT;
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

YamlMark YamlNode::mark() const { return m_tree ? m_tree->at(m_index).mark : YamlMark{}; }

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
