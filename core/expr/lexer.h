// core/expr/lexer.h: turns expression text into tokens, one at a time on demand, tracking the
// line and column of every character from the string's start location. Quoted strings and
// `${...}` templates are scanned by the parser through the raw cursor, so the lexer never reads
// ahead of the token it hands out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace plinth::expr {

// A position in the text being parsed, with its file:line:column.
class Cursor {
public:
    Cursor(std::string_view text, SourceLocation start);

    bool at_end() const { return m_pos >= m_text.size(); }
    // The character `ahead` places on, or '\0' past the end.
    char peek(std::size_t ahead = 0) const;
    bool starts_with(std::string_view s) const { return m_text.substr(m_pos).starts_with(s); }
    void advance(std::size_t count = 1);
    const SourceLocation& location() const { return m_location; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    SourceLocation m_location;  // of the character at m_pos
};

enum class TokenKind {
    End, Invalid, Identifier, Number, QuoteOpen,
    LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    Comma, Dot, Colon, Question, Assign, Arrow, Ellipsis,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    Plus, Minus, Star, Slash, Percent, Bang, And, Or,
    Tilde,  // a template's strip marker: `${~ x ~}`, `%{~ if c ~}`
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // the source text; for Invalid, the error message
    double number = 0;
    SourceLocation location;
};

// How a token is named in messages: `"}"`, `identifier "foo"`, `end of expression`.
std::string describe(const Token& token);

class Lexer {
public:
    explicit Lexer(Cursor& cursor) : m_cursor(cursor) {}

    const Token& peek();
    // The token after the one peek() returns, without consuming either.
    Token peek_second();
    Token next();
    // The character cursor, for scanning string bodies. Only valid with no token buffered.
    Cursor& raw() { return m_cursor; }
    bool has_buffered() const { return m_buffered.has_value(); }

private:
    static Token lex(Cursor& cursor);

    Cursor& m_cursor;
    std::optional<Token> m_buffered;
};

}  // namespace plinth::expr
