// providers/external/external_data.h: the `external` data source. Attributes:
//   program      required list of strings: the program and its arguments, run without a shell;
//                argv[0] is looked up in PATH unless it holds a '/'.
//   query        optional map of strings, written to the program's stdin as a JSON object ({}
//                when not set). Numbers and bools are sent as their text, as Terraform converts
//                them to strings.
//   working_dir  optional: the program's working directory; by default plinth's own, which the
//                CLI sets to the stack directory. A relative program path is taken from it.
//   result       computed map of strings: the program's stdout, which must be a JSON object whose
//                values are all strings.
// A non-zero exit is an error carrying the program's stderr; output that is not such an object is
// an error quoting its start.
#pragma once

#include <memory>

#include "providers/resource_type.h"

namespace plinth::providers::external {

std::unique_ptr<DataSourceType> make_external_data_source();

}  // namespace plinth::providers::external
