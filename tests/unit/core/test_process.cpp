#include <catch2/catch.hpp>

#include <cstdlib>
#include <unistd.h>

#include "core/process.h"

using namespace plinth;

namespace {

ProcessResult ran(ProcessRequest request) {
    auto result = run_process(request);
    REQUIRE(result);
    return *result;
}

}  // namespace

TEST_CASE("process: stdin goes in, stdout and stderr come out apart, with the exit status") {
    ProcessResult result = ran({{"sh", "-c", "cat; echo oops >&2; exit 3"}, "hello\n", {}, {}});
    CHECK(result.stdout_text == "hello\n");
    CHECK(result.stderr_text == "oops\n");
    CHECK(result.exit_code == 3);
    CHECK_FALSE(result.succeeded());
    CHECK(describe_exit(result) == "exited with status 3");
}

TEST_CASE("process: arguments are passed as is, with no shell in between") {
    ProcessResult result = ran({{"printf", "%s|", "a b", "$HOME", "*"}, {}, {}, {}});
    CHECK(result.stdout_text == "a b|$HOME|*|");
    CHECK(result.exit_code == 0);
}

TEST_CASE("process: large input and output do not deadlock") {
    std::string big(1 << 21, 'x');
    ProcessResult result = ran({{"cat"}, big, {}, {}});
    CHECK(result.stdout_text.size() == big.size());
}

TEST_CASE("process: a program that ignores its input does not kill the caller") {
    ProcessResult result = ran({{"true"}, std::string(1 << 20, 'x'), {}, {}});
    CHECK(result.exit_code == 0);
}

TEST_CASE("process: working directory and environment") {
    ProcessResult result = ran({{"sh", "-c", "pwd; echo $PLINTH_TEST_VALUE"}, {}, "/", {{"PLINTH_TEST_VALUE", "42"}}});
    CHECK(result.stdout_text == "/\n42\n");
    ::setenv("PLINTH_TEST_VALUE", "inherited", 1);
    CHECK(ran({{"sh", "-c", "echo $PLINTH_TEST_VALUE"}, {}, {}, {}}).stdout_text == "inherited\n");
    CHECK(ran({{"sh", "-c", "echo $PLINTH_TEST_VALUE"}, {}, {}, {{"PLINTH_TEST_VALUE", "set"}}}).stdout_text ==
          "set\n");
    ::unsetenv("PLINTH_TEST_VALUE");
}

TEST_CASE("process: killed by a signal") {
    ProcessResult result = ran({{"sh", "-c", "kill -9 $$"}, {}, {}, {}});
    CHECK(result.exit_code == -1);
    CHECK(result.signal == 9);
    CHECK_FALSE(result.succeeded());
    CHECK(describe_exit(result) == "was killed by signal 9");
    ProcessResult high = ran({{"sh", "-c", "exit 255"}, {}, {}, {}});
    CHECK(describe_exit(high) == "exited with status 255");
}

TEST_CASE("process: a program that cannot start is an error, not a result") {
    auto missing = run_process({{"plinth-no-such-program"}, {}, {}, {}});
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error(), Catch::Contains("cannot run plinth-no-such-program"));
    auto no_directory = run_process({{"true"}, {}, "/no/such/dir", {}});
    REQUIRE_FALSE(no_directory);
    CHECK_THAT(no_directory.error(), Catch::Contains("/no/such/dir does not exist"));
    CHECK_FALSE(run_process({}));
}

TEST_CASE("process: a spawned program is talked with through its pipes, then reaped") {
    auto started = spawn_process({{"sh", "-c", "read line; echo \"got $line\"; echo note >&2; exit 4"}, {}, {}, {}});
    REQUIRE(started);
    CHECK(poll_process(started->pid) == std::nullopt);
    REQUIRE(::write(started->stdin_fd, "ping\n", 5) == 5);
    ::close(started->stdin_fd);
    char buffer[64] = {};
    std::string out;
    for (ssize_t n; (n = ::read(started->stdout_fd, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    std::string err;
    for (ssize_t n; (n = ::read(started->stderr_fd, buffer, sizeof buffer)) > 0;) err.append(buffer, n);
    ::close(started->stdout_fd);
    ::close(started->stderr_fd);
    CHECK(out == "got ping\n");
    CHECK(err == "note\n");
    ProcessResult ended = wait_process(started->pid);
    CHECK(describe_exit(ended) == "exited with status 4");
    CHECK_FALSE(spawn_process({{"plinth-no-such-program"}, {}, {}, {}}));
}

TEST_CASE("process: a program may get a process group of its own") {
    auto own = spawn_process({{"sh", "-c", "cut -d' ' -f5 /proc/$$/stat"}, {}, {}, {}}, ProcessGroup::Own);
    REQUIRE(own);
    ::close(own->stdin_fd);
    char buffer[64] = {};
    std::string out;
    for (ssize_t n; (n = ::read(own->stdout_fd, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    ::close(own->stdout_fd);
    ::close(own->stderr_fd);
    wait_process(own->pid);
    CHECK(std::stoi(out) == own->pid);
    CHECK(std::stoi(out) != ::getpgrp());
}
