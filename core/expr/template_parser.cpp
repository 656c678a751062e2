// Template text: the body of a quoted string or of a whole `${...}` string.
#include <cstdint>
#include <fmt/format.h>

#include "core/expr/parser.h"

namespace plinth::expr {

namespace {

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

ExpressionPtr Parser::template_body(bool quoted, const SourceLocation& start) {
    std::vector<ExpressionPtr> parts;
    std::string literal;
    SourceLocation literal_location = m_cursor.location();
    auto flush = [&] {
        if (!literal.empty()) parts.push_back(make_node(LiteralNode{Value(literal)}, literal_location));
        literal.clear();
    };
    while (true) {
        if (m_cursor.at_end()) {
            if (quoted) return fail("unterminated string: missing the closing quote", start);
            break;
        }
        if (quoted && m_cursor.peek() == '"') {
            m_cursor.advance();
            break;
        }
        if (literal.empty()) literal_location = m_cursor.location();
        if (m_cursor.starts_with("$${")) {
            literal += "${";
            m_cursor.advance(3);
        } else if (m_cursor.starts_with("${")) {
            flush();
            ExpressionPtr part = interpolation();
            if (!part) return nullptr;
            parts.push_back(std::move(part));
        } else if (quoted && m_cursor.peek() == '\\') {
            if (!escape_sequence(literal)) return nullptr;
        } else {
            literal += m_cursor.peek();
            m_cursor.advance();
        }
    }
    flush();
    // A template that is one interpolation and nothing else keeps the expression's own type.
    if (parts.size() == 1) return parts.front();
    if (parts.empty()) return make_node(LiteralNode{Value("")}, start);
    return make_node(TemplateNode{std::move(parts)}, start);
}

ExpressionPtr Parser::interpolation() {
    SourceLocation open = m_cursor.location();
    m_cursor.advance(2);  // ${
    ExpressionPtr inner = expression();
    if (!inner) return nullptr;
    const Token& token = m_lexer.peek();
    if (token.kind == TokenKind::RBrace) {
        m_lexer.next();
        return inner;
    }
    if (token.kind == TokenKind::End) return fail("unterminated interpolation: missing \"}\" after \"${\"", open);
    if (token.kind == TokenKind::Invalid) return fail(token.text, token.location);
    return fail(fmt::format("expected \"}}\" to close the interpolation, found {}", describe(token)), token.location);
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
