// IP network functions: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets, for IPv4 and IPv6
// prefixes. Addresses are held as 128-bit numbers; an IPv4 address uses the low 32 bits.
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <optional>
#include <vector>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

using Address = unsigned __int128;

struct Prefix {
    Address address = 0;
    int bits = 0;    // the prefix length
    int width = 32;  // 32 for IPv4, 128 for IPv6
};

std::optional<Address> parse_ipv4(std::string_view text) {
    if (std::count(text.begin(), text.end(), '.') != 3) return std::nullopt;
    Address out = 0;
    int parts = 0;
    std::size_t pos = 0;
    while (parts < 4) {
        std::size_t end = text.find('.', pos);
        std::string_view part = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
        if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
        int value = std::stoi(std::string(part));
        if (value > 255) return std::nullopt;
        out = (out << 8) | static_cast<Address>(value);
        ++parts;
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    if (parts != 4) return std::nullopt;
    return out;
}

// The 16-bit groups of `text` ("2001:db8" -> {0x2001, 0xdb8}); null when one is not hex.
std::optional<std::vector<unsigned>> hex_groups(std::string_view text) {
    std::vector<unsigned> groups;
    if (text.empty()) return groups;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = text.find(':', pos);
        std::string_view group = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
        if (group.empty() || group.size() > 4 || group.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
            return std::nullopt;
        groups.push_back(static_cast<unsigned>(std::stoul(std::string(group), nullptr, 16)));
        if (end == std::string_view::npos) return groups;
        pos = end + 1;
    }
}

std::optional<Address> parse_ipv6(std::string_view text) {
    std::size_t gap = text.find("::");
    auto head = hex_groups(gap == std::string_view::npos ? text : text.substr(0, gap));
    auto tail = hex_groups(gap == std::string_view::npos ? std::string_view() : text.substr(gap + 2));
    if (!head || !tail) return std::nullopt;
    std::size_t count = head->size() + tail->size();
    if (gap == std::string_view::npos ? count != 8 : count > 7) return std::nullopt;
    head->resize(8 - tail->size(), 0);
    head->insert(head->end(), tail->begin(), tail->end());
    Address out = 0;
    for (unsigned group : *head) out = (out << 16) | group;
    return out;
}

std::expected<Prefix, std::string> parse_prefix(std::string_view function, std::string_view text) {
    auto invalid = [&] { return std::unexpected(fmt::format("{}: invalid CIDR prefix \"{}\"", function, text)); };
    std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return invalid();
    std::string_view length = text.substr(slash + 1);
    if (length.empty() || length.size() > 3 || length.find_first_not_of("0123456789") != std::string_view::npos)
        return invalid();
    Prefix prefix;
    prefix.bits = std::stoi(std::string(length));
    std::string_view host = text.substr(0, slash);
    std::optional<Address> address;
    if (host.find(':') != std::string_view::npos) {
        prefix.width = 128;
        address = parse_ipv6(host);
    } else {
        address = parse_ipv4(host);
    }
    if (!address || prefix.bits > prefix.width) return invalid();
    prefix.address = *address;
    return prefix;
}

Address host_mask(const Prefix& prefix) {
    int host_bits = prefix.width - prefix.bits;
    return host_bits >= 128 ? ~Address(0) : (Address(1) << host_bits) - 1;
}

Address network_of(const Prefix& prefix) { return prefix.address & ~host_mask(prefix); }

std::string ipv6_text(Address address) {
    std::array<unsigned, 8> groups{};
    for (int i = 7; i >= 0; --i, address >>= 16) groups[static_cast<std::size_t>(i)] = static_cast<unsigned>(address & 0xFFFF);
    // The longest run of two or more zero groups becomes "::".
    int best = -1, best_length = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && groups[static_cast<std::size_t>(j)] == 0) ++j;
        if (j - i > best_length) {
            best = i;
            best_length = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            out += "::";
            i += best_length - 1;
            continue;
        }
        if (!out.empty() && !out.ends_with(':')) out += ':';
        out += fmt::format("{:x}", groups[static_cast<std::size_t>(i)]);
    }
    return out;
}

std::string address_text(Address address, int width) {
    if (width == 128) return ipv6_text(address);
    auto v = static_cast<unsigned>(address);
    return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
}

FunctionResult cidrhost(Args args, const FunctionCallContext&) {
    auto text = string_arg("cidrhost", args, 0);
    if (!text) return std::unexpected(text.error());
    auto prefix = parse_prefix("cidrhost", *text);
    if (!prefix) return std::unexpected(prefix.error());
    auto number = integer_arg("cidrhost", args, 1);
    if (!number) return std::unexpected(number.error());
    Address size = host_mask(*prefix);
    auto magnitude = static_cast<Address>(*number < 0 ? -*number : *number);
    if ((*number >= 0 && magnitude > size) || (*number < 0 && magnitude - 1 > size))
        return std::unexpected(fmt::format("cidrhost: prefix of {} bits cannot accommodate a host numbered {}",
                                           prefix->bits, *number));
    Address network = network_of(*prefix);
    Address host = *number >= 0 ? network + magnitude : network + size + 1 - magnitude;
    return Value(address_text(host, prefix->width));
}

FunctionResult cidrnetmask(Args args, const FunctionCallContext&) {
    auto text = string_arg("cidrnetmask", args, 0);
    if (!text) return std::unexpected(text.error());
    auto prefix = parse_prefix("cidrnetmask", *text);
    if (!prefix) return std::unexpected(prefix.error());
    if (prefix->width != 32) return std::unexpected(std::string("cidrnetmask: only IPv4 prefixes have a netmask"));
    return Value(address_text(~host_mask(*prefix) & 0xFFFFFFFFu, 32));
}

// The subnet `number` of `newbits` extra bits within `prefix`.
std::expected<std::string, std::string> subnet(std::string_view function, const Prefix& prefix, long long newbits,
                                               long long number) {
    if (newbits < 0 || prefix.bits + newbits > prefix.width)
        return std::unexpected(fmt::format("{}: {} new bits would extend the prefix /{} past {} bits", function, newbits,
                                           prefix.bits, prefix.width));
    if (number < 0 || (newbits < 64 && static_cast<unsigned long long>(number) >= (1ULL << newbits)))
        return std::unexpected(fmt::format("{}: prefix extension of {} bits cannot accommodate network number {}",
                                           function, newbits, number));
    int length = prefix.bits + static_cast<int>(newbits);
    Address base = network_of(prefix) | (static_cast<Address>(number) << (prefix.width - length));
    return fmt::format("{}/{}", address_text(base, prefix.width), length);
}

FunctionResult cidrsubnet(Args args, const FunctionCallContext&) {
    auto text = string_arg("cidrsubnet", args, 0);
    if (!text) return std::unexpected(text.error());
    auto prefix = parse_prefix("cidrsubnet", *text);
    if (!prefix) return std::unexpected(prefix.error());
    auto newbits = integer_arg("cidrsubnet", args, 1);
    if (!newbits) return std::unexpected(newbits.error());
    auto number = integer_arg("cidrsubnet", args, 2);
    if (!number) return std::unexpected(number.error());
    auto result = subnet("cidrsubnet", *prefix, *newbits, *number);
    if (!result) return std::unexpected(result.error());
    return Value(std::move(*result));
}

// Consecutive subnets, each aligned to its own size after the previous one, as Terraform does.
FunctionResult cidrsubnets(Args args, const FunctionCallContext&) {
    auto text = string_arg("cidrsubnets", args, 0);
    if (!text) return std::unexpected(text.error());
    auto prefix = parse_prefix("cidrsubnets", *text);
    if (!prefix) return std::unexpected(prefix.error());
    Address network = network_of(*prefix);
    Address next = network;
    bool full = false;
    ValueList out;
    for (std::size_t i = 1; i < args.size(); ++i) {
        auto newbits = integer_arg("cidrsubnets", args, i);
        if (!newbits) return std::unexpected(newbits.error());
        if (*newbits < 1 || prefix->bits + *newbits > prefix->width)
            return std::unexpected(fmt::format("cidrsubnets: argument {} must be between 1 and {}, got {}", i + 1,
                                               prefix->width - prefix->bits, *newbits));
        int length = prefix->bits + static_cast<int>(*newbits);
        Address size = Address(1) << (prefix->width - length);
        Address base = (next + size - 1) & ~(size - 1);
        if (full || base < next || base - network > host_mask(*prefix) - (size - 1))
            return std::unexpected(fmt::format("cidrsubnets: not enough remaining address space for a subnet with a "
                                               "prefix of {} bits", length));
        out.emplace_back(fmt::format("{}/{}", address_text(base, prefix->width), length));
        next = base + size;
        full = next == 0;
    }
    return Value(std::move(out));
}

}  // namespace

void add_network_functions(FunctionTable& table) {
    table.add({.name = "cidrhost", .min_args = 2, .max_args = 2, .impl = cidrhost});
    table.add({.name = "cidrnetmask", .min_args = 1, .max_args = 1, .impl = cidrnetmask});
    table.add({.name = "cidrsubnet", .min_args = 3, .max_args = 3, .impl = cidrsubnet});
    table.add({.name = "cidrsubnets", .min_args = 1, .max_args = -1, .impl = cidrsubnets});
}

}  // namespace plinth::expr
