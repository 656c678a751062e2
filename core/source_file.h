// core/source_file.h: the name of a source file as locations carry it. Names are interned: a stack
// of 100,000 resources holds millions of locations, each naming one of a handful of files, so a
// location holds a pointer to the one shared copy instead of a string of its own. Interned names
// live as long as the process.
#pragma once

#include <fmt/format.h>

#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

namespace plinth {

class SourceFile {
public:
    SourceFile();  // the empty name: no file
    SourceFile(std::string_view name);
    SourceFile(const std::string& name) : SourceFile(std::string_view(name)) {}
    SourceFile(const char* name) : SourceFile(std::string_view(name)) {}

    const std::string& str() const { return *m_name; }
    bool empty() const { return m_name->empty(); }

    // Interned names are equal exactly when they are the same copy.
    friend bool operator==(const SourceFile& a, const SourceFile& b) { return a.m_name == b.m_name; }
    template <typename Text>
        requires std::is_convertible_v<const Text&, std::string_view>
    friend bool operator==(const SourceFile& file, const Text& text) {
        return *file.m_name == std::string_view(text);
    }
    friend std::ostream& operator<<(std::ostream& out, const SourceFile& file) { return out << *file.m_name; }

private:
    const std::string* m_name;  // never null
};

}  // namespace plinth

template <>
struct fmt::formatter<plinth::SourceFile> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const plinth::SourceFile& file, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(file.str(), context);
    }
};
