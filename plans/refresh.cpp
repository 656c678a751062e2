#include "plans/refresh.h"

#include <optional>
#include <utility>
#include <vector>

#include "core/graph/walker.h"
#include "core/state/state_compare.h"
#include "core/value_path.h"

namespace plinth::plans {

namespace {
struct Outcome {
    std::optional<Value> object;  // null: gone
    std::optional<Diagnostic> error;
};
}  // namespace

RefreshResult refresh_state(State& state, ProviderSet& providers, std::size_t parallelism) {
    std::vector<ResourceState*> resources;
    Graph::Builder nodes;
    for (auto& [address, resource] : state.resources) {
        resources.push_back(&resource);
        nodes.add_node();
    }
    Graph graph = std::move(nodes).build();
    std::vector<Outcome> outcomes(resources.size());
    walk_graph(graph, parallelism, [&](Graph::NodeId id) {
        const ResourceState& resource = *resources[id];
        auto provider = providers.get(resource.provider);
        if (!provider) {
            outcomes[id].error = provider.error();
            return false;
        }
        auto read = (*provider)->read(resource.type, resource.attributes);
        // An update cut short by a crash may not have happened: then the object is where it was.
        if (read && !*read && resource.status == ResourceStatus::Updating && resource.prior_attributes)
            read = (*provider)->read(resource.type, *resource.prior_attributes);
        if (!read) {
            outcomes[id].error = provider_diagnostic(resource.address, read.error());
            return false;
        }
        outcomes[id].object = std::move(*read);
        return true;
    });

    RefreshResult result;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        ResourceState& resource = *resources[i];
        Outcome& outcome = outcomes[i];
        if (outcome.error) {
            result.diagnostics.add(*outcome.error);
        } else if (!outcome.object) {
            result.gone.insert(resource.address);
            if (resource.status == ResourceStatus::Creating) result.unconfirmed_gone.insert(resource.address);
        } else {
            ResourceState refreshed = resource;
            // Providers return plain values; keep the sensitive marks state recorded.
            refreshed.attributes = std::move(*outcome.object);
            mark_sensitive_paths(refreshed.attributes, sensitive_paths(resource.attributes));
            // The object is there: a create that was not confirmed happened, a delete did not, and an
            // update's result is what was read.
            if (refreshed.status != ResourceStatus::Tainted) refreshed.status = ResourceStatus::Ready;
            refreshed.prior_attributes = nullptr;
            if (!same_resource(resource, refreshed))
                result.changed.emplace(resource.address, std::exchange(resource, std::move(refreshed)));
        }
    }
    for (const auto& address : result.gone) result.changed.insert(state.resources.extract(address));
    return result;
}

}  // namespace plinth::plans
