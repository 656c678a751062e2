// core/state/state_blob.h: what a backend implements for one workspace: the state as bytes in
// its store, and the store's lock. BlobStateStore (core/state/blob_state_store.h) turns a blob
// into a StateStore: parsing, the crash journal and the rules every backend shares.
#pragma once

#include <chrono>
#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/state/backend.h"
#include "core/state/text_pieces.h"

namespace plinth {

class StateBlob {
public:
    virtual ~StateBlob() = default;

    // Names the blob in messages and in parse diagnostics: "plinth.state.json",
    // "http://127.0.0.1:8080/state/app".
    virtual std::string describe() const = 0;

    // The stored bytes; nullopt when the workspace has no state yet.
    virtual std::expected<std::optional<std::string>, Diagnostic> get() = 0;

    // Replaces the stored bytes atomically: on failure the previous bytes stay. Called only while
    // this blob's lock is held (a backend that must show the lock, like http's `?ID=`, keeps it).
    virtual std::expected<void, Diagnostic> put(const std::string& bytes) = 0;

    // put() for bytes produced piece by piece (a state stored unencrypted). By default the pieces
    // are joined and put(); a blob that can store them as they come overrides it.
    virtual std::expected<void, Diagnostic> put_text(const TextProducer& produce) {
        std::string bytes;
        produce([&](std::string_view piece) { bytes += piece; });
        return put(bytes);
    }

    virtual std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                        std::chrono::milliseconds timeout) = 0;
    virtual std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) = 0;
};

}  // namespace plinth
