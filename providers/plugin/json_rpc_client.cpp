#include "providers/plugin/json_rpc_client.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/log.h"

namespace plinth::providers {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// How much of a bad line an error quotes.
constexpr std::size_t k_quote_limit = 120;
// How long the reader keeps reading stderr after stdout closed (the plugin's last words).
constexpr std::chrono::milliseconds k_stderr_linger{1000};

std::string quote(const std::string& line) {
    if (line.size() <= k_quote_limit) return line;
    return fmt::format("{}... ({} bytes in all)", line.substr(0, k_quote_limit), line.size());
}

int milliseconds_until(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

std::string describe(std::chrono::milliseconds duration) {
    if (duration.count() % 60'000 == 0) return fmt::format("{}m", duration.count() / 60'000);
    if (duration.count() % 1000 == 0) return fmt::format("{}s", duration.count() / 1000);
    return fmt::format("{}ms", duration.count());
}

RpcFailure broken(std::string message, std::string detail = {}) {
    return RpcFailure{RpcFailure::Kind::Broken, std::move(message), std::move(detail), 0, nullptr};
}


}  // namespace

std::optional<RpcAnswer> parse_answer(const std::string& line) {
    json message = json::parse(line, nullptr, false);
    auto id = message.is_object() ? message.find("id") : message.end();
    if (id == message.end() || !id->is_number_integer() || !(message.contains("result") || message.contains("error")))
        return std::nullopt;
    std::int64_t number = id->get<std::int64_t>();
    return RpcAnswer{number, std::move(message)};
}

RpcFailure remote_failure(const json& error) {
    RpcFailure failure{RpcFailure::Kind::Remote, "", "", 0, nullptr};
    if (!error.is_object()) {
        failure.message = error.dump();
        return failure;
    }
    if (auto code = error.find("code"); code != error.end() && code->is_number_integer()) failure.code = code->get<int>();
    if (auto message = error.find("message"); message != error.end() && message->is_string())
        failure.message = message->get<std::string>();
    if (auto data = error.find("data"); data != error.end()) failure.data = *data;
    return failure;
}

std::expected<std::unique_ptr<JsonRpcClient>, RpcFailure> JsonRpcClient::start(std::string name,
                                                                               std::filesystem::path path,
                                                                               std::chrono::milliseconds grace) {
    // In a process group of its own: on Ctrl-C, plinth lets running calls finish, then stops it.
    auto process = spawn_process(ProcessRequest{{path.string()}, {}, {}, {}}, ProcessGroup::Own);
    if (!process)
        return std::unexpected(broken(fmt::format("provider plugin `{}` ({}) does not start: {}", name, path.string(),
                                                  process.error())));
    log(LogLevel::Debug, "started provider plugin `{}` ({}) as process {}", name, path.string(), process->pid);
    return std::unique_ptr<JsonRpcClient>(new JsonRpcClient(std::move(name), std::move(path), *process, grace));
}

JsonRpcClient::JsonRpcClient(std::string name, std::filesystem::path path, SpawnedProcess process,
                             std::chrono::milliseconds grace)
    : m_name(std::move(name)),
      m_label(fmt::format("provider plugin `{}` ({})", m_name, path.string())),
      m_grace(grace),
      m_pid(process.pid),
      m_stdout(process.stdout_fd),
      m_stderr(process.stderr_fd),
      m_stdin(process.stdin_fd) {
    int wake[2] = {-1, -1};
    if (::pipe2(wake, O_CLOEXEC) == 0) {
        m_wake_read = wake[0];
        m_wake_write = wake[1];
    }
    ::fcntl(m_stdin, F_SETFL, ::fcntl(m_stdin, F_GETFL) | O_NONBLOCK);
    m_reader = std::thread([this] { read_loop(); });
}

JsonRpcClient::~JsonRpcClient() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    {
        std::lock_guard lock(m_write_mutex);
        if (m_stdin >= 0) ::close(std::exchange(m_stdin, -1));
    }
    {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_for(lock, m_grace, [&] { return m_reader_done; })) {
            log(LogLevel::Debug, "{} did not exit within {} of its stdin closing; killing it", m_label,
                describe(m_grace));
            kill_locked();
        }
    }
    if (m_wake_write >= 0) (void)!::write(m_wake_write, "x", 1);
    m_reader.join();
    for (int fd : {m_stdout, m_stderr, m_wake_read, m_wake_write})
        if (fd >= 0) ::close(fd);
}

std::expected<json, RpcFailure> JsonRpcClient::call(const std::string& method, json params,
                                                    std::chrono::milliseconds timeout) {
    Clock::time_point deadline = Clock::now() + timeout;
    std::int64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_failure) return std::unexpected(broken(m_failure->message, m_failure->detail));
        id = ++m_next_id;
        m_pending.emplace(id, std::nullopt);
    }
    json request{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
    std::string line = request.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    log(LogLevel::Trace, "[plugin {}] -> {}", m_name, line.substr(0, line.size() - 1));
    bool sent = write_request(line, deadline);

    std::unique_lock lock(m_mutex);
    m_changed.wait_until(lock, deadline, [&] { return m_pending.at(id) || m_failure; });
    std::optional<json> answer = std::move(m_pending.at(id));
    m_pending.erase(id);
    if (answer) {
        if (auto error = answer->find("error"); error != answer->end()) {
            RpcFailure failure = remote_failure(*error);
            log(LogLevel::Debug, "{} answered `{}` with error {}: {}", m_label, method, failure.code, failure.message);
            return std::unexpected(std::move(failure));
        }
        return std::move((*answer)["result"]);
    }
    if (m_failure) return std::unexpected(broken(m_failure->message, m_failure->detail));
    std::string message = sent ? fmt::format("{} did not answer `{}` within {} and was stopped", m_label, method,
                                             describe(timeout))
                               : fmt::format("{} did not read its input within {} and was stopped", m_label,
                                             describe(timeout));
    std::string hint = "Set PLINTH_PLUGIN_TIMEOUT (e.g. 10m) if it needs longer.";
    fail_locked(RpcFailure{RpcFailure::Kind::Timeout, message, hint, 0, nullptr});
    return std::unexpected(*m_failure);
}

// Writes one request line whole, waiting for room in the pipe until `deadline`. False when the
// plugin is gone (the reader then reports how it ended) or did not read in time.
bool JsonRpcClient::write_request(const std::string& line, Clock::time_point deadline) {
    SigpipeBlock no_sigpipe;
    std::lock_guard lock(m_write_mutex);
    std::size_t written = 0;
    while (m_stdin >= 0 && written < line.size()) {
        ssize_t n = ::write(m_stdin, line.data() + written, line.size() - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN) return false;
        pollfd room{m_stdin, POLLOUT, 0};
        if (Clock::now() >= deadline) return false;
        ::poll(&room, 1, milliseconds_until(deadline));
    }
    return written == line.size();
}

void JsonRpcClient::read_loop() {
    int out = m_stdout;
    int err = m_stderr;
    LineSplitter out_lines, err_lines;
    std::optional<Clock::time_point> stdout_closed_at;
    while (out >= 0 || err >= 0) {
        std::array<pollfd, 3> fds{{{out, POLLIN, 0}, {err, POLLIN, 0}, {m_wake_read, POLLIN, 0}}};
        int wait = stdout_closed_at ? milliseconds_until(*stdout_closed_at + k_stderr_linger) : -1;
        int ready = ::poll(fds.data(), fds.size(), wait);
        if (ready < 0 && errno != EINTR) break;
        if (fds[2].revents != 0) break;
        if (fds[0].revents != 0) drain(out, out_lines, true);
        if (fds[1].revents != 0) drain(err, err_lines, false);
        if (out < 0 && !stdout_closed_at) stdout_closed_at = Clock::now();
        if (stdout_closed_at && Clock::now() >= *stdout_closed_at + k_stderr_linger) break;
    }
    for (const auto& line : err_lines.finish()) on_stderr_line(line);
    finish();
}

// Reads what `fd` has and hands over the lines it completes; at its end, marks it closed (-1).
// The descriptors themselves are closed by the destructor.
void JsonRpcClient::drain(int& fd, LineSplitter& lines, bool is_stdout) {
    std::array<char, 65536> buffer{};
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    std::vector<std::string> complete =
        n > 0 ? lines.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n))) : lines.finish();
    if (n <= 0) fd = -1;
    for (const auto& line : complete) is_stdout ? on_stdout_line(line) : on_stderr_line(line);
}

void JsonRpcClient::on_stdout_line(const std::string& line) {
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    log(LogLevel::Trace, "[plugin {}] <- {}", m_name, line);
    auto answer = parse_answer(line);
    std::lock_guard lock(m_mutex);
    if (m_failure) return;
    if (!answer) {
        fail_locked(broken(fmt::format("{} wrote a line that is not a JSON-RPC answer: `{}`", m_label, quote(line)),
                           "A plugin writes only JSON-RPC messages to stdout, one a line; logs go to stderr."));
        return;
    }
    auto pending = m_pending.find(answer->id);
    if (pending == m_pending.end()) {
        log(LogLevel::Warn, "{} answered request {}, which nobody is waiting for", m_label, answer->id);
        return;
    }
    pending->second = std::move(answer->message);
    m_changed.notify_all();
}

void JsonRpcClient::on_stderr_line(const std::string& line) {
    log(LogLevel::Debug, "[plugin {}] {}", m_name, line);
    std::lock_guard lock(m_mutex);
    m_stderr_lines.push_back(line);
    if (m_stderr_lines.size() > k_stderr_tail) m_stderr_lines.pop_front();
}

// The reader's last step: wait for the process to end (killing it after the grace period), then
// fail whatever is still waiting, saying how it ended unless an exit was expected.
void JsonRpcClient::finish() {
    Clock::time_point deadline = Clock::now() + m_grace;
    std::unique_lock lock(m_mutex);
    while (!reap_locked()) {
        if (Clock::now() >= deadline) kill_locked();
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        lock.lock();
    }
    log(LogLevel::Debug, "{} {}", m_label, describe_exit(*m_exit));
    if (!m_stopping && !m_failure) {
        std::string detail = m_stderr_lines.empty() ? "It wrote nothing to stderr."
                                                    : "Its last lines on stderr:\n" + stderr_tail_locked();
        fail_locked(broken(fmt::format("{} stopped unexpectedly: it {}", m_label, describe_exit(*m_exit)), detail));
    }
    m_reader_done = true;
    m_changed.notify_all();
}

void JsonRpcClient::fail_locked(RpcFailure failure) {
    if (!m_failure) {
        log(LogLevel::Error, "{}", failure.message);
        m_failure = std::move(failure);
    }
    kill_locked();
    m_changed.notify_all();
}

void JsonRpcClient::kill_locked() {
    if (!m_reaped) ::kill(m_pid, SIGKILL);
}

bool JsonRpcClient::reap_locked() {
    if (m_reaped) return true;
    m_exit = poll_process(m_pid);
    m_reaped = m_exit.has_value();
    return m_reaped;
}

std::string JsonRpcClient::stderr_tail_locked() const {
    std::string text;
    for (const auto& line : m_stderr_lines) text += fmt::format("  {}\n", line);
    if (!text.empty()) text.pop_back();
    return text;
}

}  // namespace plinth::providers
