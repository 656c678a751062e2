#include "core/stack/loader.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <sstream>

#include "core/stack/declarations.h"
#include "core/stack/fingerprint.h"
#include "core/stack/reference_check.h"
#include "core/stack/yaml_source.h"

namespace plinth {
namespace {

namespace fs = std::filesystem;

template <typename T>
void append(std::vector<T>& to, std::vector<T> more) {
    for (auto& item : more) to.push_back(std::move(item));
}

// Collects the declarations of every file into one Stack, reporting each problem as it goes.
class StackBuilder {
public:
    void add_file(const YamlFile& file);
    std::expected<Stack, Diagnostics> finish(const fs::path& dir, const std::vector<StackFile>& files, StackRole role);

private:
    void add_entry(const MappingEntry& entry, const YamlFile& file);
    void set_once(const MappingEntry& entry, const YamlFile& file, std::string& target,
                  std::optional<SourceLocation>& given_at);
    // False, after an error naming the first place, when the key was given before.
    bool first_given(const MappingEntry& entry, std::optional<SourceLocation>& given_at);
    template <typename Decl, typename Parse>
    void add_section(const MappingEntry& section, const YamlFile& file, std::string_view kind,
                     std::map<std::string, Decl>& declarations, Parse parse);

    Stack m_stack;
    Diagnostics m_diagnostics;
    std::optional<SourceLocation> m_name_at;         // where `stack:` was set
    std::optional<SourceLocation> m_description_at;  // where `description:` was set
    std::optional<SourceLocation> m_requires_at;     // where `requires:` was set
    std::optional<SourceLocation> m_providers_at;    // the first `providers:` (root stacks only)
    std::optional<SourceLocation> m_providers_dir_at;
    std::optional<SourceLocation> m_backend_at;  // where `backend:` was set (root stacks only)
    std::optional<SourceLocation> m_import_at;   // the first `import:` (root stacks only)
    std::optional<SourceLocation> m_policies_at;  // the first `policies:` (root stacks only)
    std::optional<SourceLocation> m_encryption_at;  // where `encryption:` was set (root stacks only)
    std::string m_providers_dir;
};

void StackBuilder::add_file(const YamlFile& file) {
    auto document = parse_yaml(file, m_diagnostics);
    if (!document) return;
    if (!document->root().is_map()) {
        m_diagnostics.add_error(fmt::format("a stack file must be a mapping of top-level keys, not {}",
                                            describe_node(document->root())),
                                fmt::format("valid top-level keys: {}", fmt::join(k_top_level_keys, ", ")),
                                location_of(document->root(), file));
        return;
    }
    for (const auto& entry : unique_mapping_entries(document->root(), file, m_diagnostics)) add_entry(entry, file);
}

void StackBuilder::add_entry(const MappingEntry& entry, const YamlFile& file) {
    const std::string& key = entry.key;
    if (key == "stack") return set_once(entry, file, m_stack.name, m_name_at);
    if (key == "description") return set_once(entry, file, m_stack.description, m_description_at);
    if (key == "variables") return add_section(entry, file, "variable", m_stack.variables, parse_variable);
    if (key == "locals") return add_section(entry, file, "local", m_stack.locals, parse_local);
    if (key == "resources") return add_section(entry, file, "resource", m_stack.resources, parse_resource);
    if (key == "data") return add_section(entry, file, "data source", m_stack.data, parse_data_source);
    if (key == "modules") return add_section(entry, file, "module", m_stack.modules, parse_module_call);
    if (key == "moved") return append(m_stack.moved, parse_moved(entry, file, m_diagnostics));
    if (key == "removed") return append(m_stack.removed, parse_removed(entry, file, m_diagnostics));
    if (key == "import") {
        if (!m_import_at) m_import_at = entry.location;
        return append(m_stack.imports, parse_imports(entry, file, m_diagnostics));
    }
    if (key == "policies") {
        if (!m_policies_at) m_policies_at = entry.location;
        return append(m_stack.policies, parse_policies(entry, file, m_diagnostics));
    }
    if (key == "outputs") return add_section(entry, file, "output", m_stack.outputs, parse_output);
    if (key == "providers") {
        if (!m_providers_at) m_providers_at = entry.location;
        return add_section(entry, file, "provider configuration", m_stack.provider_configs, parse_provider_config);
    }
    if (key == "providers_dir") return set_once(entry, file, m_providers_dir, m_providers_dir_at);
    if (key == "backend") {
        if (!first_given(entry, m_backend_at)) return;
        if (auto backend = parse_backend(entry, file, m_diagnostics)) m_stack.backend = std::move(*backend);
        return;
    }
    if (key == "encryption") {
        if (first_given(entry, m_encryption_at)) m_stack.encryption = parse_encryption(entry, file, m_diagnostics);
        return;
    }
    if (key == "requires") {
        if (first_given(entry, m_requires_at)) parse_requirements(entry, file, m_stack.requirements, m_diagnostics);
        return;
    }
    m_diagnostics.add_error(fmt::format("unknown top-level key `{}`", key),
                            fmt::format("valid top-level keys: {}", fmt::join(k_top_level_keys, ", ")),
                            entry.location);
}

bool StackBuilder::first_given(const MappingEntry& entry, std::optional<SourceLocation>& given_at) {
    if (given_at) {
        m_diagnostics.add_error(fmt::format("`{}` is given twice", entry.key),
                                fmt::format("first given at {}", given_at->to_string()), entry.location);
        return false;
    }
    given_at = entry.location;
    return true;
}

void StackBuilder::set_once(const MappingEntry& entry, const YamlFile& file, std::string& target,
                            std::optional<SourceLocation>& given_at) {
    if (!first_given(entry, given_at)) return;
    if (entry.value.is_scalar() && !entry.value.scalar().empty()) {
        target = entry.value.scalar();
        return;
    }
    m_diagnostics.add_error(fmt::format("`{}` must be a non-empty string, not {}", entry.key,
                                        describe_node(entry.value)),
                            {}, location_of(entry.value, file));
}

template <typename Decl, typename Parse>
void StackBuilder::add_section(const MappingEntry& section, const YamlFile& file, std::string_view kind,
                               std::map<std::string, Decl>& declarations, Parse parse) {
    if (section.value.is_null()) return;
    if (!section.value.is_map()) {
        m_diagnostics.add_error(fmt::format("`{}` must be a mapping of names to {}s, not {}", section.key, kind,
                                            describe_node(section.value)),
                                {}, location_of(section.value, file));
        return;
    }
    for (const auto& entry : mapping_entries(section.value, file, m_diagnostics)) {
        if (auto existing = declarations.find(entry.key); existing != declarations.end()) {
            m_diagnostics.add_error(fmt::format("{} `{}` is declared twice", kind, entry.key),
                                    fmt::format("first declared at {}", existing->second.location.to_string()),
                                    entry.location);
            continue;
        }
        if (auto declaration = parse(entry, file, m_diagnostics)) declarations.emplace(entry.key, std::move(*declaration));
    }
}

std::expected<Stack, Diagnostics> StackBuilder::finish(const fs::path& dir, const std::vector<StackFile>& files,
                                                      StackRole role) {
    // A file that failed to parse may well hold the name; only a clean stack lacks it for sure.
    if (role == StackRole::Root && !m_name_at && !m_diagnostics.has_errors())
        m_diagnostics.add_error("the stack has no name", "one of its files must set `stack: NAME`",
                                SourceLocation{dir.string(), 0, 0});
    if (role == StackRole::Module) {
        if (m_providers_at)
            m_diagnostics.add_error("a module cannot configure providers",
                                    "provider settings belong in the root stack; a module uses its caller's "
                                    "configurations, chosen with the call's `providers: { aws: aws.eu }`",
                                    *m_providers_at);
        if (m_providers_dir_at)
            m_diagnostics.add_error("a module cannot set `providers_dir`", "plugins are found from the root stack",
                                    *m_providers_dir_at);
        if (m_backend_at)
            m_diagnostics.add_error("a module cannot set `backend`", "state is kept by the root stack's backend",
                                    *m_backend_at);
        if (m_import_at)
            m_diagnostics.add_error("a module cannot declare `import`",
                                    "import blocks belong in the root stack; name the module's resource there, e.g. "
                                    "`to: module.app.user`",
                                    *m_import_at);
        if (m_policies_at)
            m_diagnostics.add_error("a module cannot declare `policies`",
                                    "policies belong in the root stack (or in --policy-dir); they see every "
                                    "planned change, the module's too",
                                    *m_policies_at);
        if (m_encryption_at)
            m_diagnostics.add_error("a module cannot configure `encryption`",
                                    "state and plans are encrypted by the root stack's `encryption:` block",
                                    *m_encryption_at);
    }
    if (m_diagnostics.has_errors()) return std::unexpected(std::move(m_diagnostics));
    m_diagnostics.append(check_references(m_stack));
    if (m_diagnostics.has_errors()) return std::unexpected(std::move(m_diagnostics));
    m_stack.dir = dir.empty() ? fs::current_path() : fs::absolute(dir).lexically_normal();
    for (const auto& file : files) m_stack.files.push_back(m_stack.dir / file.name);
    if (!m_providers_dir.empty()) m_stack.providers_dir = (m_stack.dir / m_providers_dir).lexically_normal();
    m_stack.fingerprint = stack_fingerprint(files);
    return std::move(m_stack);
}

std::string display_name(const fs::path& dir, const std::string& name) {
    return (dir / name).lexically_normal().string();
}

std::expected<std::string, Diagnostic> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    if (!in) return std::unexpected(make_error(fmt::format("cannot read `{}`", path.string())));
    return content.str();
}

}  // namespace

bool is_stack_file(const fs::directory_entry& entry) {
    auto extension = entry.path().extension();
    if (entry.path().filename() == "plinth.lock.yaml") return false;
    return entry.is_regular_file() && (extension == ".yaml" || extension == ".yml");
}

bool has_stack_files(const fs::path& dir) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (is_stack_file(entry)) return true;
    return false;
}

std::expected<Stack, Diagnostics> load_stack(const fs::path& dir, StackRole role) {
    std::error_code error;
    if (!fs::is_directory(dir, error))
        return std::unexpected(Diagnostics(make_error(fmt::format("stack directory `{}` does not exist", dir.string()))));
    std::vector<StackFile> files;
    Diagnostics diagnostics;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (!is_stack_file(entry)) continue;
        auto content = read_file(entry.path());
        if (!content) diagnostics.add(content.error());
        else files.push_back(StackFile{entry.path().filename().string(), std::move(*content)});
    }
    if (error) diagnostics.add_error(fmt::format("cannot list `{}`: {}", dir.string(), error.message()));
    if (diagnostics.has_errors()) return std::unexpected(std::move(diagnostics));
    return load_stack_from_files(dir, files, role);
}

std::expected<std::vector<PolicyDecl>, Diagnostics> load_policy_dir(const fs::path& dir) {
    std::error_code error;
    if (!fs::is_directory(dir, error))
        return std::unexpected(Diagnostics(make_error(fmt::format("policy directory `{}` does not exist", dir.string()))));
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (is_stack_file(entry)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    Diagnostics diagnostics;
    std::vector<PolicyDecl> policies;
    for (const auto& path : paths) {
        auto content = read_file(path);
        if (!content) {
            diagnostics.add(content.error());
            continue;
        }
        YamlFile file{path.string(), std::move(*content)};
        auto document = parse_yaml(file, diagnostics);
        if (!document) continue;
        if (!document->root().is_map()) {
            diagnostics.add_error("a policy file must be a mapping with `policies:`", {}, location_of(document->root(), file));
            continue;
        }
        for (const auto& entry : unique_mapping_entries(document->root(), file, diagnostics)) {
            if (entry.key == "policies") append(policies, parse_policies(entry, file, diagnostics));
            else
                diagnostics.add_error(fmt::format("unknown key `{}` in a policy file", entry.key),
                                      "a policy file holds only `policies:`", entry.location);
        }
    }
    if (error) diagnostics.add_error(fmt::format("cannot list `{}`: {}", dir.string(), error.message()));
    if (diagnostics.has_errors()) return std::unexpected(std::move(diagnostics));
    return policies;
}

std::expected<Stack, Diagnostics> load_stack_from_files(const fs::path& dir, const std::vector<StackFile>& files,
                                                        StackRole role) {
    if (files.empty())
        return std::unexpected(
            Diagnostics(make_error(fmt::format("no stack files (*.yaml, *.yml) in `{}`", dir.string()))));
    std::vector<StackFile> sorted = files;
    std::sort(sorted.begin(), sorted.end(), [](const StackFile& a, const StackFile& b) { return a.name < b.name; });
    StackBuilder builder;
    for (const auto& file : sorted) builder.add_file(YamlFile{display_name(dir, file.name), file.content});
    return builder.finish(dir, sorted, role);
}

}  // namespace plinth
