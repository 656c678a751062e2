// bcrypt(string, cost = 10): the string hashed with bcrypt, through libxcrypt. As in Terraform, a
// fresh random salt is drawn on every call, so the result differs each time it is evaluated:
// use it where a changing value does no harm, or keep the hash in a resource.
#include <cerrno>
#include <crypt.h>
#include <cstring>
#include <fmt/format.h>
#include <memory>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

constexpr long long k_default_cost = 10;
constexpr long long k_min_cost = 4;
constexpr long long k_max_cost = 31;
constexpr std::size_t k_max_bytes = 72;  // bcrypt reads no further

FunctionResult bcrypt(Args args, const FunctionCallContext&) {
    auto text = string_arg("bcrypt", args, 0);
    if (!text) return std::unexpected(text.error());
    long long cost = k_default_cost;
    if (args.size() > 1) {
        auto given = integer_arg("bcrypt", args, 1);
        if (!given) return std::unexpected(given.error());
        cost = *given;
    }
    if (cost < k_min_cost || cost > k_max_cost)
        return std::unexpected(fmt::format("bcrypt: the cost must be from {} to {}, got {}", k_min_cost, k_max_cost, cost));
    if (text->size() > k_max_bytes)
        return std::unexpected(fmt::format("bcrypt: the string is {} bytes long; bcrypt hashes at most {}", text->size(), k_max_bytes));
    if (text->find('\0') != std::string::npos) return std::unexpected("bcrypt: the string holds a NUL character");
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, setting, sizeof setting))
        return std::unexpected(fmt::format("bcrypt: cannot make a salt: {}", std::strerror(errno)));
    auto data = std::make_unique<crypt_data>();  // large (tens of KB): not on the stack
    const char* hash = crypt_rn(text->c_str(), setting, data.get(), sizeof(crypt_data));
    if (!hash || hash[0] == '*') return std::unexpected(fmt::format("bcrypt: hashing failed: {}", std::strerror(errno)));
    return Value(std::string(hash));
}

}  // namespace

void add_bcrypt_functions(FunctionTable& table) {
    table.add({.name = "bcrypt", .min_args = 1, .max_args = 2, .impl = bcrypt});
}

}  // namespace plinth::expr
