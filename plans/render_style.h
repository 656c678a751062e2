// plans/render_style.h: how the human renderers style text: plain, or with the ANSI colours and
// bold that Terraform uses. Kept free of any terminal detection; the CLI decides `color`.
#pragma once

#include <string>
#include <string_view>

namespace plinth::plans {

struct RenderStyle {
    bool color = false;  // wrap styled text in ANSI escape codes

    std::string bold(std::string_view text) const;
    std::string red(std::string_view text) const;
    std::string green(std::string_view text) const;
    std::string yellow(std::string_view text) const;
    std::string cyan(std::string_view text) const;
};

}  // namespace plinth::plans
