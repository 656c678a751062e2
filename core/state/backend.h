// core/state/backend.h: where a stack's state lives and how writers exclude each other. Every
// command that changes state holds the backend's lock for its whole run. The local file backend
// is the first implementation; http, s3 and pg follow the same contract.
#pragma once

#include <chrono>
#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/state/state.h"

namespace plinth {

// Who holds a lock, recorded beside it so that a waiting user is told.
struct LockInfo {
    std::string id;         // a UUID
    std::string operation;  // "apply", "destroy", ...
    std::string who;        // user@host (pid N)
    std::string version;    // plinth version
    std::string created;    // RFC 3339 UTC
    std::string path;       // what is locked
};

// Live while the lock is held; releasing is the destructor's job.
class StateLock {
public:
    virtual ~StateLock() = default;
    virtual const LockInfo& info() const = 0;
};

// Receives each resource's result the moment its provider call returns, so that a crash never
// loses it. Cost per record is O(size of that resource), never O(size of the state).
class StateJournal {
public:
    virtual ~StateJournal() = default;
    virtual std::expected<void, Diagnostic> record_put(const ResourceState& resource) = 0;
    virtual std::expected<void, Diagnostic> record_remove(const std::string& address) = 0;
};

class Backend {
public:
    virtual ~Backend() = default;

    // A human description: "local file plinth.state.json".
    virtual std::string describe() const = 0;

    // Takes the exclusive lock, retrying until `timeout`; on failure the diagnostic names the
    // holder, since when and for what.
    virtual std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                        std::chrono::milliseconds timeout) = 0;

    // The current state with any journal left by an interrupted run folded in; a fresh state when
    // none exists yet. `recovered` (when given) is set to true if a journal was folded in.
    virtual std::expected<State, Diagnostic> read(bool* recovered = nullptr) = 0;

    // Replaces the stored state atomically (the caller has bumped the serial) and clears the
    // journal. The previous state is kept as a backup.
    virtual std::expected<void, Diagnostic> write(const State& state) = 0;

    // Starts a journal for a run based on `base` (its lineage and serial are recorded so a stale
    // journal is never applied to a newer state).
    virtual std::expected<std::unique_ptr<StateJournal>, Diagnostic> open_journal(const State& base) = 0;
};

}  // namespace plinth
