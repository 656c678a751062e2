"""The postgresql provider against a real PostgreSQL server (tests/e2e/pg_server.py, started once
for the file): the life cycle of roles, databases, schemas, grants and extensions in dependent
order (role -> database owner -> schema -> grant) and their destroy order, drift (a role altered
and a grant revoked behind plinth's back, shown by plan and repaired by apply), names shaped like
SQL injection that stay names, import by name, the password never in plan output, and
examples/postgres-app as its README runs it."""

import os
import shutil

from pg_server import ModuleServer
from plinth_e2e import CANARY, StackTest

PASSWORD = CANARY
INJECTED_ROLE = 'x"; DROP ROLE postgres; --'
INJECTED_DATABASE = "d'; DROP DATABASE postgres; --"
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "postgres-app")

server = ModuleServer()
setUpModule, tearDownModule = server.start, server.stop


def literal(text):
    return "'" + text.replace("'", "''") + "'"


def ident(name):
    return '"' + name.replace('"', '""') + '"'


def yaml_text(text):
    """A YAML double-quoted scalar holding `text` as it is (no ${...} in it)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def provider_block():
    return f"""
providers:
  postgresql: {{ host: 127.0.0.1, port: {server.port}, username: postgres, sslmode: disable }}
"""


TABLE_GRANT = """
  events:
    type: postgresql_grant
    properties:
      role: ${app.name}
      database: ${db.name}
      schema: ${reporting.name}
      object_type: table
      objects: [events]
      privileges: [SELECT, INSERT]
"""


def app_stack(prefix, role=None, database=None, connection_limit=5, extra="", cascade=False):
    """role -> database owner -> schema -> grants, an app role with a password and a membership, an
    extension."""
    role = role or f"{prefix}app"
    database = database or f"{prefix}db"
    return f"""
stack: pg-provider
variables:
  app_password: {{ type: string, sensitive: true, default: {PASSWORD} }}
{provider_block()}
resources:
  owner:
    type: postgresql_role
    properties: {{ name: {prefix}owner }}
  readers:
    type: postgresql_role
    properties: {{ name: {prefix}readers }}
  db:
    type: postgresql_database
    properties: {{ name: {yaml_text(database)}, owner: "${{owner.name}}", encoding: UTF8, lc_collate: C }}
  app:
    type: postgresql_role
    properties:
      name: {yaml_text(role)}
      login: true
      password: ${{var.app_password}}
      connection_limit: {connection_limit}
      roles: ["${{readers.name}}"]
  reporting:
    type: postgresql_schema
    properties:
      name: reporting
      database: ${{db.name}}
      owner: ${{owner.name}}
      drop_cascade: {str(cascade).lower()}
  connect:
    type: postgresql_grant
    properties: {{ role: "${{app.name}}", database: "${{db.name}}", object_type: database, privileges: [CONNECT] }}
  usage:
    type: postgresql_grant
    properties:
      role: ${{app.name}}
      database: ${{db.name}}
      schema: ${{reporting.name}}
      object_type: schema
      privileges: [USAGE, CREATE]
  citext:
    type: postgresql_extension
    properties: {{ name: citext, database: "${{db.name}}", schema: "${{reporting.name}}" }}
""" + extra


class PostgresqlProviderTest(StackTest):
    count = 0

    def setUp(self):
        super().setUp()
        PostgresqlProviderTest.count += 1
        self.prefix = f"t{PostgresqlProviderTest.count}_"

    def sql(self, statement, dbname="postgres"):
        return server.sql(dbname, statement)

    def role(self, name):
        rows = self.sql("SELECT rolcanlogin, rolconnlimit, rolpassword IS NOT NULL FROM pg_authid "
                        f"WHERE rolname = {literal(name)}")
        return rows[0] if rows else None

    def database_owner(self, name):
        rows = self.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = " + literal(name))
        return rows[0][0] if rows else None

    def schema_privileges(self, database, role):
        return sorted(p for p in ("USAGE", "CREATE")
                      if self.sql(f"SELECT has_schema_privilege({literal(role)}, 'reporting', '{p}')",
                                  database) == [["t"]])

    def plan_changes(self):
        result = self.run_plinth("plan", "--detailed-exitcode")
        self.assertIn(result.code, (0, 2), result)
        return result

    def test_life_cycle_drift_and_destroy_order(self):
        p = self.prefix
        self.write_stack({"main.yaml": app_stack(p)})
        plan = self.plinth_ok("plan")
        self.assertEqual(plan.plan_summary(), (8, 0, 0), plan)
        self.assertIn("(sensitive value)", plan.out)
        self.assertNotIn(PASSWORD, plan.out + plan.err)
        self.apply()
        self.assertEqual(self.role(f"{p}app"), ["t", "5", "t"])
        self.assertEqual(self.database_owner(f"{p}db"), f"{p}owner")
        self.assertEqual(self.sql("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'reporting'",
                                  f"{p}db"), [[f"{p}owner"]])
        self.assertEqual(self.schema_privileges(f"{p}db", f"{p}app"), ["CREATE", "USAGE"])
        self.assertEqual(self.sql("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = "
                                  "e.extnamespace WHERE extname = 'citext'", f"{p}db"), [["reporting"]])
        self.assertEqual(self.resources()["usage"]["attributes"]["id"], f"{p}app/{p}db/reporting/schema")
        self.assertEqual(self.plan_changes().code, 0)

        # Behind plinth's back: the role altered, a grant revoked.
        self.sql(f"ALTER ROLE {ident(p + 'app')} CONNECTION LIMIT 1 NOLOGIN")
        self.sql(f"REVOKE CREATE ON SCHEMA reporting FROM {ident(p + 'app')}", f"{p}db")
        plan = self.plan_changes()
        self.assertEqual(plan.code, 2, plan)
        self.assertEqual(plan.plan_summary(), (0, 2, 0), plan)
        self.assertIn("~ connection_limit", plan.out)
        self.assertIn("# usage will be updated in-place", plan.out)
        self.assertNotIn(PASSWORD, plan.out + plan.err)
        self.apply()
        self.assertEqual(self.role(f"{p}app"), ["t", "5", "t"])
        self.assertEqual(self.schema_privileges(f"{p}db", f"{p}app"), ["CREATE", "USAGE"])
        self.assertEqual(self.plan_changes().code, 0)

        # Changes in the stack are updates in place; a grant on a table made since is added.
        self.sql("CREATE TABLE reporting.events (id int)", f"{p}db")
        self.write_stack({"main.yaml": app_stack(p, connection_limit=7, extra=TABLE_GRANT, cascade=True)})
        self.apply()
        self.assertEqual(self.role(f"{p}app"), ["t", "7", "t"])
        self.assertEqual(self.sql(f"SELECT has_table_privilege({literal(p + 'app')}, 'reporting.events', 'INSERT'), "
                                  f"has_table_privilege({literal(p + 'app')}, 'reporting.events', 'DELETE')",
                                  f"{p}db"), [["t", "f"]])

        # Destroy in reverse order: grants and extension, the schema (with its table: drop_cascade),
        # the database, then the roles.
        self.plinth_ok("destroy", "--auto-approve")
        self.assertEqual(self.resources(), {})
        self.assertIsNone(self.role(f"{p}app"))
        self.assertIsNone(self.role(f"{p}owner"))
        self.assertIsNone(self.role(f"{p}readers"))
        self.assertIsNone(self.database_owner(f"{p}db"))

    def test_names_shaped_like_sql_injection_stay_names(self):
        self.write_stack({"main.yaml": app_stack(self.prefix, role=INJECTED_ROLE, database=INJECTED_DATABASE)})
        self.apply()
        self.assertEqual(self.role(INJECTED_ROLE), ["t", "5", "t"])
        self.assertEqual(self.database_owner(INJECTED_DATABASE), f"{self.prefix}owner")
        self.assertEqual(self.schema_privileges(INJECTED_DATABASE, INJECTED_ROLE), ["CREATE", "USAGE"])
        self.assertIsNotNone(self.role("postgres"))
        self.assertEqual(self.plan_changes().code, 0)
        self.plinth_ok("destroy", "--auto-approve")
        self.assertIsNone(self.role(INJECTED_ROLE))
        self.assertIsNone(self.database_owner(INJECTED_DATABASE))
        self.assertIsNotNone(self.database_owner("postgres"))

    def test_import_by_name(self):
        p = self.prefix
        self.sql(f"CREATE ROLE {p}owner")
        self.sql(f"CREATE ROLE {p}readers")
        self.sql(f"CREATE ROLE {p}app LOGIN CONNECTION LIMIT 5 IN ROLE {p}readers")
        self.sql(f"CREATE DATABASE {p}db OWNER {p}owner ENCODING 'UTF8' LC_COLLATE 'C' TEMPLATE template0")
        self.sql(f"CREATE SCHEMA reporting AUTHORIZATION {p}owner", f"{p}db")
        self.sql(f"GRANT CONNECT ON DATABASE {p}db TO {p}app")
        self.sql(f"GRANT USAGE, CREATE ON SCHEMA reporting TO {p}app", f"{p}db")
        self.sql("CREATE EXTENSION citext SCHEMA reporting", f"{p}db")
        self.write_stack({"main.yaml": app_stack(p)})
        missing = self.run_plinth("import", "owner", f"{p}nobody")
        self.assertEqual(missing.code, 1, missing)
        self.assertIn(f'There is no role "{p}nobody"', missing.err)
        for address, import_id in (("owner", f"{p}owner"), ("readers", f"{p}readers"), ("app", f"{p}app"),
                                   ("db", f"{p}db"),
                                   ("reporting", f"{p}db.reporting"), ("connect", f"{p}app/{p}db/database"),
                                   ("usage", f"{p}app/{p}db/reporting/schema"), ("citext", f"{p}db.citext")):
            self.plinth_ok("import", address, import_id)
        self.assertEqual(self.resources()["usage"]["attributes"]["privileges"], ["CREATE", "USAGE"])
        plan = self.plan_changes()
        # Only the password, which PostgreSQL never shows, is set by the next apply.
        self.assertEqual(plan.plan_summary(), (0, 1, 0), plan)
        self.assertIn("# app will be updated in-place", plan.out)
        self.assertNotIn(PASSWORD, plan.out + plan.err)
        self.plinth_ok("destroy", "--auto-approve")
        self.assertIsNone(self.database_owner(f"{p}db"))

    def test_an_unreachable_server_is_a_clear_error_and_nothing_is_recorded(self):
        self.write_stack({"main.yaml": f"""
stack: pg-down
providers:
  postgresql: {{ host: 127.0.0.1, port: 1, username: postgres, connect_timeout: 2 }}
resources:
  owner:
    type: postgresql_role
    properties: {{ name: {self.prefix}owner }}
"""})
        result = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)
        self.assertIn('cannot connect to PostgreSQL database "postgres"', result.err)
        self.assertEqual(self.resources(), {})


class PostgresAppExampleTest(StackTest):
    """examples/postgres-app, with the README's variables pointed at the test server."""

    def test_apply_plan_again_and_destroy(self):
        shutil.copytree(EXAMPLE, self.path("postgres-app"))
        self.dir = self.path("postgres-app")
        env = {"PLINTH_VAR_app_password": PASSWORD}
        args = ("--var", f"pg_port={server.port}")
        result = self.plinth_ok("apply", "--auto-approve", *args, env=env)
        self.assertNotIn(PASSWORD, result.out + result.err)
        self.assertEqual(server.sql("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database "
                                                "WHERE datname = 'app'"), [["app_owner"]])
        self.assertEqual(server.sql("app", "SELECT has_schema_privilege('app_user', 'app', 'CREATE')"), [["t"]])
        again = self.run_plinth("plan", "--detailed-exitcode", *args, env=env)
        self.assertEqual(again.code, 0, again)
        self.plinth_ok("destroy", "--auto-approve", *args, env=env)
        self.assertEqual(server.sql("postgres", "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'app_%'"), [["0"]])
