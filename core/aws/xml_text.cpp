#include "core/aws/xml_text.h"

#include <charconv>

#include "core/utf8.h"

namespace plinth::aws {

namespace {

// Appends the character a numeric reference ("#65", "#x41") names, as UTF-8; false when invalid.
bool append_code_point(std::string& out, std::string_view reference) {
    unsigned long code = 0;
    bool hex = reference.size() > 1 && (reference[1] == 'x' || reference[1] == 'X');
    std::string_view digits = reference.substr(hex ? 2 : 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (error != std::errc{} || end != digits.data() + digits.size() || code > 0x10FFFF) return false;
    append_utf8(out, static_cast<std::uint32_t>(code));
    return true;
}

std::string decode_entities(std::string_view text) {
    static constexpr std::pair<std::string_view, char> k_named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        if (semicolon == std::string_view::npos) {
            out += text[i];
            continue;
        }
        std::string_view name = text.substr(i + 1, semicolon - i - 1);
        bool decoded = false;
        for (const auto& [entity, character] : k_named)
            if (name == entity) {
                out += character;
                decoded = true;
            }
        if (!decoded && name.starts_with('#')) decoded = append_code_point(out, name);
        if (decoded) i = semicolon;
        else out += text[i];
    }
    return out;
}

}  // namespace

std::vector<std::string> xml_elements(std::string_view xml, std::string_view tag) {
    std::string open = "<" + std::string(tag) + ">";
    std::string close = "</" + std::string(tag) + ">";
    std::vector<std::string> found;
    for (std::size_t at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at)) {
        std::size_t start = at + open.size();
        std::size_t end = xml.find(close, start);
        if (end == std::string_view::npos) break;
        found.push_back(decode_entities(xml.substr(start, end - start)));
        at = end + close.size();
    }
    return found;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::optional<std::string> xml_element(std::string_view xml, std::string_view tag) {
    auto found = xml_elements(xml, tag);
    if (found.empty()) return std::nullopt;
    return found.front();
}

}  // namespace plinth::aws
