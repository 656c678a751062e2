#include "core/state/blob_state_store.h"

#include <fmt/format.h>

#include "core/state/journal.h"
#include "core/state/state_file.h"

namespace plinth {

BlobStateStore::BlobStateStore(std::unique_ptr<StateBlob> blob, std::filesystem::path journal_path)
    : m_blob(std::move(blob)), m_journal_path(std::move(journal_path)), m_codec(std::make_shared<const StateCodec>()) {}

void BlobStateStore::use_codec(std::shared_ptr<const StateCodec> codec) { m_codec = std::move(codec); }

std::string BlobStateStore::describe() const { return m_blob->describe(); }

std::expected<std::unique_ptr<StateLock>, Diagnostic> BlobStateStore::lock(const std::string& operation,
                                                                            std::chrono::milliseconds timeout) {
    return m_blob->lock(operation, timeout);
}

std::expected<void, Diagnostic> BlobStateStore::force_unlock(const std::string& lock_id) {
    return m_blob->force_unlock(lock_id);
}

// The text is let go of before the journal is folded in: of a large state, it is as big as the
// records parsed from it.
std::expected<State, Diagnostic> BlobStateStore::parse_stored(std::string bytes) {
    auto text = m_codec->decode(std::move(bytes), m_blob->describe(), &m_stored_as_configured);
    if (!text) return std::unexpected(std::move(text.error()));
    return parse_state(*text, m_blob->describe());
}

std::expected<State, Diagnostic> BlobStateStore::read(bool* recovered) {
    if (recovered) *recovered = false;
    auto bytes = m_blob->get();
    if (!bytes) return std::unexpected(bytes.error());
    // Without a stored state any journal is stale: open_journal always stores the base first.
    m_stored_as_configured = true;
    m_state_stored = bytes->has_value();
    if (!*bytes) return State::fresh();
    auto state = parse_stored(std::move(**bytes));
    if (!state) return state;
    auto folded = fold_journal(m_journal_path, *state, *m_codec);
    if (!folded) return std::unexpected(folded.error());
    if (recovered) *recovered = *folded;
    return state;
}

std::expected<void, Diagnostic> BlobStateStore::write(const State& state) {
    if (auto stored = store(state); !stored) return stored;
    m_state_stored = true;
    // The journal is folded into what was just stored. Left behind it would be stale (its serial
    // is older) and ignored, but remove it so that it is not read again.
    std::error_code error;
    std::filesystem::remove(m_journal_path, error);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot remove the state journal {}", m_journal_path.string()),
                                          error.message()));
    return {};
}

std::expected<void, Diagnostic> BlobStateStore::store(const State& state) {
    // Unencrypted, the text is stored as it is produced: encode() would pass it through unchanged.
    if (!m_codec->encrypts()) return m_blob->put_text([&](const TextSink& sink) { write_state_text(state, sink); });
    return m_blob->put(m_codec->encode(serialize_state(state)));
}

std::expected<std::unique_ptr<StateJournal>, Diagnostic> BlobStateStore::open_journal(const State& base) {
    if (!m_state_stored) {
        auto bytes = m_blob->get();
        if (!bytes) return std::unexpected(bytes.error());
        m_state_stored = bytes->has_value();
    }
    // A journal is only trusted for the lineage it names, so that lineage must be stored.
    if (!*m_state_stored) {
        if (auto stored = store(base); !stored)
            return std::unexpected(stored.error());
        m_state_stored = true;
    }
    std::error_code error;
    std::filesystem::create_directories(m_journal_path.parent_path(), error);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot create {}", m_journal_path.parent_path().string()),
                                          error.message()));
    auto journal = FileJournal::open(m_journal_path, base, m_codec);
    if (!journal) return std::unexpected(journal.error());
    return std::unique_ptr<StateJournal>(std::move(*journal));
}

std::filesystem::path remote_journal_path(const std::filesystem::path& stack_dir, const std::string& backend_type,
                                          const std::string& workspace) {
    return stack_dir / ".plinth" / "journals" / backend_type / (workspace + ".journal");
}

}  // namespace plinth
