#include "cli/interrupt.h"

#include <csignal>
#include <unistd.h>

namespace plinth::cli {

namespace {
std::atomic<bool> g_stop{false};
struct sigaction g_previous_int;
struct sigaction g_previous_term;

void on_signal(int) {
    if (g_stop.exchange(true)) _exit(130);
    constexpr char k_message[] =
        "\nInterrupt received. Stopping gracefully: running operations finish and state is saved.\n"
        "Interrupt again to exit at once.\n";
    ssize_t ignored = write(STDERR_FILENO, k_message, sizeof k_message - 1);
    (void)ignored;
}
}  // namespace

InterruptGuard::InterruptGuard() {
    g_stop = false;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previous_int);
    sigaction(SIGTERM, &action, &g_previous_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_previous_int, nullptr);
    sigaction(SIGTERM, &g_previous_term, nullptr);
}

const std::atomic<bool>& InterruptGuard::stop_flag() const { return g_stop; }

}  // namespace plinth::cli
