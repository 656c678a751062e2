// core/expr/parser.h: the recursive-descent parser behind parse_template and parse_expression.
// It reads expressions token by token and template text (quoted strings, `${...}` strings, with
// `%{ if }` / `%{ for }` directives) character by character from one shared cursor. The first
// syntax error stops it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/expr/ast.h"
#include "core/expr/lexer.h"

namespace plinth::expr {

class Parser {
public:
    Parser(std::string_view text, SourceLocation start) : m_cursor(text, std::move(start)), m_lexer(m_cursor) {}

    // A whole `${...}` template string (no escapes besides `$${`).
    std::expected<ExpressionPtr, Diagnostics> parse_whole_template();
    // A whole bare expression.
    std::expected<ExpressionPtr, Diagnostics> parse_whole_expression();

private:
    // Each returns null after recording the error in m_error.
    ExpressionPtr expression();
    ExpressionPtr conditional();
    ExpressionPtr binary(int level);
    ExpressionPtr unary();
    ExpressionPtr postfix(ExpressionPtr base);
    ExpressionPtr index_or_splat(ExpressionPtr base);
    ExpressionPtr primary();
    ExpressionPtr identifier_or_call(Token name);
    ExpressionPtr call_arguments(Token name);
    ExpressionPtr list();
    ExpressionPtr map();
    ExpressionPtr map_entries(const SourceLocation& location);
    ExpressionPtr for_expression(const SourceLocation& location, bool map_form);
    // After `for`: `x` or `k, v`, then `in` and the collection.
    bool for_head(ForNode& node);
    ExpressionPtr parenthesized();

    // Template text up to the end (quoted: up to the closing quote), in template_parser.cpp.
    ExpressionPtr template_body(bool quoted, const SourceLocation& start);
    // A run of template text and what ended it: the end (or the closing quote), or a directive
    // that closes a block.
    struct TemplateSequence {
        std::vector<ExpressionPtr> parts;
        std::string closer;  // "" at the end, else "else", "endif" or "endfor"
        SourceLocation closer_location;
    };
    std::optional<TemplateSequence> template_sequence(bool quoted, const SourceLocation& start);
    ExpressionPtr interpolation(const SourceLocation& open);
    bool directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence);
    bool if_directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence);
    bool for_directive(const SourceLocation& open, bool quoted, TemplateSequence& sequence);
    bool close_block(const TemplateSequence& body, std::string_view block, std::string_view closer,
                     const SourceLocation& open);
    // The `}` (or `~}`) that ends an interpolation or directive opened at `open`.
    bool end_of_template_item(const SourceLocation& open, bool directive);
    bool escape_sequence(std::string& literal);

    bool expect(TokenKind kind, std::string_view what);
    bool accept(TokenKind kind);
    ExpressionPtr fail(std::string message, const SourceLocation& location);
    ExpressionPtr fail_at_token(std::string_view expected);
    std::expected<ExpressionPtr, Diagnostics> finish(ExpressionPtr result);

    Cursor m_cursor;
    Lexer m_lexer;
    std::optional<Diagnostic> m_error;
    bool m_strip_next = false;  // a `~}` was read: whitespace that follows is dropped
};

}  // namespace plinth::expr
