#include "providers/builtin/builtin.h"

#include "providers/aws/aws_provider.h"
#include "providers/external/external_provider.h"
#include "providers/http/http_provider.h"
#include "providers/local/local_provider.h"
#include "providers/null/null_provider.h"
#include "providers/postgresql/postgresql_provider.h"
#include "providers/random/random_provider.h"
#include "providers/rest/rest_provider.h"
#include "providers/time/time_provider.h"

namespace plinth::providers {

void register_builtin_providers(ProviderRegistry& registry) {
    registry.add("local", make_local_provider);
    registry.add("random", make_random_provider);
    registry.add("null", make_null_provider);
    registry.add("time", make_time_provider);
    registry.add("external", make_external_provider);
    registry.add("http", make_http_provider);
    registry.add("rest", [] { return make_rest_provider(); });
    registry.add("postgresql", [] { return make_postgresql_provider(); });
    registry.add("aws", [] { return make_aws_provider(); });
}

}  // namespace plinth::providers
