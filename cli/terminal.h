// cli/terminal.h: what the CLI knows about its terminal: whether stdin/stdout are terminals,
// whether to use colour (NO_COLOR, --no-color, TERM=dumb, not a TTY), and ANSI styling helpers.
#pragma once

#include <string>
#include <string_view>

namespace plinth::cli {

bool stdout_is_terminal();
bool stdin_is_terminal();

// The colour decision from its inputs: off with --no-color, when NO_COLOR is set and not
// empty, when TERM is "dumb", or when stdout is not a terminal. Null means "not set".
bool color_wanted(bool no_color_flag, bool stdout_tty, const char* no_color_env, const char* term_env);
// The same for this process: its stdout and its environment.
bool use_color(bool no_color_flag);

// `text` in bold or a colour when `enabled`, unchanged otherwise.
std::string bold(std::string_view text, bool enabled);
std::string red(std::string_view text, bool enabled);
std::string green(std::string_view text, bool enabled);
std::string yellow(std::string_view text, bool enabled);

}  // namespace plinth::cli
