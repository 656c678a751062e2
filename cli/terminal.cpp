#include "cli/terminal.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace plinth::cli {

namespace {
std::string styled(std::string_view text, std::string_view code, bool enabled) {
    if (!enabled) return std::string(text);
    std::string out(code);
    out += text;
    out += "\x1b[0m";
    return out;
}
}  // namespace

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stdin_is_terminal() { return isatty(STDIN_FILENO) == 1; }

bool color_wanted(bool no_color_flag, bool stdout_tty, const char* no_color_env, const char* term_env) {
    if (no_color_flag || !stdout_tty) return false;
    if (no_color_env && *no_color_env) return false;
    return !(term_env && std::string_view(term_env) == "dumb");
}

bool use_color(bool no_color_flag) {
    return color_wanted(no_color_flag, stdout_is_terminal(), std::getenv("NO_COLOR"), std::getenv("TERM"));
}

bool live_output_wanted(bool stdout_tty, const char* term_env) {
    return stdout_tty && !(term_env && std::string_view(term_env) == "dumb");
}

bool use_live_output() { return live_output_wanted(stdout_is_terminal(), std::getenv("TERM")); }

TerminalSize terminal_size() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) return {};
    return {size.ws_col, size.ws_row};
}

bool utf8_locale(const EnvironmentLookup& environment) {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        auto value = environment(name);
        if (!value) continue;
        std::string lower = *value;
        std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
        return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
    return false;
}

std::string bold(std::string_view text, bool enabled) { return styled(text, "\x1b[1m", enabled); }
std::string red(std::string_view text, bool enabled) { return styled(text, "\x1b[31m", enabled); }
std::string green(std::string_view text, bool enabled) { return styled(text, "\x1b[32m", enabled); }
std::string yellow(std::string_view text, bool enabled) { return styled(text, "\x1b[33m", enabled); }

}  // namespace plinth::cli
