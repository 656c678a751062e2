// plans/sequence_diff.h: the edit script between two sequences (a longest common subsequence),
// used to show list elements and heredoc lines that were kept, removed or inserted.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace plinth::plans {

struct Edit {
    enum class Op { Keep, Remove, Insert };
    Op op;
    std::size_t before = 0;  // index into the old sequence (Keep, Remove)
    std::size_t after = 0;   // index into the new sequence (Keep, Insert)
};

// Edits turning a sequence of `before_size` items into one of `after_size` items, in order; within
// a changed stretch removals come before insertions. `equal(i, j)` compares before[i], after[j].
// Very long changed stretches fall back to "remove all, insert all" to bound memory.
std::vector<Edit> diff_sequences(std::size_t before_size, std::size_t after_size,
                                 const std::function<bool(std::size_t, std::size_t)>& equal);

}  // namespace plinth::plans
