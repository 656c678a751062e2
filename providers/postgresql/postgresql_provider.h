// providers/postgresql/postgresql_provider.h: the "postgresql" provider: roles, databases,
// schemas, grants and extensions of a PostgreSQL server through libpq (core/pg), named as
// Terraform's postgresql provider names them (docs/provider-postgresql.md). Settings and their
// environment fallbacks are in postgresql_settings.h; each resource type is a file of its own.
#pragma once

#include <memory>

#include "providers/postgresql/postgresql_settings.h"
#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_postgresql_provider();
// The same, reading environment fallbacks from `environment` (for tests).
std::unique_ptr<Provider> make_postgresql_provider(EnvironmentLookup environment);

}  // namespace plinth::providers
