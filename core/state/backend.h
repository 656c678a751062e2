// core/state/backend.h: where a stack's state lives and how writers exclude each other: a Backend
// holds one StateStore per workspace. Most backends store state as bytes through StateBlob
// (core/state/state_blob.h) and get reading, writing and the crash journal from BlobStateStore.
#pragma once

#include <chrono>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/state/encryption.h"
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
// loses it. Cost per record is O(size of that resource), never O(size of the state). The applier's
// workers call it at once: implementations are thread-safe. The records of one address arrive in
// the order they happened; records of different addresses may interleave in any order.
class StateJournal {
public:
    virtual ~StateJournal() = default;
    virtual std::expected<void, Diagnostic> record_put(const ResourceState& resource) = 0;
    virtual std::expected<void, Diagnostic> record_remove(const std::string& address) = 0;
};

// One workspace's state in a backend. Every command that changes state holds its lock for its
// whole run.
class StateStore {
public:
    virtual ~StateStore() = default;

    // A human description: "local file plinth.state.json", "pg table states (workspace dev)".
    virtual std::string describe() const = 0;

    // Takes the exclusive lock, retrying until `timeout`; on failure the diagnostic names the
    // holder, since when and for what.
    virtual std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                        std::chrono::milliseconds timeout) = 0;

    // Releases a lock some other run holds (`plinth force-unlock ID`). Refuses when `lock_id` is
    // not the current lock's ID, or when nothing is locked.
    virtual std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) = 0;

    // The current state with any journal left by an interrupted run folded in; a fresh state when
    // none exists yet. `recovered` (when given) is set to true if a journal was folded in.
    virtual std::expected<State, Diagnostic> read(bool* recovered = nullptr) = 0;

    // Replaces the stored state atomically (the caller has bumped the serial) and clears the
    // journal. On failure the stored state is the previous one.
    virtual std::expected<void, Diagnostic> write(const State& state) = 0;

    // Starts a journal for a run based on `base` (its lineage and serial are recorded so a stale
    // journal is never applied to a newer state).
    virtual std::expected<std::unique_ptr<StateJournal>, Diagnostic> open_journal(const State& base) = 0;

    // From now on, state and journal records are encrypted with `codec` when written and
    // decrypted when read (core/state/encryption.h). Until then: a codec without keys.
    virtual void use_codec(std::shared_ptr<const StateCodec> codec) = 0;

    // Whether the state last read is stored as write() would store it now: false when it was
    // stored before encryption was configured, or with the `fallback` key. Worth writing again.
    virtual bool stored_as_configured() const = 0;
};

// Where a stack's states live: one per workspace. `default` always exists.
class Backend {
public:
    virtual ~Backend() = default;

    // "local", "http", "pg", "s3".
    virtual std::string type() const = 0;
    // A human description of the store: "PostgreSQL schema plinth at 127.0.0.1:5432".
    virtual std::string describe() const = 0;

    // The workspaces that have a state here (`default` first, the others sorted); an error from a
    // backend that cannot list them (http without `workspaces_address`).
    virtual std::expected<std::vector<std::string>, Diagnostic> workspaces() = 0;

    // Whether `workspace` has a state here (`default` always does): by default, whether
    // workspaces() lists it; a backend that can answer without listing overrides it.
    virtual std::expected<bool, Diagnostic> has_workspace(const std::string& workspace);

    // The state store of `workspace`, which need not have a state yet (reading gives a fresh one,
    // the first write creates it).
    virtual std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) = 0;

    // Removes `workspace` and its state (never `default`). The caller holds its lock and has
    // checked it is empty or was told to force.
    virtual std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) = 0;
};

}  // namespace plinth
