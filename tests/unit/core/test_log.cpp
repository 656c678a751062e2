#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/log.h"

using namespace plinth;

namespace {

std::vector<std::string> lines_of(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A log file of its own for one test; the log is turned off again afterwards.
struct LogFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("plinth-log-" + std::to_string(::getpid()));
    explicit LogFile(LogLevel level) {
        std::filesystem::remove(path);
        configure_log(level, path);
    }
    ~LogFile() {
        configure_log(LogLevel::Off);
        std::filesystem::remove(path);
    }
};

}  // namespace

TEST_CASE("log: levels by name") {
    CHECK(parse_log_level("debug") == LogLevel::Debug);
    CHECK(parse_log_level("TRACE") == LogLevel::Trace);
    CHECK(parse_log_level("Warn") == LogLevel::Warn);
    CHECK(parse_log_level("") == LogLevel::Off);
    CHECK(parse_log_level("off") == LogLevel::Off);
    CHECK_FALSE(parse_log_level("loud"));
}

TEST_CASE("log: writes the enabled levels with a timestamp and a tag") {
    LogFile file(LogLevel::Info);
    CHECK(log_enabled(LogLevel::Error));
    CHECK(log_enabled(LogLevel::Info));
    CHECK_FALSE(log_enabled(LogLevel::Debug));
    log(LogLevel::Info, "started {} plugins", 2);
    log(LogLevel::Debug, "not written");
    log(LogLevel::Error, "failed");
    auto lines = lines_of(file.path);
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[INFO\] started 2 plugins)"));
    CHECK_THAT(lines[1], Catch::EndsWith("[ERROR] failed"));
}

TEST_CASE("log: off writes nothing") {
    LogFile file(LogLevel::Off);
    CHECK_FALSE(log_enabled(LogLevel::Error));
    log(LogLevel::Error, "nothing");
    CHECK(lines_of(file.path).empty());
}

TEST_CASE("log: lines from many threads stay whole") {
    LogFile file(LogLevel::Trace);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([t] {
            for (int i = 0; i < 200; ++i) log(LogLevel::Trace, "thread {} line {} {}", t, i, std::string(100, 'x'));
        });
    for (auto& thread : threads) thread.join();
    auto lines = lines_of(file.path);
    REQUIRE(lines.size() == 800);
    for (const auto& line : lines) CHECK_THAT(line, Catch::EndsWith(std::string(100, 'x')));
}
