// core/process.h: running a program without a shell. The argv vector is passed as is (argv[0]
// looked up in PATH when it holds no '/'), text is fed to its stdin, and its stdout and stderr
// are captured whole. Used by the module installer (git) and the `external` data source.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
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

// How the program ended, for messages: "exited with status 2", "was killed by signal 9".
std::string describe_exit(const ProcessResult& result);

}  // namespace plinth
