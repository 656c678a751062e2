#include "core/stack/fingerprint.h"

#include <fmt/format.h>

#include "core/digest.h"

namespace plinth {

std::string stack_fingerprint(const std::vector<StackFile>& files) {
    std::string text;
    for (const auto& file : files) {
        text += fmt::format("{}:{}\n{}:", file.name.size(), file.name, file.content.size());
        text += file.content;
        text += '\n';
    }
    return sha256_hex(text);
}

}  // namespace plinth
