// core/state/journal.h: the local backend's crash journal, <state>.journal, newline-delimited JSON.
// The first line is a header naming the base state, {"journal": 1, "lineage": L, "serial": S};
// every later line is one record, {"put": <resource>} or {"remove": "<address>"}. With a codec
// that has keys, each line (the header too) is instead that line encrypted: one envelope line.
//
// Durability trade-off: each record reaches the file with one write() on an O_APPEND descriptor
// before record_put/record_remove returns, so it is in the kernel's page cache and survives the
// process being killed (even by SIGKILL). fdatasync, which also guards against power loss, costs
// milliseconds, so a background thread does it for the group of records written since its last
// one (group commit): every 50 ms, or sooner once 256 records wait, and on close. Writers never
// wait for the disk. A power cut can thus lose the records of roughly the last 50 ms plus one
// fdatasync; a crash of plinth itself loses none. The cost of a record is O(size of that record),
// never O(size of the state).
#pragma once

#include <condition_variable>
#include <expected>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "core/diagnostics.h"
#include "core/state/backend.h"
#include "core/state/encryption.h"

namespace plinth {

// A journal open for appending. Safe to call from several threads at once.
class FileJournal final : public StateJournal {
public:
    // Continues a journal at `path` whose header matches `base` (dropping a torn last line), or
    // starts a new one, replacing any stale journal. Every line is written through `codec`.
    static std::expected<std::unique_ptr<FileJournal>, Diagnostic> open(const std::filesystem::path& path,
                                                                        const State& base,
                                                                        std::shared_ptr<const StateCodec> codec);
    ~FileJournal() override;
    FileJournal(const FileJournal&) = delete;
    FileJournal& operator=(const FileJournal&) = delete;

    std::expected<void, Diagnostic> record_put(const ResourceState& resource) override;
    std::expected<void, Diagnostic> record_remove(const std::string& address) override;

private:
    FileJournal(std::filesystem::path path, int fd, std::shared_ptr<const StateCodec> codec);
    std::expected<void, Diagnostic> append(std::string record_line);  // one JSON line
    void sync_loop();

    std::filesystem::path m_path;
    std::shared_ptr<const StateCodec> m_codec;  // never null
    int m_fd;  // O_APPEND, positioned after a complete line
    std::mutex m_mutex;  // guards the fields below and keeps each record's write whole
    std::condition_variable m_sync_wake;
    std::size_t m_unsynced = 0;  // records written since the last fdatasync started
    bool m_closing = false;      // set once by the destructor; the syncer then finishes
    std::string m_sync_error;    // a failed fdatasync, reported by the next record
    std::thread m_syncer;        // runs sync_loop; started last, joined by the destructor
};

// Folds the journal at `path` into `state` when its header names `state`'s lineage and serial.
// Returns false when there is no journal or it is stale; a torn last line is ignored. Lines are
// read through `codec`.
std::expected<bool, Diagnostic> fold_journal(const std::filesystem::path& path, State& state,
                                             const StateCodec& codec);

}  // namespace plinth
