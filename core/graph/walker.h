// core/graph/walker.h: walks a graph in dependency order on a pool of threads. A node is visited
// once every dependency has succeeded; a failed node's dependents (transitively) are skipped,
// everything independent of it still runs.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "core/graph/graph.h"

namespace plinth {

struct WalkResult {
    std::vector<Graph::NodeId> failed;   // visits that returned false
    std::vector<Graph::NodeId> skipped;  // not visited: a dependency failed, or the walk was stopped
    bool ok() const { return failed.empty() && skipped.empty(); }
};

// Calls `visit` for each node, at most `parallelism` at once (1 = sequential in topological
// order). `visit` returns true on success. When `stop` becomes true no new visits start; visits
// already running finish. The graph must be acyclic.
WalkResult walk_graph(const Graph& graph, std::size_t parallelism,
                      const std::function<bool(Graph::NodeId)>& visit,
                      const std::atomic<bool>* stop = nullptr);

}  // namespace plinth
