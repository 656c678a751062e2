// plans/render_value.h: whole values as HCL-style text, the way Terraform shows them in plans and
// in `show`: strings quoted, multi-line strings as `<<-EOT` heredocs, lists and maps over several
// lines. Every line may be led by an action mark (+ ~ -) two columns left of its text.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"
#include "plans/render_style.h"

namespace plinth::plans {

enum class Mark { None, Create, Update, Delete };

// The start of a line whose text begins at `column`: indentation with the mark's symbol
// (coloured) two columns to the left of the text. `Mark::None` gives indentation only.
std::string line_start(int column, Mark mark, const RenderStyle& style);

// `text` as an HCL string literal, with quotes, escapes and `${` written `$${`.
std::string hcl_quote(std::string_view text);

// A map key or attribute name as shown: quoted when `always_quote` or not a plain identifier.
std::string key_text(std::string_view key, bool always_quote);

// `text` padded with spaces to `width` characters.
std::string pad(std::string_view text, std::size_t width);

// True for strings shown as heredocs.
bool is_multiline(const Value& value);

// `value` as it continues a line whose text starts at `column`: scalars inline, lists, maps and
// heredocs over further lines, nested elements led by `mark`. Sensitive values show as
// "(sensitive value)", unknown ones as "(known after apply)". No trailing newline.
std::string render_value(const Value& value, Mark mark, int column, const RenderStyle& style);

}  // namespace plinth::plans
