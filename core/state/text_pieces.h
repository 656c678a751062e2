// core/state/text_pieces.h: a text handed on piece by piece instead of whole. The state of
// 100,000 resources is tens of megabytes of JSON; written to a local file as it is produced, it is
// never held in memory at once (a string grown to that size takes up to three times as much).
#pragma once

#include <functional>
#include <string_view>

namespace plinth {

// Receives the next piece of the text.
using TextSink = std::function<void(std::string_view piece)>;

// Produces a text by calling its sink with every piece, in order.
using TextProducer = std::function<void(const TextSink& sink)>;

}  // namespace plinth
