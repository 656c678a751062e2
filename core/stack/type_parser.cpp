// Reading a type constraint from its text: a small recursive-descent parser over characters that
// knows the location of each one, so errors point at the offending word. The default of an
// `optional(T, default)` attribute is an expression, read by the expression parser and evaluated
// with nothing in scope (a constant, as in Terraform).
#include <algorithm>
#include <fmt/format.h>

#include "core/expr/expression.h"
#include "core/expr/functions.h"
#include "core/expr/lexer.h"
#include "core/stack/type_constraint.h"

namespace plinth {
namespace {

using Kind = TypeConstraint::Kind;

constexpr std::string_view k_known_types =
    "types: string, number, bool, any, list(T), set(T), map(T), tuple([T, ...]), object({name = T, ...})";

class EmptyScope : public expr::Scope {
public:
    const Value* lookup(std::string_view) const override { return nullptr; }
};

bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || (c >= '0' && c <= '9') || c == '-'; }

class TypeParser {
public:
    TypeParser(std::string_view text, const SourceLocation& start) : m_cursor(text, start) {}

    std::expected<TypeConstraint, Diagnostic> parse_whole();

private:
    // Each returns null (or false) after recording the first error in m_error.
    std::optional<TypeConstraint> type();
    std::optional<TypeConstraint> collection(Kind kind);
    std::optional<TypeConstraint> tuple();
    std::optional<TypeConstraint> object();
    bool attribute(std::vector<TypeConstraint::Attribute>& attributes);
    bool optional_attribute(TypeConstraint::Attribute& attribute);
    std::optional<Value> default_value(const TypeConstraint& type);
    std::optional<std::string> default_text();
    std::string attribute_name();
    std::string word();

    void skip_space();
    bool accept(char c);
    bool expect(char c, std::string_view context);
    std::nullopt_t fail(std::string summary, const SourceLocation& at, std::string detail = {});
    std::nullopt_t fail_with(const Diagnostics& diagnostics);
    std::string found() const;

    expr::Cursor m_cursor;
    std::optional<Diagnostic> m_error;
};

std::expected<TypeConstraint, Diagnostic> TypeParser::parse_whole() {
    auto parsed = type();
    skip_space();
    if (parsed && !m_cursor.at_end()) fail(fmt::format("unexpected {} after the type", found()), m_cursor.location());
    if (m_error) return std::unexpected(*m_error);
    return std::move(*parsed);
}

std::optional<TypeConstraint> TypeParser::type() {
    skip_space();
    SourceLocation at = m_cursor.location();
    std::string name = word();
    if (name.empty()) return fail(fmt::format("expected a type, found {}", found()), at, std::string(k_known_types));
    static constexpr std::pair<std::string_view, Kind> k_primitives[] = {
        {"string", Kind::String}, {"number", Kind::Number}, {"bool", Kind::Bool}, {"any", Kind::Any}};
    for (const auto& [word, kind] : k_primitives) {
        if (name != word) continue;
        skip_space();
        if (m_cursor.peek() == '(') return fail(fmt::format("`{}` takes no element type", name), at);
        return TypeConstraint{kind, {}, {}};
    }
    if (name == "list") return collection(Kind::List);
    if (name == "set") return collection(Kind::Set);
    if (name == "map") return collection(Kind::Map);
    if (name == "tuple") return tuple();
    if (name == "object") return object();
    if (name == "optional") return fail("`optional` is only allowed as the type of an object attribute", at);
    return fail(fmt::format("unknown type `{}`", name), at, std::string(k_known_types));
}

// `list(T)`, or a bare `list`: `list(any)`.
std::optional<TypeConstraint> TypeParser::collection(Kind kind) {
    skip_space();
    if (!accept('(')) return TypeConstraint{kind, {TypeConstraint{}}, {}};
    auto element = type();
    if (!element || !expect(')', "to close the element type")) return std::nullopt;
    return TypeConstraint{kind, {std::move(*element)}, {}};
}

// `tuple([T, ...])`
std::optional<TypeConstraint> TypeParser::tuple() {
    if (!expect('(', "after `tuple`: tuple([T, ...])") || !expect('[', "in `tuple([T, ...])`")) return std::nullopt;
    TypeConstraint tuple{Kind::Tuple, {}, {}};
    while (true) {
        skip_space();
        if (accept(']')) break;
        auto element = type();
        if (!element) return std::nullopt;
        tuple.elements.push_back(std::move(*element));
        skip_space();
        if (accept(']')) break;
        if (!expect(',', "or `]` between the tuple's element types")) return std::nullopt;
    }
    if (!expect(')', "to close `tuple(`")) return std::nullopt;
    return tuple;
}

// `object({name = T, other = optional(T, default)})`; `:` may stand for `=`, and a line break
// for `,`.
std::optional<TypeConstraint> TypeParser::object() {
    if (!expect('(', "after `object`: object({name = T, ...})") || !expect('{', "in `object({name = T, ...})`"))
        return std::nullopt;
    TypeConstraint object{Kind::Object, {}, {}};
    while (true) {
        skip_space();
        if (accept('}')) break;
        if (!attribute(object.attributes)) return std::nullopt;
        skip_space();
        char next = m_cursor.peek();
        if (!accept(',') && next != '}' && next != '"' && !is_word_start(next))
            return fail(fmt::format("expected `,` or `}}` after the attribute's type, found {}", found()),
                        m_cursor.location());
    }
    if (!expect(')', "to close `object(`")) return std::nullopt;
    std::sort(object.attributes.begin(), object.attributes.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return object;
}

bool TypeParser::attribute(std::vector<TypeConstraint::Attribute>& attributes) {
    SourceLocation at = m_cursor.location();
    TypeConstraint::Attribute attribute;
    attribute.name = attribute_name();
    if (m_error) return false;
    if (attribute.name.empty()) {
        fail(fmt::format("expected an attribute name, found {}", found()), at);
        return false;
    }
    if (std::any_of(attributes.begin(), attributes.end(), [&](const auto& a) { return a.name == attribute.name; })) {
        fail(fmt::format("attribute `{}` is declared twice", attribute.name), at);
        return false;
    }
    skip_space();
    if (!accept('=') && !expect(':', "or `=` after the attribute name")) return false;
    skip_space();
    expr::Cursor before = m_cursor;
    std::string keyword = word();
    skip_space();
    if (keyword == "optional" && m_cursor.peek() == '(') {
        if (!optional_attribute(attribute)) return false;
    } else {
        m_cursor = before;
        auto type = this->type();
        if (!type) return false;
        attribute.type = std::move(*type);
    }
    attributes.push_back(std::move(attribute));
    return true;
}

// `optional(T)` or `optional(T, default)`, after the word `optional`.
bool TypeParser::optional_attribute(TypeConstraint::Attribute& attribute) {
    accept('(');
    auto type = this->type();
    if (!type) return false;
    attribute.type = std::move(*type);
    attribute.optional = true;
    skip_space();
    if (accept(',')) {
        attribute.default_value = default_value(attribute.type);
        if (!attribute.default_value) return false;
    }
    return expect(')', "to close `optional(`");
}

std::optional<Value> TypeParser::default_value(const TypeConstraint& type) {
    skip_space();
    SourceLocation at = m_cursor.location();
    auto text = default_text();
    if (!text) return std::nullopt;
    if (text->empty()) return fail(fmt::format("expected a default value, found {}", found()), at);
    auto expression = expr::parse_expression(*text, at);
    if (!expression) return fail_with(expression.error());
    EmptyScope scope;
    auto value = expr::evaluate(**expression, expr::EvalContext{scope, expr::FunctionTable::standard(), {}});
    if (!value) return fail_with(value.error());
    auto converted = convert_to_type(*value, type, "the default");
    if (!converted) return fail(fmt::format("{} (of the optional attribute)", converted.error()), at);
    return std::move(*converted);
}

// The text of a default: up to the `)` that closes `optional(`, minding brackets and strings.
std::optional<std::string> TypeParser::default_text() {
    SourceLocation at = m_cursor.location();
    std::string text;
    int depth = 0;
    bool in_string = false;
    while (!m_cursor.at_end()) {
        char c = m_cursor.peek();
        if (in_string && c == '\\') {
            text += c;
            m_cursor.advance();
            c = m_cursor.peek();
        } else if (c == '"') {
            in_string = !in_string;
        } else if (!in_string && (c == '(' || c == '[' || c == '{')) {
            ++depth;
        } else if (!in_string && (c == ')' || c == ']' || c == '}')) {
            if (depth == 0) break;
            --depth;
        }
        text += c;
        m_cursor.advance();
    }
    if (m_cursor.at_end()) return fail("the default value is not closed: missing `)` after it", at);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.pop_back();
    return text;
}

// A word, or a name in double quotes.
std::string TypeParser::attribute_name() {
    if (m_cursor.peek() != '"') return word();
    SourceLocation at = m_cursor.location();
    m_cursor.advance();
    std::string name;
    while (!m_cursor.at_end() && m_cursor.peek() != '"') {
        name += m_cursor.peek();
        m_cursor.advance();
    }
    if (!accept('"')) fail("unterminated attribute name: missing the closing quote", at);
    return name;
}

std::string TypeParser::word() {
    std::string text;
    if (!is_word_start(m_cursor.peek())) return text;
    while (is_word_char(m_cursor.peek())) {
        text += m_cursor.peek();
        m_cursor.advance();
    }
    return text;
}

void TypeParser::skip_space() {
    while (m_cursor.peek() == ' ' || m_cursor.peek() == '\t' || m_cursor.peek() == '\n' || m_cursor.peek() == '\r')
        m_cursor.advance();
}

bool TypeParser::accept(char c) {
    if (m_cursor.at_end() || m_cursor.peek() != c) return false;
    m_cursor.advance();
    return true;
}

bool TypeParser::expect(char c, std::string_view context) {
    skip_space();
    if (accept(c)) return true;
    fail(fmt::format("expected `{}` {}, found {}", c, context, found()), m_cursor.location());
    return false;
}

std::nullopt_t TypeParser::fail(std::string summary, const SourceLocation& at, std::string detail) {
    if (!m_error) m_error = make_error(std::move(summary), std::move(detail), at);
    return std::nullopt;
}

std::nullopt_t TypeParser::fail_with(const Diagnostics& diagnostics) {
    if (!m_error) m_error = diagnostics[0];
    return std::nullopt;
}

std::string TypeParser::found() const {
    if (m_cursor.at_end()) return "the end of the type";
    return fmt::format("`{}`", m_cursor.peek());
}

}  // namespace

std::expected<TypeConstraint, Diagnostic> parse_type_constraint(std::string_view text, const SourceLocation& start) {
    return TypeParser(text, start).parse_whole();
}

}  // namespace plinth
