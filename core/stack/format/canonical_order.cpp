#include "core/stack/format/canonical_order.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace plinth::format {
namespace {

// Settings first, then the inputs everything else refers to, the providers and encryption that
// read them, what the stack declares, and last what it does to state.
constexpr std::array<std::string_view, 17> k_sections = {
    "stack", "description", "requires", "backend", "providers_dir", "variables", "locals", "providers", "encryption",
    "data",  "resources",   "modules",  "outputs", "moved",         "removed",   "import", "policies"};

// One rank per entry: keys on one line share it (a block has `count` or `for_each`, not both).
using Ranking = std::vector<std::vector<std::string_view>>;

const Ranking k_resource_fields = {{"type"},       {"provider"},   {"count", "for_each"},
                                   {"depends_on"}, {"properties"}, {"lifecycle"}};
const Ranking k_variable_fields = {{"type"}, {"default"}, {"description"}, {"sensitive"}, {"nullable"}, {"validation"}};
const Ranking k_output_fields = {{"value"}, {"description"}, {"sensitive"}};
const Ranking k_module_call_fields = {{"source"},     {"version"}, {"providers"}, {"count", "for_each"},
                                      {"depends_on"}, {"inputs"}};

Ranking section_ranking() {
    Ranking ranking;
    for (std::string_view section : k_sections) ranking.push_back({section});
    return ranking;
}

const Ranking* ranking_of(MappingRole role) {
    static const Ranking sections = section_ranking();
    switch (role) {
        case MappingRole::TopLevel: return &sections;
        case MappingRole::Resource: return &k_resource_fields;
        case MappingRole::Variable: return &k_variable_fields;
        case MappingRole::Output: return &k_output_fields;
        case MappingRole::ModuleCall: return &k_module_call_fields;
        default: return nullptr;
    }
}

std::size_t rank_of(const Ranking& ranking, std::string_view key) {
    for (std::size_t rank = 0; rank < ranking.size(); ++rank)
        if (std::ranges::find(ranking[rank], key) != ranking[rank].end()) return rank;
    return ranking.size();
}

MappingRole section_role(std::string_view section) {
    if (section == "resources" || section == "data") return MappingRole::Resources;
    if (section == "variables") return MappingRole::Variables;
    if (section == "outputs") return MappingRole::Outputs;
    if (section == "modules") return MappingRole::Modules;
    return MappingRole::Other;
}

}  // namespace

MappingRole role_of_value(MappingRole parent, std::string_view key) {
    switch (parent) {
        case MappingRole::TopLevel: return section_role(key);
        case MappingRole::Resources: return MappingRole::Resource;
        case MappingRole::Variables: return MappingRole::Variable;
        case MappingRole::Outputs: return MappingRole::Output;
        case MappingRole::Modules: return MappingRole::ModuleCall;
        default: return MappingRole::Other;
    }
}

std::vector<std::size_t> canonical_order(MappingRole role, const std::vector<std::string>& keys) {
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    const Ranking* ranking = ranking_of(role);
    if (!ranking) return order;
    std::ranges::stable_sort(order, {}, [&](std::size_t i) { return rank_of(*ranking, keys[i]); });
    return order;
}

std::span<const std::string_view> canonical_sections() { return k_sections; }

}  // namespace plinth::format
