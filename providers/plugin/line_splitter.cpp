#include "providers/plugin/line_splitter.h"

namespace plinth::providers {

namespace {
std::string without_cr(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}
}  // namespace

std::vector<std::string> LineSplitter::feed(std::string_view chunk) {
    std::vector<std::string> lines;
    for (std::size_t end; (end = chunk.find('\n')) != std::string_view::npos; chunk.remove_prefix(end + 1)) {
        m_partial.append(chunk.substr(0, end));
        lines.push_back(without_cr(std::move(m_partial)));
        m_partial.clear();
    }
    m_partial.append(chunk);
    return lines;
}

std::vector<std::string> LineSplitter::finish() {
    if (m_partial.empty()) return {};
    std::vector<std::string> lines{without_cr(std::move(m_partial))};
    m_partial.clear();
    return lines;
}

}  // namespace plinth::providers
