#include "core/expr/parser.h"

#include <optional>
#include <fmt/format.h>

namespace plinth::expr {

namespace {

struct BinaryOperator {
    BinaryOp op;
    int level;  // precedence, 0 the loosest
};

constexpr int k_binary_levels = 6;

// || && (== !=) (< <= > >=) (+ -) (* / %), loosest first.
std::optional<BinaryOperator> binary_operator(TokenKind kind) {
    switch (kind) {
    case TokenKind::Or: return BinaryOperator{BinaryOp::Or, 0};
    case TokenKind::And: return BinaryOperator{BinaryOp::And, 1};
    case TokenKind::Equal: return BinaryOperator{BinaryOp::Equal, 2};
    case TokenKind::NotEqual: return BinaryOperator{BinaryOp::NotEqual, 2};
    case TokenKind::Less: return BinaryOperator{BinaryOp::Less, 3};
    case TokenKind::LessEqual: return BinaryOperator{BinaryOp::LessEqual, 3};
    case TokenKind::Greater: return BinaryOperator{BinaryOp::Greater, 3};
    case TokenKind::GreaterEqual: return BinaryOperator{BinaryOp::GreaterEqual, 3};
    case TokenKind::Plus: return BinaryOperator{BinaryOp::Add, 4};
    case TokenKind::Minus: return BinaryOperator{BinaryOp::Subtract, 4};
    case TokenKind::Star: return BinaryOperator{BinaryOp::Multiply, 5};
    case TokenKind::Slash: return BinaryOperator{BinaryOp::Divide, 5};
    case TokenKind::Percent: return BinaryOperator{BinaryOp::Modulo, 5};
    default: return std::nullopt;
    }
}

bool is_keyword(const Token& token, std::string_view word) {
    return token.kind == TokenKind::Identifier && token.text == word;
}

}  // namespace

std::expected<ExpressionPtr, Diagnostics> Parser::parse_whole_template() {
    SourceLocation start = m_cursor.location();
    return finish(template_body(false, start));
}

std::expected<ExpressionPtr, Diagnostics> Parser::parse_whole_expression() {
    Subexpression result = expression();
    if (result && m_lexer.peek().kind != TokenKind::End) {
        const Token& token = m_lexer.peek();
        if (token.kind == TokenKind::Invalid) return finish(fail(token.text, token.location));
        return finish(fail(fmt::format("unexpected {} after the expression", describe(token)), token.location));
    }
    return finish(result);
}

std::expected<ExpressionPtr, Diagnostics> Parser::finish(Subexpression result) {
    if (m_error) return std::unexpected(Diagnostics(*m_error));
    return m_arena->share(result);
}

Subexpression Parser::fail(std::string message, const SourceLocation& location) {
    if (!m_error) m_error = make_error(std::move(message), {}, location);
    return nullptr;
}

Subexpression Parser::fail_at_token(std::string_view expected) {
    const Token& token = m_lexer.peek();
    if (token.kind == TokenKind::Invalid) return fail(token.text, token.location);
    return fail(fmt::format("expected {}, found {}", expected, describe(token)), token.location);
}

bool Parser::accept(TokenKind kind) {
    if (m_lexer.peek().kind != kind) return false;
    m_lexer.next();
    return true;
}

bool Parser::expect(TokenKind kind, std::string_view what) {
    if (accept(kind)) return true;
    fail_at_token(what);
    return false;
}

Subexpression Parser::expression() { return conditional(); }

Subexpression Parser::conditional() {
    Subexpression condition = binary(0);
    if (!condition || !accept(TokenKind::Question)) return condition;
    Subexpression if_true = expression();
    if (!if_true || !expect(TokenKind::Colon, "\":\" in the conditional")) return nullptr;
    Subexpression if_false = expression();
    if (!if_false) return nullptr;
    SourceLocation location = condition->location;
    return build(ConditionalNode{std::move(condition), std::move(if_true), std::move(if_false)}, location);
}

Subexpression Parser::binary(int level) {
    if (level == k_binary_levels) return unary();
    Subexpression lhs = binary(level + 1);
    while (lhs) {
        auto found = binary_operator(m_lexer.peek().kind);
        if (!found || found->level != level) break;
        m_lexer.next();
        Subexpression rhs = binary(level + 1);
        if (!rhs) return nullptr;
        SourceLocation location = lhs->location;
        lhs = build(BinaryNode{found->op, std::move(lhs), std::move(rhs)}, location);
    }
    return lhs;
}

Subexpression Parser::unary() {
    TokenKind kind = m_lexer.peek().kind;
    if (kind != TokenKind::Minus && kind != TokenKind::Bang) return postfix(primary());
    SourceLocation location = m_lexer.next().location;
    Subexpression operand = unary();
    if (!operand) return nullptr;
    if (kind == TokenKind::Minus) {
        // Fold `-5` into a literal so it reads as a number everywhere.
        const auto* literal = std::get_if<LiteralNode>(&operand->node);
        if (literal && literal->value.is_number())
            return build(LiteralNode{Value(-literal->value.as_number())}, location);
    }
    UnaryOp op = kind == TokenKind::Minus ? UnaryOp::Negate : UnaryOp::Not;
    return build(UnaryNode{op, std::move(operand)}, location);
}

Subexpression Parser::postfix(Subexpression base) {
    while (base) {
        if (m_lexer.peek().kind == TokenKind::LBracket) {
            if (m_lexer.peek_second().kind == TokenKind::Star) return index_or_splat(std::move(base));
            base = index_or_splat(std::move(base));
            continue;
        }
        if (!accept(TokenKind::Dot)) break;
        Token name = m_lexer.next();
        SourceLocation location = base->location;
        if (name.kind == TokenKind::Identifier) {
            base = build(GetAttrNode{std::move(base), m_arena->name(name.text), name.location}, location);
        } else if (name.kind == TokenKind::Number && name.text.find_first_of(".eE") == std::string::npos) {
            auto key = build(LiteralNode{Value(name.number)}, name.location);
            base = build(IndexNode{std::move(base), std::move(key)}, location);
        } else {
            return fail(fmt::format("expected an attribute name after \".\", found {}", describe(name)),
                        name.location);
        }
    }
    return base;
}

Subexpression Parser::index_or_splat(Subexpression base) {
    m_lexer.next();  // [
    SourceLocation location = base->location;
    if (accept(TokenKind::Star)) {
        if (!expect(TokenKind::RBracket, "\"]\" after \"[*\"")) return nullptr;
        // Everything after `[*]` applies to each element.
        Subexpression each = postfix(build(SplatItemNode{}, location));
        if (!each) return nullptr;
        return build(SplatNode{std::move(base), std::move(each)}, location);
    }
    Subexpression key = expression();
    if (!key || !expect(TokenKind::RBracket, "\"]\" after the index")) return nullptr;
    return build(IndexNode{std::move(base), std::move(key)}, location);
}

Subexpression Parser::primary() {
    const Token& token = m_lexer.peek();
    switch (token.kind) {
    case TokenKind::Number: {
        Token number = m_lexer.next();
        return build(LiteralNode{Value(number.number)}, number.location);
    }
    case TokenKind::QuoteOpen: {
        // The quote is consumed; the string body is read straight from the cursor.
        Token quote = m_lexer.next();
        return template_body(true, quote.location);
    }
    case TokenKind::Identifier: return identifier_or_call(m_lexer.next());
    case TokenKind::LBracket: return list();
    case TokenKind::LBrace: return map();
    case TokenKind::LParen: return parenthesized();
    default: return fail_at_token("an expression");
    }
}

Subexpression Parser::identifier_or_call(Token name) {
    if (name.text == "true" || name.text == "false")
        return build(LiteralNode{Value(name.text == "true")}, name.location);
    if (name.text == "null") return build(LiteralNode{Value()}, name.location);
    if (m_lexer.peek().kind == TokenKind::LParen) return call_arguments(std::move(name));
    return build(NameNode{m_arena->name(name.text)}, name.location);
}

Subexpression Parser::call_arguments(Token name) {
    m_lexer.next();  // (
    CallNode call{m_arena->name(name.text), {}, false};
    while (!accept(TokenKind::RParen)) {
        Subexpression arg = expression();
        if (!arg) return nullptr;
        call.args.push_back(std::move(arg));
        if (accept(TokenKind::Ellipsis)) {
            call.expand_last = true;
            if (!expect(TokenKind::RParen, "\")\" after \"...\"")) return nullptr;
            break;
        }
        if (accept(TokenKind::Comma)) continue;
        if (!expect(TokenKind::RParen, "\",\" or \")\" in the argument list")) return nullptr;
        break;
    }
    return build(std::move(call), name.location);
}

Subexpression Parser::parenthesized() {
    m_lexer.next();  // (
    Subexpression inner = expression();
    if (!inner || !expect(TokenKind::RParen, "\")\" to close the parenthesis")) return nullptr;
    return inner;
}

Subexpression Parser::list() {
    SourceLocation location = m_lexer.next().location;  // [
    if (is_keyword(m_lexer.peek(), "for") && m_lexer.peek_second().kind == TokenKind::Identifier)
        return for_expression(location, false);
    ListNode node;
    while (!accept(TokenKind::RBracket)) {
        Subexpression item = expression();
        if (!item) return nullptr;
        node.items.push_back(std::move(item));
        if (accept(TokenKind::Comma)) continue;
        if (!expect(TokenKind::RBracket, "\",\" or \"]\" in the list")) return nullptr;
        break;
    }
    return build(std::move(node), location);
}

Subexpression Parser::map() {
    SourceLocation location = m_lexer.next().location;  // {
    if (is_keyword(m_lexer.peek(), "for") && m_lexer.peek_second().kind == TokenKind::Identifier)
        return for_expression(location, true);
    return map_entries(location);
}

Subexpression Parser::map_entries(const SourceLocation& location) {
    MapNode node;
    while (!accept(TokenKind::RBrace)) {
        MapEntry entry;
        TokenKind after = m_lexer.peek_second().kind;
        if (m_lexer.peek().kind == TokenKind::Identifier && (after == TokenKind::Assign || after == TokenKind::Colon)) {
            // A bare name as a key is the name itself, not a reference.
            Token name = m_lexer.next();
            entry.name = m_arena->name(name.text);
            entry.name_location = name.location;
        } else if (!(entry.key = expression())) {
            return nullptr;
        }
        if (!accept(TokenKind::Assign) && !expect(TokenKind::Colon, "\"=\" or \":\" after the map key"))
            return nullptr;
        entry.value = expression();
        if (!entry.value) return nullptr;
        node.entries.push_back(std::move(entry));
        accept(TokenKind::Comma);  // entries may also be separated by line breaks alone
    }
    return build(std::move(node), location);
}

bool Parser::for_head(ForNode& node) {
    Token first = m_lexer.next();
    if (first.kind != TokenKind::Identifier) {
        fail(fmt::format("expected a variable name after \"for\", found {}", describe(first)), first.location);
        return false;
    }
    node.value_var = first.text;
    if (accept(TokenKind::Comma)) {
        Token second = m_lexer.next();
        if (second.kind != TokenKind::Identifier) {
            fail(fmt::format("expected a second variable name, found {}", describe(second)), second.location);
            return false;
        }
        node.key_var = std::move(node.value_var);
        node.value_var = second.text;
    }
    if (!is_keyword(m_lexer.peek(), "in")) {
        fail_at_token("\"in\"");
        return false;
    }
    m_lexer.next();
    node.collection = expression();
    return node.collection != nullptr;
}

Subexpression Parser::for_expression(const SourceLocation& location, bool map_form) {
    m_lexer.next();  // for
    ForNode node;
    if (!for_head(node) || !expect(TokenKind::Colon, "\":\" after the for collection")) return nullptr;
    if (map_form) {
        node.key = expression();
        if (!node.key || !expect(TokenKind::Arrow, "\"=>\" in the map for expression")) return nullptr;
    }
    node.value = expression();
    if (!node.value) return nullptr;
    if (map_form) node.grouping = accept(TokenKind::Ellipsis);
    if (is_keyword(m_lexer.peek(), "if")) {
        m_lexer.next();
        node.condition = expression();
        if (!node.condition) return nullptr;
    }
    TokenKind close = map_form ? TokenKind::RBrace : TokenKind::RBracket;
    if (!expect(close, map_form ? "\"}\" to close the for expression" : "\"]\" to close the for expression"))
        return nullptr;
    return build(std::move(node), location);
}

}  // namespace plinth::expr
