// core/modules/version_constraint.h: semantic versions (X.Y.Z with an optional -prerelease) and
// Terraform's version constraints ("1.2.0", ">= 1.2, < 2", "~> 1.2", "!= 1.3.1"), used to pick
// the git tag a module's `version` asks for.
#pragma once

#include <compare>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth {

struct SemVer {
    std::uint64_t major = 0;
    std::uint64_t minor = 0;
    std::uint64_t patch = 0;
    std::string prerelease;  // "rc.1" in 1.2.0-rc.1; empty for a release

    // Semantic-versioning precedence: a prerelease sorts before its release, and its
    // dot-separated identifiers compare numerically when both are numbers.
    std::strong_ordering operator<=>(const SemVer& other) const;
    bool operator==(const SemVer& other) const = default;
};

// "1.2.3", "v1.2.3", "1.2.3-rc.1" (build metadata after '+' is ignored): exactly three numbers.
// Null for anything else, so that tags which are not versions are skipped.
std::optional<SemVer> parse_semver(std::string_view text);

// One or more comma-separated terms, all of which must hold. A term is an operator (=, !=, >,
// >=, <, <=, ~>; none means =) and a version of one to three numbers ("2" is 2.0.0). `~> 1.2`
// allows 1.2 and later 1.x; `~> 1.2.0` allows 1.2.x from 1.2.0. As in Terraform, a prerelease
// is allowed only by a term naming a prerelease of the same X.Y.Z.
class VersionConstraint {
public:
    static std::expected<VersionConstraint, std::string> parse(std::string_view text);

    bool allows(const SemVer& version) const;

private:
    enum class Operator { Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual, Pessimistic };
    struct Term {
        Operator op = Operator::Equal;
        SemVer version;
        int segments = 3;  // how many of major, minor, patch were written
    };
    static std::expected<Term, std::string> parse_term(std::string_view text);
    static bool term_allows(const Term& term, const SemVer& version);

    std::vector<Term> m_terms;  // never empty
};

// The highest of `tags` (vX.Y.Z or X.Y.Z) the constraint allows; null when none does.
std::optional<std::string> highest_allowed_tag(const std::vector<std::string>& tags,
                                               const VersionConstraint& constraint);

}  // namespace plinth
