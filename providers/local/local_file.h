// providers/local/local_file.h: the local_file resource and data source, as in Terraform's local
// provider. Resource attributes:
//   filename              required, forces replacement. Relative paths resolve against the process
//                         working directory, which the CLI sets to the stack directory.
//   content               the file's text; exactly one of content / content_base64 is required;
//   content_base64        its bytes in standard base64. Both force replacement, as in Terraform.
//   file_permission       default "0644" (Terraform's default is "0777"); changed in place.
//   directory_permission  default "0755", for parent directories plinth creates; forces replacement.
//   id                    computed: sha1 hex of the file's bytes; content_md5 and content_sha256 too.
// The file is written to a temp file beside it and renamed, so it is never half-written. Refresh
// reports the file as on disk, so an edit outside plinth shows as drift, and a deleted file as gone.
// The data source takes `filename` and computes content, content_base64, id and the digests.
#pragma once

#include <memory>
#include <string_view>

#include "providers/resource_type.h"

namespace plinth::providers::local {

std::unique_ptr<ResourceType> make_local_file_resource();
std::unique_ptr<DataSourceType> make_local_file_data_source();

// Sets `id` (sha1), `content_md5` and `content_sha256` of `bytes` on `attributes`.
void set_content_digests(Value& attributes, std::string_view bytes);

}  // namespace plinth::providers::local
