#include "core/state/journal.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/state/atomic_file.h"
#include "core/state/state_file.h"

namespace plinth {

namespace {

using Json = nlohmann::json;

constexpr std::chrono::milliseconds k_sync_interval{50};
constexpr std::size_t k_sync_records = 256;
constexpr int k_journal_version = 1;

std::string json_line(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Whether the journal in `content` extends `state`. A header that cannot be decrypted is an error:
// the records after it may be all that is left of a crashed run, so they are never dropped silently.
std::expected<bool, Diagnostic> header_matches(std::string_view content, const State& state,
                                               const std::filesystem::path& path, const StateCodec& codec) {
    std::size_t end = content.find('\n');
    if (end == std::string_view::npos) return false;
    auto line = codec.decode(content.substr(0, end), path.string());
    if (!line) return std::unexpected(std::move(line.error()));
    auto header = Json::parse(*line, nullptr, false);
    if (!header.is_object()) return false;
    auto version = header.find("journal");
    auto lineage = header.find("lineage");
    auto serial = header.find("serial");
    return version != header.end() && *version == k_journal_version && lineage != header.end() &&
           *lineage == state.lineage && serial != header.end() && *serial == state.serial;
}

std::expected<void, std::string> apply_record(const Json& record, State& state) {
    if (!record.is_object() || record.size() != 1) return std::unexpected("a record must be {\"put\": ...} or {\"remove\": ...}");
    if (auto put = record.find("put"); put != record.end()) {
        auto resource = resource_from_json(*put);
        if (!resource) return std::unexpected(resource.error());
        std::string address = resource->address;
        state.resources.insert_or_assign(std::move(address), std::move(*resource));
        return {};
    }
    if (auto remove = record.find("remove"); remove != record.end() && remove->is_string()) {
        state.resources.erase(remove->get<std::string>());
        return {};
    }
    return std::unexpected("a record must be {\"put\": ...} or {\"remove\": \"<address>\"}");
}

Diagnostic journal_error(const std::filesystem::path& path, std::string detail) {
    return make_error(fmt::format("cannot use the state journal {}", path.string()), std::move(detail),
                      SourceLocation{path.string()});
}

}  // namespace

FileJournal::FileJournal(std::filesystem::path path, int fd, std::shared_ptr<const StateCodec> codec)
    : m_path(std::move(path)), m_codec(std::move(codec)), m_fd(fd) {
    m_syncer = std::thread([this] { sync_loop(); });
}

FileJournal::~FileJournal() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_sync_wake.notify_one();
    m_syncer.join();
    ::close(m_fd);
}

void FileJournal::sync_loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_sync_wake.wait_for(lock, k_sync_interval, [&] { return m_closing || m_unsynced >= k_sync_records; });
        if (m_unsynced == 0 && m_closing) return;
        if (m_unsynced == 0) continue;
        m_unsynced = 0;
        lock.unlock();
        int rc = ::fdatasync(m_fd);
        int error = errno;
        lock.lock();
        if (rc != 0 && m_sync_error.empty()) m_sync_error = std::strerror(error);
    }
}

std::expected<std::unique_ptr<FileJournal>, Diagnostic> FileJournal::open(const std::filesystem::path& path,
                                                                          const State& base,
                                                                          std::shared_ptr<const StateCodec> codec) {
    auto content = read_whole_file(path);
    if (!content) return std::unexpected(journal_error(path, content.error()));
    std::expected<bool, Diagnostic> matches = false;
    if (*content) matches = header_matches(**content, base, path, *codec);
    if (!matches) return std::unexpected(std::move(matches.error()));
    if (*matches) {
        int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        // Drop a torn last line so that the next record starts on a line of its own.
        std::size_t complete = (*content)->rfind('\n') + 1;
        if (fd >= 0 && complete < (*content)->size() && ::ftruncate(fd, static_cast<off_t>(complete)) != 0) {
            ::close(fd);
            fd = -1;
        }
        if (fd < 0) return std::unexpected(journal_error(path, std::strerror(errno)));
        return std::unique_ptr<FileJournal>(new FileJournal(path, fd, std::move(codec)));
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(journal_error(path, std::strerror(errno)));
    std::string header = codec->encode(
        json_line(Json{{"journal", k_journal_version}, {"lineage", base.lineage}, {"serial", base.serial}}));
    std::unique_ptr<FileJournal> journal(new FileJournal(path, fd, std::move(codec)));
    auto written = write_all(fd, header);
    if (written && ::fdatasync(fd) != 0) written = std::unexpected(std::string(std::strerror(errno)));
    if (written) written = sync_directory(path.parent_path().empty() ? "." : path.parent_path());
    if (!written) return std::unexpected(journal_error(path, written.error()));
    return journal;
}

std::expected<void, Diagnostic> FileJournal::record_put(const ResourceState& resource) {
    // {"put": <resource>} as json_line writes it, without copying the resource's JSON into a wrapper.
    return append("{\"put\":" + resource_to_json(resource).dump(-1, ' ', false, Json::error_handler_t::replace) + "}\n");
}

std::expected<void, Diagnostic> FileJournal::record_remove(const std::string& address) {
    return append(json_line(Json{{"remove", address}}));
}

std::expected<void, Diagnostic> FileJournal::append(std::string record_line) {
    std::string line = m_codec->encode(std::move(record_line));
    std::lock_guard lock(m_mutex);
    if (!m_sync_error.empty()) return std::unexpected(journal_error(m_path, "fdatasync failed: " + m_sync_error));
    if (auto written = write_all(m_fd, line); !written) return std::unexpected(journal_error(m_path, written.error()));
    if (++m_unsynced == k_sync_records) m_sync_wake.notify_one();
    return {};
}

std::expected<bool, Diagnostic> fold_journal(const std::filesystem::path& path, State& state,
                                             const StateCodec& codec) {
    auto content = read_whole_file(path);
    if (!content) return std::unexpected(journal_error(path, content.error()));
    if (!*content) return false;
    auto matches = header_matches(**content, state, path, codec);
    if (!matches || !*matches) return matches;
    std::string_view text = **content;
    std::size_t pos = text.find('\n') + 1;
    for (int line_number = 2;; ++line_number) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) break;  // nothing left, or a torn last line
        bool last = end + 1 == text.size();
        auto line = codec.decode(text.substr(pos, end - pos), path.string());
        auto record = line ? Json::parse(*line, nullptr, false) : Json(Json::value_t::discarded);
        if (record.is_discarded() && last) break;  // torn by a crash mid-write
        std::expected<void, std::string> applied =
            std::unexpected(line ? std::string("not valid JSON") : line.error().summary + ": " + line.error().detail);
        if (!record.is_discarded()) applied = apply_record(record, state);
        if (!applied)
            return std::unexpected(journal_error(
                path, fmt::format("line {}: {}. Move the journal aside to continue without its records.",
                                  line_number, applied.error())));
        pos = end + 1;
    }
    return true;
}

}  // namespace plinth
