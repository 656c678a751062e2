#include "plans/requirements.h"

#include <fmt/format.h>

#include "core/modules/version_constraint.h"
#include "core/version.h"

namespace plinth::plans {

std::optional<Diagnostic> check_plinth_requirement(const Requirements& requirements) {
    if (!requirements.plinth) return std::nullopt;
    const VersionRequirement& requirement = *requirements.plinth;
    auto constraint = VersionConstraint::parse(requirement.constraint);
    if (!constraint)
        return make_error("invalid version constraint for plinth", constraint.error(), requirement.location);
    if (auto version = parse_semver(k_version); version && constraint->allows(*version)) return std::nullopt;
    return make_error(fmt::format("this stack requires plinth {}, but this is plinth {}", requirement.constraint,
                                  k_version),
                      "install a plinth version the stack allows, or change `requires`", requirement.location);
}

std::optional<Diagnostic> check_provider_requirement(const Requirements& requirements,
                                                     const providers::ProviderSchema& schema,
                                                     const std::string& origin) {
    auto required = requirements.providers.find(schema.name);
    if (required == requirements.providers.end()) return std::nullopt;
    const VersionRequirement& requirement = required->second;
    auto constraint = VersionConstraint::parse(requirement.constraint);
    if (!constraint)
        return make_error(fmt::format("invalid version constraint for provider `{}`", schema.name), constraint.error(),
                          requirement.location);
    auto version = parse_semver(schema.version);
    if (!version)
        return make_error(fmt::format("provider `{}` reports version \"{}\", which is not a semantic version",
                                      schema.name, schema.version),
                          fmt::format("the stack requires {} (provider from {})", requirement.constraint, origin),
                          requirement.location);
    if (constraint->allows(*version)) return std::nullopt;
    return make_error(fmt::format("provider `{}` {} does not satisfy \"{}\"", schema.name, schema.version,
                                  requirement.constraint),
                      fmt::format("the provider comes from {}; install a version the stack allows, or change "
                                  "`requires`",
                                  origin),
                      requirement.location);
}

std::expected<std::vector<RequiredProvider>, Diagnostics> check_required_providers(
    const Requirements& requirements, const providers::ProviderRegistry& registry) {
    std::vector<RequiredProvider> found;
    Diagnostics problems;
    for (const auto& [name, requirement] : requirements.providers) {
        auto provider = registry.create(name);
        if (!provider) {
            bool missing = provider.error().kind == providers::ProviderError::Kind::NotFound;
            problems.add_error(missing ? fmt::format("required provider `{}` is not installed", name)
                                       : provider.error().summary,
                               missing ? fmt::format("put an executable `plinth-provider-{}` in .plinth/providers/, "
                                                     "the stack's providers_dir, or on PATH",
                                                     name)
                                       : provider.error().detail,
                               requirement.location);
            continue;
        }
        const auto& schema = (*provider)->schema();
        if (auto unmet = check_provider_requirement(requirements, schema, registry.origin(name))) {
            problems.add(*unmet);
            continue;
        }
        found.push_back(RequiredProvider{name, schema.version, registry.origin(name)});
    }
    if (problems.has_errors()) return std::unexpected(std::move(problems));
    return found;
}

}  // namespace plinth::plans
