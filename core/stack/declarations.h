// core/stack/declarations.h: turning one entry of a `variables:`, `locals:`, `resources:`, `data:`,
// `modules:`, `providers:` or `outputs:` section (or the `moved:`/`removed:` lists, `requires:`, `encryption:`)
// into its declaration, checking names, keys and field types. Each returns null after adding its errors. Private to
// core/stack.
#pragma once

#include <optional>
#include <string_view>

#include "core/stack/stack.h"
#include "core/stack/yaml_source.h"

namespace plinth {

// Names that references may use: [A-Za-z_][A-Za-z0-9_-]*, and not a reserved reference root
// (`var`, `local`, `path`, ...). `kind` is "resource", "variable", ... for the message.
bool check_declaration_name(std::string_view kind, const MappingEntry& entry, Diagnostics& diagnostics);

std::optional<VariableDecl> parse_variable(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics);
std::optional<LocalDecl> parse_local(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics);
std::optional<ResourceDecl> parse_resource(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics);
std::optional<ResourceDecl> parse_data_source(const MappingEntry& entry, const YamlFile& file,
                                              Diagnostics& diagnostics);
std::optional<ModuleCallDecl> parse_module_call(const MappingEntry& entry, const YamlFile& file,
                                                Diagnostics& diagnostics);
// The `moved:` and `removed:` lists.
std::vector<MovedDecl> parse_moved(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics);
std::vector<RemovedDecl> parse_removed(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics);
// The `import:` list.
std::vector<ImportDecl> parse_imports(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics);
std::vector<PolicyDecl> parse_policies(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics);
// An entry of `providers:`: `aws: {...}` or `aws.eu: {...}`.
std::optional<ProviderConfigDecl> parse_provider_config(const MappingEntry& entry, const YamlFile& file,
                                                        Diagnostics& diagnostics);
// The `requires:` block, into `requirements`.
void parse_requirements(const MappingEntry& section, const YamlFile& file, Requirements& requirements,
                        Diagnostics& diagnostics);
// The `backend:` block: `type` and scalar settings.
std::optional<BackendDecl> parse_backend(const MappingEntry& section, const YamlFile& file, Diagnostics& diagnostics);
// The `encryption:` block: `key_provider` and an optional `fallback`.
std::optional<EncryptionDecl> parse_encryption(const MappingEntry& section, const YamlFile& file,
                                               Diagnostics& diagnostics);
std::optional<OutputDecl> parse_output(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics);

}  // namespace plinth
