// Template text: the body of a quoted string or of a whole `${...}` string, with its
// interpolations, `%{ if }` and `%{ for }` directives, `~` strip markers and `$${` / `%%{` escapes.
#include <cstdint>
#include <fmt/format.h>

#include "core/expr/parser.h"
#include "core/utf8.h"

namespace plinth::expr {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Subexpression Parser::template_body(bool quoted, const SourceLocation& start) {
    auto sequence = template_sequence(quoted, start);
    if (!sequence) return nullptr;
    if (!sequence->closer.empty())
        return fail(fmt::format("%{{ {} }} without a matching %{{ {} }}", sequence->closer,
                                sequence->closer == "endfor" ? "for" : "if"),
                    sequence->closer_location);
    auto& parts = sequence->parts;
    // A template that is one interpolation and nothing else keeps the expression's own type.
    if (parts.size() == 1) return parts.front();
    if (parts.empty()) return build(LiteralNode{Value("")}, start);
    return build(TemplateNode{std::move(parts)}, start);
}

std::optional<Parser::TemplateSequence> Parser::template_sequence(bool quoted, const SourceLocation& start) {
    TemplateSequence sequence;
    std::string literal;
    SourceLocation literal_location = m_cursor.location();
    auto flush = [&] {
        if (!literal.empty()) sequence.parts.push_back(build(LiteralNode{Value(literal)}, literal_location));
        literal.clear();
    };
    // After `${` or `%{`: a `~` drops the whitespace before it.
    auto open_item = [&] {
        SourceLocation open = m_cursor.location();
        m_cursor.advance(2);
        if (m_cursor.peek() == '~') {
            m_cursor.advance();
            while (!literal.empty() && is_space(literal.back())) literal.pop_back();
        }
        flush();
        return open;
    };
    while (true) {
        if (m_cursor.at_end()) {
            if (!quoted) break;
            fail("unterminated string: missing the closing quote", start);
            return std::nullopt;
        }
        if (quoted && m_cursor.peek() == '"') {
            m_cursor.advance();
            break;
        }
        if (m_strip_next && is_space(m_cursor.peek())) {
            m_cursor.advance();
            continue;
        }
        m_strip_next = false;
        if (literal.empty()) literal_location = m_cursor.location();
        if (m_cursor.starts_with("$${") || m_cursor.starts_with("%%{")) {
            literal += m_cursor.peek();
            literal += '{';
            m_cursor.advance(3);
        } else if (m_cursor.starts_with("${")) {
            SourceLocation open = open_item();
            Subexpression part = interpolation(open);
            if (!part) return std::nullopt;
            sequence.parts.push_back(std::move(part));
        } else if (m_cursor.starts_with("%{")) {
            SourceLocation open = open_item();
            if (!directive(open, quoted, sequence)) return std::nullopt;
            if (!sequence.closer.empty()) return sequence;
        } else if (quoted && m_cursor.peek() == '\\') {
            if (!escape_sequence(literal)) return std::nullopt;
        } else {
            literal += m_cursor.peek();
            m_cursor.advance();
        }
    }
    m_strip_next = false;
    flush();
    return sequence;
}

Subexpression Parser::interpolation(const SourceLocation& open) {
    Subexpression inner = expression();
    if (!inner || !end_of_template_item(open, false)) return nullptr;
    return inner;
}

bool Parser::end_of_template_item(const SourceLocation& open, bool directive) {
    bool strip = accept(TokenKind::Tilde);
    const Token& token = m_lexer.peek();
    std::string_view what = directive ? "directive" : "interpolation";
    if (token.kind == TokenKind::RBrace) {
        m_lexer.next();
        m_strip_next = strip;
        return true;
    }
    if (token.kind == TokenKind::End)
        fail(fmt::format("unterminated {}: missing \"}}\" after \"{}\"", what, directive ? "%{" : "${"), open);
    else if (token.kind == TokenKind::Invalid)
        fail(token.text, token.location);
    else
        fail(fmt::format("expected \"}}\" to close the {}, found {}", what, describe(token)), token.location);
    return false;
}

// After `%{`: an `if` or `for` block, added to `sequence` as one part, or a directive that
// closes a block, recorded as the sequence's closer.
bool Parser::directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence) {
    Token keyword = m_lexer.next();
    if (keyword.kind == TokenKind::Identifier && keyword.text == "if") return if_directive(open, quoted, sequence);
    if (keyword.kind == TokenKind::Identifier && keyword.text == "for") return for_directive(open, quoted, sequence);
    bool closer = keyword.text == "else" || keyword.text == "endif" || keyword.text == "endfor";
    if (keyword.kind != TokenKind::Identifier || !closer) {
        fail(fmt::format("expected if, for, else, endif or endfor after \"%{{\", found {}", describe(keyword)),
             keyword.location);
        return false;
    }
    if (!end_of_template_item(open, true)) return false;
    sequence.closer = keyword.text;
    sequence.closer_location = open;
    return true;
}

// `%{ if c }...%{ else }...%{ endif }`: a conditional between the two bodies (as strings).
bool Parser::if_directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence) {
    Subexpression condition = expression();
    if (!condition || !end_of_template_item(open, true)) return false;
    auto if_true = template_sequence(quoted, open);
    if (!if_true) return false;
    std::optional<TemplateSequence> if_false;
    if (if_true->closer == "else") {
        if_false = template_sequence(quoted, open);
        if (!if_false) return false;
    }
    if (!close_block(if_false ? *if_false : *if_true, "if", "endif", open)) return false;
    SourceLocation else_location = if_false ? if_true->closer_location : open;
    auto if_false_node = build(TemplateNode{if_false ? std::move(if_false->parts) : std::vector<Subexpression>{}},
                                   else_location);
    auto if_true_node = build(TemplateNode{std::move(if_true->parts)}, open);
    sequence.parts.push_back(build(
        ConditionalNode{std::move(condition), std::move(if_true_node), std::move(if_false_node)}, open));
    return true;
}

// `%{ for x in xs }...%{ endfor }`: the body once per element, joined.
bool Parser::for_directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence) {
    ForNode node;
    if (!for_head(node) || !end_of_template_item(open, true)) return false;
    auto body = template_sequence(quoted, open);
    if (!body || !close_block(*body, "for", "endfor", open)) return false;
    node.value = build(TemplateNode{std::move(body->parts)}, open);
    sequence.parts.push_back(build(JoinNode{build(std::move(node), open)}, open));
    return true;
}

bool Parser::close_block(const TemplateSequence& body, std::string_view block, std::string_view closer,
                         const SourceLocation& open) {
    if (body.closer == closer) return true;
    if (body.closer.empty())
        fail(fmt::format("unterminated %{{ {} }}: missing %{{ {} }}", block, closer), open);
    else
        fail(fmt::format("%{{ {} }} where %{{ {} }} was expected", body.closer, closer), body.closer_location);
    return false;
}

bool Parser::escape_sequence(std::string& literal) {
    SourceLocation location = m_cursor.location();
    m_cursor.advance();  // backslash
    char c = m_cursor.peek();
    m_cursor.advance();
    switch (c) {
    case 'n': literal += '\n'; return true;
    case 't': literal += '\t'; return true;
    case 'r': literal += '\r'; return true;
    case '"': literal += '"'; return true;
    case '\\': literal += '\\'; return true;
    case 'u':
    case 'U': {
        int digits = c == 'u' ? 4 : 8;
        std::uint32_t code = 0;
        for (int i = 0; i < digits; ++i) {
            int digit = hex_digit(m_cursor.peek());
            if (digit < 0) {
                fail(fmt::format("invalid escape sequence: \\{} needs {} hex digits", c, digits), location);
                return false;
            }
            code = code * 16 + static_cast<std::uint32_t>(digit);
            m_cursor.advance();
        }
        append_utf8(literal, code);
        return true;
    }
    default:
        if (c == '\0') fail("unterminated string: missing the closing quote", location);
        else fail(fmt::format("invalid escape sequence \"\\{}\"", c), location);
        return false;
    }
}

}  // namespace plinth::expr
