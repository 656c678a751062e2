#include "core/source_file.h"

#include <mutex>
#include <unordered_set>

namespace plinth {
namespace {

// Elements of an unordered_set keep their addresses when it grows.
class NameTable {
public:
    const std::string* intern(std::string_view name) {
        std::lock_guard lock(m_mutex);
        return &*m_names.emplace(name).first;
    }

private:
    std::mutex m_mutex;
    std::unordered_set<std::string> m_names;
};

NameTable& names() {
    static NameTable* table = new NameTable;  // never destroyed: locations may outlive statics
    return *table;
}

}  // namespace

SourceFile::SourceFile() {
    static const std::string* const empty = names().intern("");
    m_name = empty;
}

SourceFile::SourceFile(std::string_view name) : m_name(names().intern(name)) {}

}  // namespace plinth
