// core/backends/s3/s3_settings.h: the s3 backend's settings (Terraform's names: bucket, key, region,
// endpoint, dynamodb_table, use_lockfile, workspace_key_prefix, ...) and where each workspace's
// state lives in the bucket: `default` at KEY, workspace W at PREFIX/W/KEY (PREFIX `env:`).
#pragma once

#include <expected>
#include <optional>
#include <string>

#include "core/aws/credentials.h"
#include "core/aws/s3_client.h"
#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth::backends {

struct S3Settings {
    std::string bucket;
    std::string key;  // the default workspace's object key; never starts or ends with '/'
    std::string region;
    aws::S3Location s3;             // endpoint (empty: AWS) and path-style addressing
    std::string dynamodb_endpoint;  // empty: AWS
    std::string dynamodb_table;     // lock items go here when not empty
    bool use_lockfile = false;      // lock with KEY.tflock written If-None-Match: *
    std::string workspace_key_prefix = "env:";
    aws::CredentialSettings credentials;
};

// Reads and checks `decl`'s settings; errors at the setting's (or the block's) file:line:column.
std::expected<S3Settings, Diagnostic> read_s3_settings(const BackendDecl& decl);

// The object key of `workspace`'s state.
std::string state_key(const S3Settings& settings, const std::string& workspace);

// The workspace whose state is at `key`, or nullopt when `key` is no workspace's state.
std::optional<std::string> workspace_of_key(const S3Settings& settings, const std::string& key);

}  // namespace plinth::backends
