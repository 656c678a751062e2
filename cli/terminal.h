// cli/terminal.h: what the CLI knows about its terminal: whether stdin/stdout are terminals,
// whether to use colour (NO_COLOR, --no-color, TERM=dumb, not a TTY), whether output may redraw
// lines in place (a live status area), its size and whether it takes UTF-8; ANSI styling helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/environment.h"

namespace plinth::cli {

bool stdout_is_terminal();
bool stdin_is_terminal();

// The colour decision from its inputs: off with --no-color, when NO_COLOR is set and not
// empty, when TERM is "dumb", or when stdout is not a terminal. Null means "not set".
bool color_wanted(bool no_color_flag, bool stdout_tty, const char* no_color_env, const char* term_env);
// The same for this process: its stdout and its environment.
bool use_color(bool no_color_flag);

// Whether output may move the cursor to redraw lines: on a terminal whose TERM is not "dumb".
bool live_output_wanted(bool stdout_tty, const char* term_env);
// The same for this process.
bool use_live_output();

struct TerminalSize {
    std::size_t columns = 80;
    std::size_t rows = 24;
};
// Stdout's terminal size; 80x24 when it is not a terminal or does not say.
TerminalSize terminal_size();

// Whether the locale takes UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set names it.
bool utf8_locale(const EnvironmentLookup& environment);

// `text` in bold or a colour when `enabled`, unchanged otherwise.
std::string bold(std::string_view text, bool enabled);
std::string red(std::string_view text, bool enabled);
std::string green(std::string_view text, bool enabled);
std::string yellow(std::string_view text, bool enabled);

}  // namespace plinth::cli
