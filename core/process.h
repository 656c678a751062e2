// core/process.h: running a program without a shell. The argv vector is passed as is (argv[0]
// looked up in PATH when it holds no '/'), text is fed to its stdin, and its stdout and stderr
// are captured whole. Used by the module installer (git) and the `external` data source. Plugin
// providers, which talk with a program while it runs, start it with its pipes handed over.
#pragma once

#include <csignal>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace plinth {

struct ProcessRequest {
    std::vector<std::string> argv;  // not empty
    std::string stdin_text;         // written to the program's stdin, which is then closed
    // The program's working directory; empty for the current one. A relative argv[0] holding a '/'
    // is taken relative to it.
    std::filesystem::path working_dir;
    // Set in the program's environment, on top of (or replacing) the inherited variables.
    std::vector<std::pair<std::string, std::string>> environment;
};

struct ProcessResult {
    int exit_code = 0;  // the exit status; -1 when killed by a signal
    int signal = 0;     // the signal that killed the program; 0 when it exited
    std::string stdout_text;
    std::string stderr_text;

    bool succeeded() const { return exit_code == 0; }
};

// Runs the program to its end. An error (with the reason) only when it cannot be started:
// not found, not executable, or a missing working directory; a failing program is a result.
std::expected<ProcessResult, std::string> run_process(const ProcessRequest& request);

// A program started with its stdin, stdout and stderr on pipes. The caller owns the three
// descriptors (close-on-exec, so other programs do not inherit them) and reaps the process.
struct SpawnedProcess {
    pid_t pid = -1;
    int stdin_fd = -1;   // write end
    int stdout_fd = -1;  // read end
    int stderr_fd = -1;  // read end
};
// Own: the program gets a process group of its own, so the SIGINT a terminal sends plinth's
// group on Ctrl-C does not reach it; plinth stops it itself, in order.
enum class ProcessGroup { Inherit, Own };
// Starts the program (request.stdin_text is not used). An error when it cannot be started.
std::expected<SpawnedProcess, std::string> spawn_process(const ProcessRequest& request,
                                                         ProcessGroup group = ProcessGroup::Inherit);
// How a started program ended (exit_code and signal of the result; no text): wait_process blocks
// until it has; poll_process answers at once, nullopt while it still runs.
ProcessResult wait_process(pid_t pid);
std::optional<ProcessResult> poll_process(pid_t pid);

// While alive, SIGPIPE is blocked in this thread, so writing to a program that has exited gives
// EPIPE instead of killing plinth; a SIGPIPE raised meanwhile is discarded at the end.
class SigpipeBlock {
public:
    SigpipeBlock();
    ~SigpipeBlock();
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
    sigset_t m_pipe_signal;
    sigset_t m_previous;
};

// How the program ended, for messages: "exited with status 2", "was killed by signal 9".
std::string describe_exit(const ProcessResult& result);

}  // namespace plinth
