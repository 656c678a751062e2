// core/stack/format/entry_line.h: the first line of a block mapping entry or sequence item, read
// as far as the formatter needs: where a key's `:` is, and what follows it (or an item's `-`): a
// value on the lines below, a block scalar header, an alias or a value on the line itself.
// Private to core/stack/format.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plinth::format {

enum class ValueStart {
    Below,        // nothing but anchors, tags or a comment: the value is on the lines below (or null)
    BlockScalar,  // `|` or `>`: the lines below are its text
    Alias,        // `*name`
    Inline,       // a scalar or flow collection starting on this line
};

struct EntryValue {
    ValueStart start = ValueStart::Below;
    std::size_t text_at = 0;       // where the text after the separating whitespace starts
    bool explicit_indent = false;  // a block scalar with an indentation indicator (`|2`)
};

// The `:` ending the key of a mapping entry whose key starts at `column` (plain, single- or
// double-quoted); null when there is none or the key is an explicit `? key`.
std::optional<std::size_t> key_colon(std::string_view line, int column);

// What the line holds from `after` on (just after a key's `:` or an item's `-`).
EntryValue read_entry_value(std::string_view line, std::size_t after);

}  // namespace plinth::format
