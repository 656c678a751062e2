#include "core/address.h"

#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace plinth {

std::string key_suffix(const InstanceKey& key) {
    if (const auto* index = std::get_if<std::int64_t>(&key)) return fmt::format("[{}]", *index);
    if (const auto* name = std::get_if<std::string>(&key)) return "[" + nlohmann::json(*name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]";
    return "";
}

std::string to_string(const ModuleInstancePath& path) {
    std::string text;
    for (const auto& step : path) text += (text.empty() ? "" : ".") + ("module." + step.name) + key_suffix(step.key);
    return text;
}

std::string config_path_string(const ModuleInstancePath& path) {
    std::string text;
    for (const auto& step : path) text += (text.empty() ? "" : ".") + ("module." + step.name);
    return text;
}

std::string InstanceAddress::to_string() const {
    std::string prefix = plinth::to_string(module);
    if (name.empty()) return prefix;  // a module alone
    return (prefix.empty() ? "" : prefix + ".") + (data ? "data." : "") + name + key_suffix(key);
}

std::string InstanceAddress::config_address() const {
    std::string prefix = config_path_string(module);
    return (prefix.empty() ? "" : prefix + ".") + (data ? "data." : "") + name;
}

namespace {

class AddressParser {
public:
    // With `module_alone`, a module path with nothing after it (`module.net["a"]`) is accepted too.
    AddressParser(std::string_view text, bool module_alone) : m_text(text), m_module_alone(module_alone) {}

    std::expected<InstanceAddress, std::string> parse() {
        InstanceAddress address;
        while (true) {
            auto name = read_name();
            if (!name) return std::unexpected(name.error());
            if (*name == "module" && peek() == '.') {
                ++m_pos;
                auto module_name = read_name();
                if (!module_name) return std::unexpected(module_name.error());
                auto key = read_key();
                if (!key) return std::unexpected(key.error());
                address.module.push_back(ModuleStep{std::move(*module_name), std::move(*key)});
                if (m_module_alone && m_pos == m_text.size()) return address;
                if (!consume('.')) return error("a resource after the module");
                continue;
            }
            if (*name == "data" && peek() == '.') {
                ++m_pos;
                address.data = true;
                name = read_name();
                if (!name) return std::unexpected(name.error());
            }
            address.name = std::move(*name);
            auto key = read_key();
            if (!key) return std::unexpected(key.error());
            address.key = std::move(*key);
            if (m_pos != m_text.size()) return error("the end of the address");
            return address;
        }
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool consume(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    std::unexpected<std::string> error(std::string_view expected) const {
        return std::unexpected(fmt::format("invalid address `{}`: expected {} at column {}", m_text, expected, m_pos + 1));
    }

    std::expected<std::string, std::string> read_name() {
        std::size_t start = m_pos;
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
            if (!ok) break;
            ++m_pos;
        }
        if (m_pos == start) return error("a name");
        return std::string(m_text.substr(start, m_pos - start));
    }

    std::expected<InstanceKey, std::string> read_key() {
        if (!consume('[')) return InstanceKey{};
        if (peek() == '"') {
            std::size_t start = m_pos;
            ++m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != '"') m_pos += m_text[m_pos] == '\\' ? 2 : 1;
            if (!consume('"')) return error("a closing quote");
            auto parsed = nlohmann::json::parse(m_text.substr(start, m_pos - start), nullptr, false);
            if (!parsed.is_string()) return error("a quoted key");
            if (!consume(']')) return error("`]`");
            return InstanceKey{parsed.get<std::string>()};
        }
        std::int64_t index = 0;
        auto [end, failure] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_text.size(), index);
        if (failure != std::errc() || index < 0) return error("an index or a quoted key");
        m_pos = static_cast<std::size_t>(end - m_text.data());
        if (!consume(']')) return error("`]`");
        return InstanceKey{index};
    }

    std::string_view m_text;
    bool m_module_alone;
    std::size_t m_pos = 0;
};

}  // namespace

std::expected<InstanceAddress, std::string> parse_instance_address(std::string_view text) {
    return AddressParser(text, false).parse();
}

std::expected<InstanceAddress, std::string> parse_state_address(std::string_view text) {
    return AddressParser(text, true).parse();
}

}  // namespace plinth
