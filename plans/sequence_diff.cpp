#include "plans/sequence_diff.h"

#include <algorithm>
#include <cstdint>

namespace plinth::plans {

namespace {
// Above this many table cells the middle stretch is shown as a block replacement.
constexpr std::size_t k_max_table_cells = 1u << 20;

void diff_middle(std::size_t start_before, std::size_t count_before, std::size_t start_after,
                 std::size_t count_after, const std::function<bool(std::size_t, std::size_t)>& equal,
                 std::vector<Edit>& out) {
    if (count_before == 0 || count_after == 0 || (count_before + 1) * (count_after + 1) > k_max_table_cells) {
        for (std::size_t i = 0; i < count_before; ++i) out.push_back({Edit::Op::Remove, start_before + i, 0});
        for (std::size_t j = 0; j < count_after; ++j) out.push_back({Edit::Op::Insert, 0, start_after + j});
        return;
    }
    // lcs[i][j]: length of the longest common subsequence of the suffixes from i and j.
    const std::size_t width = count_after + 1;
    std::vector<std::uint32_t> lcs((count_before + 1) * width, 0);
    for (std::size_t i = count_before; i-- > 0;)
        for (std::size_t j = count_after; j-- > 0;)
            lcs[i * width + j] = equal(start_before + i, start_after + j)
                                     ? lcs[(i + 1) * width + j + 1] + 1
                                     : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    std::size_t i = 0, j = 0;
    while (i < count_before || j < count_after) {
        if (i < count_before && j < count_after && equal(start_before + i, start_after + j)) {
            out.push_back({Edit::Op::Keep, start_before + i++, start_after + j++});
        } else if (j == count_after || (i < count_before && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
            out.push_back({Edit::Op::Remove, start_before + i++, 0});
        } else {
            out.push_back({Edit::Op::Insert, 0, start_after + j++});
        }
    }
}
}  // namespace

std::vector<Edit> diff_sequences(std::size_t before_size, std::size_t after_size,
                                 const std::function<bool(std::size_t, std::size_t)>& equal) {
    std::size_t prefix = 0;
    while (prefix < before_size && prefix < after_size && equal(prefix, prefix)) ++prefix;
    std::size_t suffix = 0;
    while (before_size - suffix > prefix && after_size - suffix > prefix &&
           equal(before_size - 1 - suffix, after_size - 1 - suffix))
        ++suffix;

    std::vector<Edit> out;
    out.reserve(std::max(before_size, after_size));
    for (std::size_t k = 0; k < prefix; ++k) out.push_back({Edit::Op::Keep, k, k});
    diff_middle(prefix, before_size - prefix - suffix, prefix, after_size - prefix - suffix, equal, out);
    for (std::size_t k = suffix; k-- > 0;)
        out.push_back({Edit::Op::Keep, before_size - 1 - k, after_size - 1 - k});
    return out;
}

}  // namespace plinth::plans
