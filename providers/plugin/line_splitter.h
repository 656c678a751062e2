// providers/plugin/line_splitter.h: turns bytes read from a pipe in arbitrary chunks into whole
// lines (without the '\n'; a trailing '\r' is dropped too).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::providers {

class LineSplitter {
public:
    // The lines `chunk` completes, in order; an incomplete last line waits for the next chunk.
    std::vector<std::string> feed(std::string_view chunk);
    // What is left when the stream ends: the last line if it had no '\n', else nothing.
    std::vector<std::string> finish();

private:
    std::string m_partial;
};

}  // namespace plinth::providers
