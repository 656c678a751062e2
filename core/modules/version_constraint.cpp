#include "core/modules/version_constraint.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

namespace plinth {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t value = 0;
    if (!all_digits(text)) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// A version with one to three numbers and, when all three are given, an optional prerelease.
// Sets `segments` to how many numbers were written.
std::optional<SemVer> parse_partial(std::string_view text, int& segments) {
    if (text.starts_with('v')) text.remove_prefix(1);
    text = text.substr(0, text.find('+'));
    SemVer version;
    std::size_t dash = text.find('-');
    if (dash != std::string_view::npos) {
        version.prerelease = std::string(text.substr(dash + 1));
        text = text.substr(0, dash);
        if (version.prerelease.empty()) return std::nullopt;
    }
    std::array<std::uint64_t*, 3> parts{&version.major, &version.minor, &version.patch};
    segments = 0;
    while (segments < 3) {
        std::size_t dot = text.find('.');
        auto value = number(text.substr(0, dot));
        if (!value) return std::nullopt;
        *parts[static_cast<std::size_t>(segments++)] = *value;
        if (dot == std::string_view::npos) break;
        text.remove_prefix(dot + 1);
        if (segments == 3) return std::nullopt;
    }
    if (!version.prerelease.empty() && segments != 3) return std::nullopt;
    return version;
}

std::strong_ordering compare_prerelease(std::string_view a, std::string_view b) {
    // A release sorts after its prereleases.
    if (a.empty() != b.empty()) return a.empty() ? std::strong_ordering::greater : std::strong_ordering::less;
    if (a.empty()) return std::strong_ordering::equal;
    while (true) {
        std::string_view left = a.substr(0, a.find('.'));
        std::string_view right = b.substr(0, b.find('.'));
        auto left_number = number(left);
        auto right_number = number(right);
        std::strong_ordering order = std::strong_ordering::equal;
        if (left_number && right_number) order = *left_number <=> *right_number;
        else if (left_number || right_number) order = left_number ? std::strong_ordering::less : std::strong_ordering::greater;
        else order = left.compare(right) <=> 0;
        if (order != 0) return order;
        bool left_more = left.size() < a.size();
        bool right_more = right.size() < b.size();
        if (!left_more || !right_more) return left_more <=> right_more;  // more identifiers sort later
        a.remove_prefix(left.size() + 1);
        b.remove_prefix(right.size() + 1);
    }
}

}  // namespace

std::strong_ordering SemVer::operator<=>(const SemVer& other) const {
    if (auto order = major <=> other.major; order != 0) return order;
    if (auto order = minor <=> other.minor; order != 0) return order;
    if (auto order = patch <=> other.patch; order != 0) return order;
    return compare_prerelease(prerelease, other.prerelease);
}

std::optional<SemVer> parse_semver(std::string_view text) {
    int segments = 0;
    auto version = parse_partial(text, segments);
    if (!version || segments != 3) return std::nullopt;
    return version;
}

std::expected<VersionConstraint::Term, std::string> VersionConstraint::parse_term(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, Operator>, 7> k_operators{{
        {"~>", Operator::Pessimistic},
        {">=", Operator::GreaterEqual},
        {"<=", Operator::LessEqual},
        {"!=", Operator::NotEqual},
        {">", Operator::Greater},
        {"<", Operator::Less},
        {"=", Operator::Equal},
    }};
    Term term;
    text = trim(text);
    for (const auto& [symbol, op] : k_operators) {
        if (!text.starts_with(symbol)) continue;
        term.op = op;
        text = trim(text.substr(symbol.size()));
        break;
    }
    auto version = parse_partial(text, term.segments);
    if (!version) return std::unexpected(fmt::format("\"{}\" is not a version", text));
    term.version = std::move(*version);
    return term;
}

std::expected<VersionConstraint, std::string> VersionConstraint::parse(std::string_view text) {
    VersionConstraint constraint;
    std::string_view rest = text;
    while (true) {
        std::size_t comma = rest.find(',');
        auto term = parse_term(rest.substr(0, comma));
        if (!term)
            return std::unexpected(fmt::format(
                "invalid version constraint \"{}\": {} (expected terms such as \"1.2.0\", \">= 1.2, < 2\" or "
                "\"~> 1.2\", with operators =, !=, >, >=, <, <=, ~>)",
                text, term.error()));
        constraint.m_terms.push_back(std::move(*term));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return constraint;
}

bool VersionConstraint::term_allows(const Term& term, const SemVer& version) {
    const SemVer& bound = term.version;
    if (!version.prerelease.empty()) {
        bool same_release = bound.major == version.major && bound.minor == version.minor && bound.patch == version.patch;
        if (bound.prerelease.empty() || !same_release) return false;
    }
    switch (term.op) {
        case Operator::Equal: return version == bound;
        case Operator::NotEqual: return version != bound;
        case Operator::Greater: return version > bound;
        case Operator::GreaterEqual: return version >= bound;
        case Operator::Less: return version < bound;
        case Operator::LessEqual: return version <= bound;
        case Operator::Pessimistic: break;
    }
    // ~>: at least the bound, and the same in every written number but the last.
    if (version < bound) return false;
    if (term.segments >= 2 && version.major != bound.major) return false;
    if (term.segments == 3 && version.minor != bound.minor) return false;
    return true;
}

bool VersionConstraint::allows(const SemVer& version) const {
    return std::all_of(m_terms.begin(), m_terms.end(), [&](const Term& term) { return term_allows(term, version); });
}

std::optional<std::string> highest_allowed_tag(const std::vector<std::string>& tags,
                                               const VersionConstraint& constraint) {
    std::optional<std::string> best_tag;
    std::optional<SemVer> best;
    for (const auto& tag : tags) {
        auto version = parse_semver(tag);
        if (!version || !constraint.allows(*version)) continue;
        if (!best || *version > *best) {
            best = std::move(version);
            best_tag = tag;
        }
    }
    return best_tag;
}

}  // namespace plinth
