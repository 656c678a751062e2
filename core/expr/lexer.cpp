#include "core/expr/lexer.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>
#include <utility>

namespace plinth::expr {

Cursor::Cursor(std::string_view text, SourceLocation start) : m_text(text), m_location(std::move(start)) {
    if (m_location.line == 0) m_location.line = 1;
    if (m_location.column == 0) m_location.column = 1;
}

char Cursor::peek(std::size_t ahead) const {
    return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
}

void Cursor::advance(std::size_t count) {
    for (; count > 0 && !at_end(); --count) {
        char c = m_text[m_pos++];
        if (c == '\n') {
            ++m_location.line;
            m_location.column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            // UTF-8 continuation bytes belong to the character already counted.
            ++m_location.column;
        }
    }
}

std::string describe(const Token& token) {
    switch (token.kind) {
    case TokenKind::End: return "end of expression";
    case TokenKind::Identifier: return fmt::format("identifier \"{}\"", token.text);
    case TokenKind::Number: return fmt::format("number {}", token.text);
    case TokenKind::QuoteOpen: return "string";
    default: return fmt::format("\"{}\"", token.text);
    }
}

const Token& Lexer::peek() {
    if (!m_buffered) m_buffered = lex(m_cursor);
    return *m_buffered;
}

Token Lexer::peek_second() {
    peek();
    Cursor copy = m_cursor;
    return lex(copy);
}

Token Lexer::next() {
    peek();
    Token token = std::move(*m_buffered);
    m_buffered.reset();
    return token;
}

namespace {

bool is_identifier_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_identifier_char(char c) {
    return is_identifier_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

Token lex_number(Cursor& cursor, Token token) {
    auto take_digits = [&] {
        while (is_digit(cursor.peek())) {
            token.text += cursor.peek();
            cursor.advance();
        }
    };
    take_digits();
    if (cursor.peek() == '.' && is_digit(cursor.peek(1))) {
        token.text += '.';
        cursor.advance();
        take_digits();
    }
    char e = cursor.peek();
    if (e == 'e' || e == 'E') {
        std::size_t sign = (cursor.peek(1) == '+' || cursor.peek(1) == '-') ? 1 : 0;
        if (is_digit(cursor.peek(1 + sign))) {
            for (std::size_t i = 0; i <= sign; ++i) {
                token.text += cursor.peek();
                cursor.advance();
            }
            take_digits();
        }
    }
    token.kind = TokenKind::Number;
    token.number = std::strtod(token.text.c_str(), nullptr);
    return token;
}

struct Punctuation {
    std::string_view text;
    TokenKind kind;
};

// Longest first, so "==" wins over "=".
constexpr std::array<Punctuation, 29> k_punctuation{{
    {"...", TokenKind::Ellipsis}, {"=>", TokenKind::Arrow},     {"==", TokenKind::Equal},
    {"!=", TokenKind::NotEqual},  {"<=", TokenKind::LessEqual}, {">=", TokenKind::GreaterEqual},
    {"&&", TokenKind::And},       {"||", TokenKind::Or},        {"(", TokenKind::LParen},
    {")", TokenKind::RParen},     {"[", TokenKind::LBracket},   {"]", TokenKind::RBracket},
    {"{", TokenKind::LBrace},     {"}", TokenKind::RBrace},     {",", TokenKind::Comma},
    {".", TokenKind::Dot},        {":", TokenKind::Colon},      {"?", TokenKind::Question},
    {"=", TokenKind::Assign},     {"<", TokenKind::Less},       {">", TokenKind::Greater},
    {"+", TokenKind::Plus},       {"-", TokenKind::Minus},      {"*", TokenKind::Star},
    {"/", TokenKind::Slash},      {"%", TokenKind::Percent},    {"!", TokenKind::Bang},
    {"\"", TokenKind::QuoteOpen},  {"~", TokenKind::Tilde},
}};

}  // namespace

Token Lexer::lex(Cursor& cursor) {
    while (!cursor.at_end() && std::isspace(static_cast<unsigned char>(cursor.peek()))) cursor.advance();
    Token token;
    token.location = cursor.location();
    if (cursor.at_end()) return token;
    char c = cursor.peek();
    if (is_digit(c)) return lex_number(cursor, std::move(token));
    if (is_identifier_start(c)) {
        while (!cursor.at_end() && is_identifier_char(cursor.peek())) {
            token.text += cursor.peek();
            cursor.advance();
        }
        token.kind = TokenKind::Identifier;
        return token;
    }
    for (const auto& punctuation : k_punctuation) {
        if (!cursor.starts_with(punctuation.text)) continue;
        token.kind = punctuation.kind;
        token.text = punctuation.text;
        cursor.advance(punctuation.text.size());
        return token;
    }
    token.kind = TokenKind::Invalid;
    token.text = fmt::format("unexpected character \"{}\"", c);
    return token;
}

}  // namespace plinth::expr
