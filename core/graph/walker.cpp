#include "core/graph/walker.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <queue>
#include <thread>

namespace plinth {

namespace {

using NodeId = Graph::NodeId;

enum class NodeState : unsigned char { Waiting, Running, Succeeded, Failed, Skipped };

// One walk's shared bookkeeping. Every field below m_mutex is guarded by it.
class Walk {
public:
    Walk(const Graph& graph, const std::function<bool(NodeId)>& visit, const std::atomic<bool>* stop)
        : m_graph(graph), m_visit(visit), m_stop(stop), m_waiting(graph.size()), m_state(graph.size()) {
        for (NodeId node = 0; node < graph.size(); ++node) {
            m_waiting[node] = graph.dependencies(node).size();
            if (m_waiting[node] == 0) m_ready.push(node);
        }
    }

    // Takes ready nodes and visits them until every node is settled.
    void run_worker() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return !m_ready.empty() || m_running == 0 || done(); });
            if (done()) return;
            if (m_ready.empty()) {
                skip_unreachable();  // only a cycle leaves nodes that can never become ready
                continue;
            }
            NodeId node = m_ready.top();
            m_ready.pop();
            if (m_error || (m_stop && m_stop->load())) {
                settle(node, NodeState::Skipped);
                continue;
            }
            m_state[node] = NodeState::Running;
            ++m_running;
            lock.unlock();
            auto [ok, error] = call_visit(node);
            lock.lock();
            --m_running;
            if (error && !m_error) m_error = error;
            settle(node, ok ? NodeState::Succeeded : NodeState::Failed);
        }
    }

    WalkResult result() const {
        if (m_error) std::rethrow_exception(m_error);
        WalkResult result;
        for (NodeId node = 0; node < m_state.size(); ++node) {
            if (m_state[node] == NodeState::Failed) result.failed.push_back(node);
            if (m_state[node] == NodeState::Skipped) result.skipped.push_back(node);
        }
        return result;
    }

private:
    bool done() const { return m_settled == m_state.size(); }

    std::pair<bool, std::exception_ptr> call_visit(NodeId node) {
        try {
            return {m_visit(node), nullptr};
        } catch (...) {
            return {false, std::current_exception()};
        }
    }

    void settle(NodeId node, NodeState outcome) {
        m_state[node] = outcome;
        ++m_settled;
        std::size_t released = 0;
        if (outcome == NodeState::Succeeded) {
            for (NodeId dependent : m_graph.dependents(node)) {
                if (--m_waiting[dependent] == 0 && m_state[dependent] == NodeState::Waiting) {
                    m_ready.push(dependent);
                    ++released;
                }
            }
        } else {
            skip_dependents(node);
        }
        if (done() || released > 1 || m_running == 0) m_wake.notify_all();
        else if (released == 1) m_wake.notify_one();
    }

    // Marks every transitive dependent of `node` skipped. None of them can have started.
    void skip_dependents(NodeId node) {
        std::vector<NodeId> pending{node};
        while (!pending.empty()) {
            NodeId current = pending.back();
            pending.pop_back();
            for (NodeId dependent : m_graph.dependents(current)) {
                if (m_state[dependent] != NodeState::Waiting) continue;
                m_state[dependent] = NodeState::Skipped;
                ++m_settled;
                pending.push_back(dependent);
            }
        }
    }

    void skip_unreachable() {
        for (NodeId node = 0; node < m_state.size(); ++node) {
            if (m_state[node] != NodeState::Waiting) continue;
            m_state[node] = NodeState::Skipped;
            ++m_settled;
        }
        m_wake.notify_all();
    }

    const Graph& m_graph;
    const std::function<bool(NodeId)>& m_visit;
    const std::atomic<bool>* m_stop;  // may be null
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::size_t> m_waiting;  // dependencies of each node not yet succeeded
    std::vector<NodeState> m_state;
    std::priority_queue<NodeId, std::vector<NodeId>, std::greater<>> m_ready;  // lowest id first
    std::size_t m_settled = 0;  // nodes that succeeded, failed or were skipped
    std::size_t m_running = 0;  // visits in progress
    std::exception_ptr m_error;  // the first exception a visit threw; rethrown at the end
};

}  // namespace

WalkResult walk_graph(const Graph& graph, std::size_t parallelism, const std::function<bool(Graph::NodeId)>& visit,
                      const std::atomic<bool>* stop) {
    Walk walk(graph, visit, stop);
    std::size_t helpers = std::min(std::max<std::size_t>(parallelism, 1), std::max<std::size_t>(graph.size(), 1)) - 1;
    std::vector<std::thread> threads;
    threads.reserve(helpers);
    for (std::size_t i = 0; i < helpers; ++i) threads.emplace_back([&walk] { walk.run_worker(); });
    walk.run_worker();
    for (auto& thread : threads) thread.join();
    return walk.result();
}

}  // namespace plinth
