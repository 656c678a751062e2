#include "plans/import_blocks.h"

#include <fmt/format.h>
#include <set>

#include "core/address.h"
#include "core/stack/early_scope.h"
#include "plans/import.h"

namespace plinth::plans {

namespace {

std::expected<std::string, Diagnostics> import_id(const ImportDecl& decl, const ImportBlocksRequest& request) {
    const Stack& stack = *request.root.stack;
    auto id = EarlyScope(stack, request.variables, request.workspace).evaluate(*decl.id, stack.dir);
    if (!id) return std::unexpected(id.error());
    if (!id->is_string() || id->as_string().empty())
        return std::unexpected(Diagnostics(make_error(fmt::format("the id of the import into `{}` must be a non-empty "
                                                                  "string",
                                                                  decl.to),
                                                      {}, decl.location)));
    return id->as_string();
}

}  // namespace

std::expected<std::vector<ResourceState>, Diagnostics> read_import_blocks(const ImportBlocksRequest& request,
                                                                          ProviderSet& providers) {
    std::vector<ResourceState> imported;
    Diagnostics problems;
    std::set<std::string> seen;
    for (const auto& decl : request.root.stack->imports) {
        auto address = parse_instance_address(decl.to);
        if (!address) {
            problems.add_error(fmt::format("invalid import address `{}`", decl.to), address.error(), decl.location);
            continue;
        }
        std::string canonical = address->to_string();
        if (!seen.insert(canonical).second) {
            problems.add_error(fmt::format("`{}` is the target of two imports", canonical), {}, decl.location);
            continue;
        }
        if (request.state.resources.contains(canonical)) continue;  // imported already
        auto id = import_id(decl, request);
        if (!id) {
            problems.append(id.error());
            continue;
        }
        std::size_t first = problems.size();
        auto resource = import_resource(ImportRequest{request.root, request.graph, request.state, canonical, *id}, providers);
        if (resource) {
            imported.push_back(std::move(*resource));
            continue;
        }
        problems.append(resource.error());
        problems.add_note_from(first, fmt::format("In the import block at {}.", decl.location.to_string()));
    }
    if (problems.has_errors()) return std::unexpected(std::move(problems));
    return imported;
}

}  // namespace plinth::plans
