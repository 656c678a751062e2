#include "core/name_suggestion.h"

#include <algorithm>
#include <fmt/format.h>

namespace plinth {
namespace {

// Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
// characters ("nmae" for "name") as one edit (optimal string alignment), with three rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        before.swap(previous);
        previous.swap(row);
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
    }
    return row[b.size()];
}

}  // namespace

const std::string* closest_name(std::string_view name, const std::vector<std::string>& candidates) {
    std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, name.size() / 3));
    const std::string* best = nullptr;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance && distance < name.size()) {
            best = &candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::string* best = closest_name(name, candidates);
    return best ? fmt::format("did you mean `{}`?", *best) : std::string();
}

}  // namespace plinth
