// providers/plugin/json_rpc_client.h: one running plugin and the JSON-RPC 2.0 conversation with
// it: requests as single lines on its stdin, answers as single lines on its stdout, matched by id,
// so calls from many threads are in flight at once and may be answered in any order. A reader
// thread reads stdout and stderr; stderr lines go to plinth's log as "[plugin NAME] line" and the
// last ones are kept to quote when the plugin dies. Any breakage (exit, timeout, a line that is
// not JSON) stops the plugin for good: later calls fail at once with the same message.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/process.h"
#include "providers/plugin/line_splitter.h"

namespace plinth::providers {

struct RpcFailure {
    enum class Kind {
        Remote,   // the plugin answered with a JSON-RPC error
        Timeout,  // this call was not answered in time; the plugin was stopped
        Broken,   // the plugin did not start, died, broke the protocol, or was stopped earlier
    };
    Kind kind = Kind::Broken;
    std::string message;  // Remote: the error's message; else a sentence naming the plugin
    std::string detail;   // the plugin's last stderr lines, when it died
    int code = 0;         // Remote: the JSON-RPC error code
    nlohmann::json data;  // Remote: the error's data (null when absent)
};

// One line a plugin wrote on stdout, read as a JSON-RPC answer: its id and the whole message,
// which holds "result" or "error". Null when the line is not an answer (not JSON, no integer id,
// neither member).
struct RpcAnswer {
    std::int64_t id = 0;
    nlohmann::json message;
};
std::optional<RpcAnswer> parse_answer(const std::string& line);

// An answer's "error" member as a failure of kind Remote; a malformed one keeps its JSON text as
// the message.
RpcFailure remote_failure(const nlohmann::json& error);

class JsonRpcClient {
public:
    // How many of a plugin's last stderr lines are kept.
    static constexpr std::size_t k_stderr_tail = 20;

    // Starts the executable at `path` (in the current directory); `name` is the provider's.
    // `grace` is how long shutdown waits for it to exit after its stdin is closed.
    static std::expected<std::unique_ptr<JsonRpcClient>, RpcFailure> start(std::string name,
                                                                          std::filesystem::path path,
                                                                          std::chrono::milliseconds grace);
    // Closes the plugin's stdin, gives it `grace` to exit, then kills it.
    ~JsonRpcClient();
    JsonRpcClient(const JsonRpcClient&) = delete;
    JsonRpcClient& operator=(const JsonRpcClient&) = delete;

    // Sends a request and waits for its answer's `result`, at most `timeout`. Thread-safe.
    std::expected<nlohmann::json, RpcFailure> call(const std::string& method, nlohmann::json params,
                                                   std::chrono::milliseconds timeout);

    const std::string& name() const { return m_name; }
    // "provider plugin `NAME` (PATH)": how messages name this plugin.
    const std::string& label() const { return m_label; }

private:
    JsonRpcClient(std::string name, std::filesystem::path path, SpawnedProcess process,
                  std::chrono::milliseconds grace);

    bool write_request(const std::string& line, std::chrono::steady_clock::time_point deadline);
    void read_loop();
    void drain(int& fd, LineSplitter& lines, bool is_stdout);
    void on_stdout_line(const std::string& line);
    void on_stderr_line(const std::string& line);
    void finish();
    // Under m_mutex: records the first failure, stops the plugin, wakes every waiting call.
    void fail_locked(RpcFailure failure);
    void kill_locked();
    bool reap_locked();
    std::string stderr_tail_locked() const;

    const std::string m_name;
    const std::string m_label;
    const std::chrono::milliseconds m_grace;
    const pid_t m_pid;
    const int m_stdout;
    const int m_stderr;
    int m_wake_read = -1;  // a pipe the destructor writes to, to end the reader thread
    int m_wake_write = -1;

    std::mutex m_write_mutex;  // one request line at a time on stdin
    int m_stdin;               // -1 once closed

    mutable std::mutex m_mutex;  // guards everything below
    std::condition_variable m_changed;
    std::int64_t m_next_id = 0;
    std::map<std::int64_t, std::optional<nlohmann::json>> m_pending;  // by id: the response, once it came
    std::optional<RpcFailure> m_failure;  // set once; every later call fails with it
    std::deque<std::string> m_stderr_lines;
    bool m_stopping = false;  // the destructor runs: an exit is expected
    bool m_reaped = false;    // the process has been waited for; its pid may be reused
    std::optional<ProcessResult> m_exit;
    bool m_reader_done = false;

    std::thread m_reader;  // started last, joined first
};

}  // namespace plinth::providers
