#include "core/backends/s3/s3_settings.h"

#include <fmt/format.h>

#include "core/backends/settings/backend_settings.h"

namespace plinth::backends {

namespace {

const std::vector<std::string> k_known = {
    "bucket",          "key",         "region",   "endpoint",   "dynamodb_endpoint",   "use_path_style",
    "force_path_style", "dynamodb_table", "use_lockfile", "workspace_key_prefix", "access_key", "secret_key",
    "token",           "profile"};

SourceLocation location_of(const BackendDecl& decl, const std::string& name) {
    auto it = decl.settings.find(name);
    return it == decl.settings.end() ? decl.location : it->second.location;
}

std::expected<void, Diagnostic> check_key(const BackendDecl& decl, const std::string& key) {
    if (!key.empty() && !key.starts_with('/') && !key.ends_with('/')) return {};
    return std::unexpected(make_error(fmt::format("backend setting `key` must be an object key, not `{}`", key),
                                      "a key neither starts nor ends with `/`, e.g. `stacks/app.json`",
                                      location_of(decl, "key")));
}

std::expected<void, Diagnostic> check_lock(const BackendDecl& decl, const S3Settings& settings) {
    if (!settings.dynamodb_table.empty() && settings.use_lockfile)
        return std::unexpected(make_error("the s3 backend locks with `dynamodb_table` or `use_lockfile`, not both",
                                          "choose one", location_of(decl, "use_lockfile")));
    if (!settings.dynamodb_table.empty() || settings.use_lockfile) return {};
    return std::unexpected(make_error("the s3 backend needs a lock",
                                      "set `dynamodb_table` (a DynamoDB table keyed by the string `LockID`) or "
                                      "`use_lockfile: true` (for S3 services that honour If-None-Match)",
                                      decl.location));
}

}  // namespace

std::expected<S3Settings, Diagnostic> read_s3_settings(const BackendDecl& decl) {
    auto read = BackendSettings::read(decl, k_known);
    if (!read) return std::unexpected(read.error());
    S3Settings settings;
    auto bucket = read->required("bucket");
    if (!bucket) return std::unexpected(bucket.error());
    auto key = read->required("key");
    if (!key) return std::unexpected(key.error());
    if (auto checked = check_key(decl, *key); !checked) return std::unexpected(checked.error());
    auto region = read->required("region", {"AWS_REGION", "AWS_DEFAULT_REGION"});
    if (!region) return std::unexpected(region.error());
    auto path_style = read->flag("use_path_style", false);
    if (!path_style) return std::unexpected(path_style.error());
    auto force_path_style = read->flag("force_path_style", false);
    if (!force_path_style) return std::unexpected(force_path_style.error());
    auto use_lockfile = read->flag("use_lockfile", false);
    if (!use_lockfile) return std::unexpected(use_lockfile.error());
    settings.bucket = *bucket;
    settings.key = *key;
    settings.region = *region;
    settings.s3 = {read->text("endpoint", {"AWS_ENDPOINT_URL_S3"}).value_or(""), *path_style || *force_path_style};
    settings.dynamodb_endpoint = read->text("dynamodb_endpoint", {"AWS_ENDPOINT_URL_DYNAMODB"}).value_or("");
    settings.dynamodb_table = read->text("dynamodb_table").value_or("");
    settings.use_lockfile = *use_lockfile;
    settings.workspace_key_prefix = read->text("workspace_key_prefix").value_or("env:");
    settings.credentials = {read->text("access_key"), read->text("secret_key"), read->text("token"),
                            read->text("profile")};
    if (auto checked = check_lock(decl, settings); !checked) return std::unexpected(checked.error());
    return settings;
}

std::string state_key(const S3Settings& settings, const std::string& workspace) {
    if (workspace == "default") return settings.key;
    return fmt::format("{}/{}/{}", settings.workspace_key_prefix, workspace, settings.key);
}

std::optional<std::string> workspace_of_key(const S3Settings& settings, const std::string& key) {
    if (key == settings.key) return "default";
    std::string prefix = settings.workspace_key_prefix + "/";
    std::string suffix = "/" + settings.key;
    if (!key.starts_with(prefix) || !key.ends_with(suffix) || key.size() <= prefix.size() + suffix.size())
        return std::nullopt;
    std::string workspace = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
    if (workspace.find('/') != std::string::npos) return std::nullopt;
    return workspace;
}

}  // namespace plinth::backends
