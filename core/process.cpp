#include "core/process.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

extern char** environ;

namespace plinth {

namespace {

// A pipe whose two ends close with it; both ends are close-on-exec, so programs started by other
// threads do not inherit them (posix_spawn's dup2 clears the flag on the child's 0, 1 and 2).
class Pipe {
public:
    Pipe() = default;
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;

    bool open() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return false;
        m_read = fds[0];
        m_write = fds[1];
        return true;
    }
    int read_end() const { return m_read; }
    int write_end() const { return m_write; }
    void close_read() { close_fd(m_read); }
    void close_write() { close_fd(m_write); }
    // Hands an end over to a caller that will close it.
    int release_read() { return std::exchange(m_read, -1); }
    int release_write() { return std::exchange(m_write, -1); }

private:
    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    int m_read = -1;
    int m_write = -1;
};

std::vector<std::string> environment_for(const ProcessRequest& request) {
    std::vector<std::string> entries;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        std::string_view text(*entry);
        std::string_view name = text.substr(0, text.find('='));
        bool replaced = false;
        for (const auto& [key, value] : request.environment) replaced = replaced || key == name;
        if (!replaced) entries.emplace_back(text);
    }
    for (const auto& [key, value] : request.environment) entries.push_back(key + "=" + value);
    return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& text : strings) pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Starts the program with its stdin, stdout and stderr on the given pipes; the pid, or errno.
std::expected<pid_t, int> spawn(const ProcessRequest& request, ProcessGroup group, Pipe& in, Pipe& out, Pipe& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read_end(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);
    if (!request.working_dir.empty())
        posix_spawn_file_actions_addchdir_np(&actions, request.working_dir.c_str());
    std::vector<std::string> argv = request.argv;
    std::vector<std::string> environment = environment_for(request);
    std::vector<char*> argv_pointers = pointers_to(argv);
    std::vector<char*> environment_pointers = pointers_to(environment);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    if (group == ProcessGroup::Own) {
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
    }
    pid_t pid = -1;
    int status = ::posix_spawnp(&pid, argv_pointers[0], &actions, &attributes, argv_pointers.data(),
                                environment_pointers.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (status != 0) return std::unexpected(status);
    return pid;
}

// Appends what `fd` has to `target` when poll() reported it ready; closes it at its end.
void read_some(int& fd, short revents, std::array<char, 65536>& buffer, std::string& target) {
    if (fd < 0 || revents == 0) return;
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) target.append(buffer.data(), static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EINTR && errno != EAGAIN)) ::close(std::exchange(fd, -1));
}

// Writes `input` to `in` and reads `out` and `err` until both are closed, without deadlocking on
// full pipes; closes all three. SIGPIPE (a program that exits without reading its stdin) never
// kills plinth.
void exchange(const std::string& input, int in, int out, int err, ProcessResult& result) {
    SigpipeBlock no_sigpipe;
    ::fcntl(in, F_SETFL, ::fcntl(in, F_GETFL) | O_NONBLOCK);

    std::size_t written = 0;
    if (input.empty()) ::close(std::exchange(in, -1));
    std::array<char, 65536> buffer{};
    while (in >= 0 || out >= 0 || err >= 0) {
        std::array<pollfd, 3> fds{{{in, POLLOUT, 0}, {out, POLLIN, 0}, {err, POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) break;
        if (in >= 0 && fds[0].revents != 0) {
            ssize_t n = ::write(in, input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) ::close(std::exchange(in, -1));
        }
        read_some(out, fds[1].revents, buffer, result.stdout_text);
        read_some(err, fds[2].revents, buffer, result.stderr_text);
    }
    for (int fd : {in, out, err})
        if (fd >= 0) ::close(fd);
}

// The exit code and signal of a wait status.
ProcessResult result_of(int status) {
    ProcessResult result;
    if (WIFSIGNALED(status)) {
        result.exit_code = -1;
        result.signal = WTERMSIG(status);
    } else {
        result.exit_code = WEXITSTATUS(status);
    }
    return result;
}

}  // namespace

std::expected<SpawnedProcess, std::string> spawn_process(const ProcessRequest& request, ProcessGroup group) {
    if (request.argv.empty() || request.argv[0].empty()) return std::unexpected("no program given");
    if (!request.working_dir.empty() && !std::filesystem::is_directory(request.working_dir))
        return std::unexpected(fmt::format("working directory {} does not exist", request.working_dir.string()));
    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open())
        return std::unexpected(fmt::format("cannot create pipes: {}", std::strerror(errno)));
    auto pid = spawn(request, group, in, out, err);
    if (!pid) return std::unexpected(fmt::format("cannot run {}: {}", request.argv[0], std::strerror(pid.error())));
    return SpawnedProcess{*pid, in.release_write(), out.release_read(), err.release_read()};
}

ProcessResult wait_process(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return ProcessResult{127, 0, {}, {}};
    return result_of(status);
}

std::optional<ProcessResult> poll_process(pid_t pid) {
    int status = 0;
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == 0 || (done < 0 && errno == EINTR)) return std::nullopt;
    if (done < 0) return ProcessResult{127, 0, {}, {}};
    return result_of(status);
}

std::expected<ProcessResult, std::string> run_process(const ProcessRequest& request) {
    auto started = spawn_process(request);
    if (!started) return std::unexpected(started.error());
    ProcessResult result;
    exchange(request.stdin_text, started->stdin_fd, started->stdout_fd, started->stderr_fd, result);
    ProcessResult ended = wait_process(started->pid);
    result.exit_code = ended.exit_code;
    result.signal = ended.signal;
    return result;
}

SigpipeBlock::SigpipeBlock() {
    sigemptyset(&m_pipe_signal);
    sigaddset(&m_pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &m_pipe_signal, &m_previous);
}

SigpipeBlock::~SigpipeBlock() {
    const timespec no_wait{0, 0};
    while (sigtimedwait(&m_pipe_signal, nullptr, &no_wait) == SIGPIPE) {
    }
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

std::string describe_exit(const ProcessResult& result) {
    if (result.signal != 0) return fmt::format("was killed by signal {}", result.signal);
    return fmt::format("exited with status {}", result.exit_code);
}

}  // namespace plinth
