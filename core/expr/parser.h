// core/expr/parser.h: the recursive-descent parser behind parse_template and parse_expression.
// It reads expressions token by token and template text (quoted strings, `${...}` strings, with
// `%{ if }` / `%{ for }` directives) character by character from one shared cursor. The first
// syntax error stops it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/expr/arena.h"
#include "core/expr/ast.h"
#include "core/expr/lexer.h"

namespace plinth::expr {

class Parser {
public:
    // The tree's nodes are built into `arena`.
    Parser(std::string_view text, SourceLocation start, ArenaPtr arena)
        : m_cursor(text, std::move(start)), m_lexer(m_cursor), m_arena(std::move(arena)) {}

    // A whole `${...}` template string (no escapes besides `$${`).
    std::expected<ExpressionPtr, Diagnostics> parse_whole_template();
    // A whole bare expression.
    std::expected<ExpressionPtr, Diagnostics> parse_whole_expression();

private:
    // Each returns null after recording the error in m_error.
    Subexpression expression();
    Subexpression conditional();
    Subexpression binary(int level);
    Subexpression unary();
    Subexpression postfix(Subexpression base);
    Subexpression index_or_splat(Subexpression base);
    Subexpression primary();
    Subexpression identifier_or_call(Token name);
    Subexpression call_arguments(Token name);
    Subexpression list();
    Subexpression map();
    Subexpression map_entries(const SourceLocation& location);
    Subexpression for_expression(const SourceLocation& location, bool map_form);
    // After `for`: `x` or `k, v`, then `in` and the collection.
    bool for_head(ForNode& node);
    Subexpression parenthesized();

    // Template text up to the end (quoted: up to the closing quote), in template_parser.cpp.
    Subexpression template_body(bool quoted, const SourceLocation& start);
    // A run of template text and what ended it: the end (or the closing quote), or a directive
    // that closes a block.
    struct TemplateSequence {
        std::vector<Subexpression> parts;
        std::string closer;  // "" at the end, else "else", "endif" or "endfor"
        SourceLocation closer_location;
    };
    std::optional<TemplateSequence> template_sequence(bool quoted, const SourceLocation& start);
    Subexpression interpolation(const SourceLocation& open);
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
    Subexpression fail(std::string message, const SourceLocation& location);
    Subexpression fail_at_token(std::string_view expected);
    std::expected<ExpressionPtr, Diagnostics> finish(Subexpression result);

    // A node of the tree, built into the parser's arena.
    template <typename T>
    Subexpression build(T node, const SourceLocation& location) {
        return m_arena->make(std::move(node), location);
    }

    Cursor m_cursor;
    Lexer m_lexer;
    ArenaPtr m_arena;
    std::optional<Diagnostic> m_error;
    bool m_strip_next = false;  // a `~}` was read: whitespace that follows is dropped
};

}  // namespace plinth::expr
