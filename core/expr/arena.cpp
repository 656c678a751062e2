#include "core/expr/arena.h"

#include <algorithm>

namespace plinth::expr {

namespace {

constexpr std::size_t k_first_chunk = 8;
constexpr std::size_t k_largest_chunk = 1024;

}  // namespace

void ExpressionArena::add_chunk() {
    std::size_t size = m_chunks.empty() ? k_first_chunk : std::min(m_chunks.back().capacity() * 2, k_largest_chunk);
    m_chunks.emplace_back().reserve(size);
}

Name ExpressionArena::name(std::string_view text) {
    auto it = m_names.find(text);
    if (it == m_names.end()) it = m_names.emplace(text).first;
    return &*it;
}

Subexpression ExpressionArena::adopt(const ExpressionPtr& tree) {
    std::weak_ptr<ExpressionArena> self = weak_from_this();
    bool owned_here = !tree.owner_before(self) && !self.owner_before(tree);
    if (tree && !owned_here) m_adopted.push_back(tree);
    return tree.get();
}

std::shared_ptr<ExpressionArena> make_arena() { return std::make_shared<ExpressionArena>(); }

}  // namespace plinth::expr
