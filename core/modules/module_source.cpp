#include "core/modules/module_source.h"

#include <array>
#include <tuple>

#include <fmt/format.h>

namespace plinth {

namespace {

constexpr std::string_view k_forms =
    "a module source is a local path (\"./net\", \"../shared/net\"), a git repository "
    "(\"git::https://host/org/repo.git//subdir?ref=v1.2.0\", \"git::file:///path/to/repo\", "
    "\"git::ssh://git@host/org/repo.git\") or the http(s) URL of an archive "
    "(\"https://host/site.tar.gz//subdir\"; .tar.gz, .tgz, .tar.bz2, .tar.xz or .zip)";

constexpr std::array<std::string_view, 5> k_archive_suffixes{".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip"};

std::unexpected<std::string> invalid(std::string_view text, std::string_view problem) {
    return std::unexpected(fmt::format("invalid module source \"{}\": {}", text, problem));
}

// Where the part after the scheme starts ("https://host/x" -> 8), or 0 when there is no scheme.
std::size_t after_scheme(std::string_view url) {
    std::size_t scheme = url.find("://");
    return scheme == std::string_view::npos ? 0 : scheme + 3;
}

// Splits `url//subdir` into the URL and a clean subdir; an error for a subdir leaving its root.
std::expected<std::pair<std::string, std::string>, std::string> split_subdir(std::string_view url) {
    std::size_t split = url.find("//", after_scheme(url));
    if (split == std::string_view::npos) return std::pair{std::string(url), std::string()};
    std::string_view subdir = url.substr(split + 2);
    while (subdir.starts_with('/')) subdir.remove_prefix(1);
    while (subdir.ends_with('/')) subdir.remove_suffix(1);
    for (std::string_view rest = subdir; !rest.empty();) {
        std::size_t slash = rest.find('/');
        if (rest.substr(0, slash) == "..") return std::unexpected("the subdirectory after `//` may not contain \"..\"");
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return std::pair{std::string(url.substr(0, split)), std::string(subdir)};
}

std::expected<ModuleSource, std::string> parse_git(std::string_view text, std::string_view rest) {
    ModuleSource source{ModuleSource::Kind::Git, {}, {}, {}};
    std::size_t query = rest.find('?');
    if (query != std::string_view::npos) {
        std::string_view parameter = rest.substr(query + 1);
        if (!parameter.starts_with("ref=") || parameter.find('&') != std::string_view::npos)
            return invalid(text, "the only query parameter of a git source is `?ref=` (a tag, branch or commit)");
        source.ref = std::string(parameter.substr(4));
        if (source.ref.empty() || source.ref.starts_with('-'))
            return invalid(text, "`?ref=` needs a tag, branch or commit name");
        rest = rest.substr(0, query);
    }
    bool known_scheme = rest.starts_with("https://") || rest.starts_with("http://") || rest.starts_with("ssh://") ||
                        rest.starts_with("file://");
    bool scp_like = rest.find("://") == std::string_view::npos && rest.find('@') != std::string_view::npos &&
                    rest.find(':') != std::string_view::npos && !rest.starts_with('-');
    if (!known_scheme && !scp_like)
        return invalid(text, "a git repository URL starts with https://, http://, ssh:// or file://, or is "
                             "user@host:path");
    auto parts = split_subdir(rest);
    if (!parts) return invalid(text, parts.error());
    std::tie(source.url, source.subdir) = std::move(*parts);
    if (source.url.size() <= after_scheme(source.url)) return invalid(text, "the repository URL is empty");
    return source;
}

std::expected<ModuleSource, std::string> parse_archive(std::string_view text) {
    std::size_t query = text.find('?');
    std::string_view address = text.substr(0, query);
    std::string_view query_text = query == std::string_view::npos ? std::string_view() : text.substr(query);
    auto parts = split_subdir(address);
    if (!parts) return invalid(text, parts.error());
    auto& [url, subdir] = *parts;
    bool archive = false;
    for (std::string_view suffix : k_archive_suffixes) archive = archive || url.ends_with(suffix);
    if (!archive)
        return invalid(text, "an http(s) URL must name a .tar.gz, .tgz, .tar.bz2, .tar.xz or .zip archive; "
                             "for a git repository over https, write \"git::https://...\"");
    return ModuleSource{ModuleSource::Kind::Archive, url + std::string(query_text), subdir, {}};
}

}  // namespace

std::expected<ModuleSource, std::string> parse_module_source(std::string_view text) {
    if (text.starts_with("./") || text.starts_with("../"))
        return ModuleSource{ModuleSource::Kind::Local, std::string(text), {}, {}};
    if (text.starts_with("git::")) return parse_git(text, text.substr(5));
    if (text.starts_with("https://") || text.starts_with("http://")) return parse_archive(text);
    if (text.empty()) return std::unexpected(fmt::format("empty module source: {}", k_forms));
    return std::unexpected(fmt::format("unsupported module source \"{}\": {}", text, k_forms));
}

}  // namespace plinth
