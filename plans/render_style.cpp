#include "plans/render_style.h"

namespace plinth::plans {

namespace {
std::string wrap(std::string_view text, std::string_view code, bool enabled) {
    if (!enabled) return std::string(text);
    std::string out;
    out.reserve(text.size() + code.size() + 4);
    out += code;
    out += text;
    out += "\x1b[0m";
    return out;
}
}  // namespace

std::string RenderStyle::bold(std::string_view text) const { return wrap(text, "\x1b[1m", color); }
std::string RenderStyle::red(std::string_view text) const { return wrap(text, "\x1b[31m", color); }
std::string RenderStyle::green(std::string_view text) const { return wrap(text, "\x1b[32m", color); }
std::string RenderStyle::yellow(std::string_view text) const { return wrap(text, "\x1b[33m", color); }
std::string RenderStyle::cyan(std::string_view text) const { return wrap(text, "\x1b[36m", color); }

}  // namespace plinth::plans
