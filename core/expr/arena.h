// core/expr/arena.h: where expression nodes live. An arena owns every node built into it, and
// keeps alive the trees of other arenas that its nodes link to; an ExpressionPtr to any of its
// nodes keeps the whole arena alive (an aliasing shared_ptr). The stack loader builds all of a
// file's expressions into one arena, so a node costs its own size and nothing else (a stack of
// 100,000 resources holds half a million nodes); a parse without an arena gets one of its own.
// Private to core/expr. Built by one thread at a time; read-only, and shared freely, once built.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr/ast.h"

namespace plinth::expr {

// Always held by a shared_ptr (make_arena): it hands out pointers that share its ownership.
class ExpressionArena : public std::enable_shared_from_this<ExpressionArena> {
public:
    ExpressionArena() = default;
    ExpressionArena(const ExpressionArena&) = delete;
    ExpressionArena& operator=(const ExpressionArena&) = delete;

    template <typename T>
    Subexpression make(T node, SourceLocation location) {
        if (m_chunks.empty() || m_chunks.back().size() == m_chunks.back().capacity()) add_chunk();
        return &m_chunks.back().emplace_back(Expression{Node(std::move(node)), location});
    }

    // `text` in the arena's table of names: the same pointer for the same text.
    Name name(std::string_view text);

    // `tree` as a sub-expression of nodes built here: when another arena owns it, that arena is
    // kept alive as long as this one.
    Subexpression adopt(const ExpressionPtr& tree);

    // The tree at `root`, a node of this arena, as a pointer that keeps the arena alive.
    ExpressionPtr share(Subexpression root) { return root ? ExpressionPtr(shared_from_this(), root) : nullptr; }

private:
    void add_chunk();

    // Chunks never grow past their capacity, so nodes never move. Each is twice the size of the
    // one before, up to a limit: a one-line parse takes a few nodes' room, a stack file big ones.
    std::vector<std::vector<Expression>> m_chunks;
    std::set<std::string, std::less<>> m_names;
    std::vector<ExpressionPtr> m_adopted;
};

}  // namespace plinth::expr
