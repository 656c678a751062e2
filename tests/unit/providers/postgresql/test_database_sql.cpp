#include <catch2/catch.hpp>

#include "fake_quoter.h"
#include "providers/postgresql/database_sql.h"
#include "providers/postgresql/object_sql.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

TEST_CASE("postgresql: a database is created with the options the stack gives") {
    FakeQuoter quoter;
    DatabaseSpec database;
    database.name = "app";
    CHECK(*create_database_sql(quoter, database) == "CREATE DATABASE \"app\" WITH CONNECTION LIMIT -1");
    database.owner = "owner";
    database.template_name = "template0";
    database.encoding = "UTF8";
    database.lc_collate = "C";
    database.connection_limit = 10;
    CHECK(*create_database_sql(quoter, database) ==
          "CREATE DATABASE \"app\" WITH OWNER \"owner\" TEMPLATE \"template0\" ENCODING 'UTF8' LC_COLLATE 'C' "
          "CONNECTION LIMIT 10");
}

TEST_CASE("postgresql: database changes are one statement each") {
    FakeQuoter quoter;
    CHECK(*rename_database_sql(quoter, "a", "b") == "ALTER DATABASE \"a\" RENAME TO \"b\"");
    CHECK(*database_owner_sql(quoter, "a", "o") == "ALTER DATABASE \"a\" OWNER TO \"o\"");
    CHECK(*database_connection_limit_sql(quoter, "a", 4) == "ALTER DATABASE \"a\" WITH CONNECTION LIMIT 4");
    CHECK(*drop_database_sql(quoter, "a") == "DROP DATABASE \"a\"");
}

TEST_CASE("postgresql: a database's attributes come from pg_database, the stack's spelling kept") {
    Value current(ValueMap{{"name", Value("app")}, {"encoding", Value("utf8")}, {"template", Value("template0")}});
    CatalogRow row = {std::string("owner"), std::string("UTF8"), std::string("C"), std::string("-1")};
    Value read = database_attributes(current, row);
    CHECK(read.find("owner")->as_string() == "owner");
    CHECK(read.find("encoding")->as_string() == "utf8");
    CHECK(read.find("lc_collate")->as_string() == "C");
    CHECK(read.find("connection_limit")->as_number() == -1);
    CHECK(read.find("template")->as_string() == "template0");
    row[1] = std::string("LATIN1");
    CHECK(database_attributes(current, row).find("encoding")->as_string() == "LATIN1");
}

TEST_CASE("postgresql: schema and extension statements quote names and versions") {
    FakeQuoter quoter;
    CHECK(*create_schema_sql(quoter, "s", std::string("o"), true) ==
          "CREATE SCHEMA IF NOT EXISTS \"s\" AUTHORIZATION \"o\"");
    CHECK(*create_schema_sql(quoter, "s", std::nullopt, false) == "CREATE SCHEMA \"s\"");
    CHECK(*rename_schema_sql(quoter, "s", "t") == "ALTER SCHEMA \"s\" RENAME TO \"t\"");
    CHECK(*schema_owner_sql(quoter, "s", "o") == "ALTER SCHEMA \"s\" OWNER TO \"o\"");
    CHECK(*drop_schema_sql(quoter, "s", true) == "DROP SCHEMA \"s\" CASCADE");
    CHECK(*create_extension_sql(quoter, {"citext", std::string("ext"), std::string("1.6")}) ==
          "CREATE EXTENSION \"citext\" SCHEMA \"ext\" VERSION '1.6'");
    CHECK(*create_extension_sql(quoter, {"citext", std::nullopt, std::nullopt}) == "CREATE EXTENSION \"citext\"");
    CHECK(*extension_version_sql(quoter, "citext", "1.6") == "ALTER EXTENSION \"citext\" UPDATE TO '1.6'");
    CHECK(*extension_schema_sql(quoter, "citext", "s") == "ALTER EXTENSION \"citext\" SET SCHEMA \"s\"");
    CHECK(*drop_extension_sql(quoter, "citext", false) == "DROP EXTENSION \"citext\"");
}
