"""The pg state backend against a real PostgreSQL server (tests/e2e/pg_server.py): Terraform's
table layout, workspaces, advisory locks (waiting, holder named, SIGKILL, force-unlock), a
refused write, and migrating state from local files and back."""

import json
import os
import signal
import subprocess
import time
import unittest

from pg_server import ModuleServer
from plinth_e2e import STATE_FILE, StackTest, wait_until

SCHEMA = "plinth_remote_state"

# Replacing `pause` (when `text` changes) sleeps again, so every apply that changes `text` is slow.
STACK = """
stack: pgstate
variables:
  text: { type: string, default: one }
  pause: { type: string, default: 0s }
resources:
  pause:
    type: time_sleep
    properties:
      create_duration: ${var.pause}
      triggers: { text: "${var.text}" }
  note:
    type: local_file
    depends_on: [pause]
    properties:
      filename: note-${plinth.workspace}.txt
      content: ${var.text}
"""

BACKEND = """
backend:
  type: pg
  conn_str: "{conn_str}"
"""

server = ModuleServer()
setUpModule, tearDownModule = server.start, server.stop


class PgBackendTest(StackTest):
    databases = 0

    def setUp(self):
        super().setUp()
        PgBackendTest.databases += 1
        self.db = f"plinth_e2e_{PgBackendTest.databases}"
        server.create_database(self.db)
        self.write_stack({"main.yaml": STACK + BACKEND.format(conn_str=server.conn_str(self.db))})

    # --- the database ---------------------------------------------------------------------------
    def sql(self, statement):
        return server.sql(self.db, statement)

    def stored_bytes(self, workspace="default"):
        rows = self.sql(f"SELECT count(*) FROM {SCHEMA}.states WHERE name = '{workspace}'")
        if rows != [["1"]]:
            return None
        return server.scalar(self.db, f"SELECT data FROM {SCHEMA}.states WHERE name = '{workspace}'")

    def stored_state(self, workspace="default"):
        data = self.stored_bytes(workspace)
        return json.loads(data) if data is not None else None

    def lock_holder(self, workspace="default"):
        """(lock_id, who) of the recorded lock on `workspace`, or None."""
        rows = self.sql(f"SELECT lock_id, who FROM {SCHEMA}.plinth_locks WHERE name = '{workspace}'")
        return tuple(rows[0]) if rows else None

    def init(self):
        result = self.plinth_ok("init")
        self.assertIn(f"PostgreSQL schema {SCHEMA} at 127.0.0.1:{server.port}/{self.db}", result.out)
        return result

    def start_slow_apply(self, text, *args):
        process = self.start_plinth("apply", "--auto-approve", "--var", f"text={text}", "--var", "pause=3s", *args)
        self.assertTrue(wait_until(lambda: f"(pid {process.pid})" in (self.lock_holder() or ("", ""))[1]),
                        "the slow apply never recorded its lock")
        return process

    # --- tests ----------------------------------------------------------------------------------
    def test_apply_plan_destroy_in_terraforms_table_layout(self):
        self.init()
        self.apply()
        self.assertFalse(self.exists(STATE_FILE), "a pg backend keeps no local state file")
        state = self.stored_state()
        self.assertEqual(state["serial"], 1)
        self.assertEqual(sorted(r["address"] for r in state["resources"]), ["note", "pause"])
        self.assertEqual(self.read("note-default.txt"), "one")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)
        self.assertEqual(self.state_list(), {"note", "pause"})

        columns = self.sql("SELECT column_name, data_type, column_default FROM information_schema.columns "
                           f"WHERE table_schema = '{SCHEMA}' AND table_name = 'states' ORDER BY ordinal_position")
        self.assertEqual(columns, [["id", "bigint", "nextval('global_states_id_seq'::regclass)"],
                                   ["name", "text", ""], ["data", "text", ""]])
        self.assertEqual(self.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'states_by_name'"), [["1"]])

        self.plinth_ok("destroy", "--auto-approve")
        self.assertEqual(self.stored_state()["resources"], [])
        self.assertFalse(self.exists("note-default.txt"))
        self.assertEqual(self.sql(f"SELECT count(*) FROM {SCHEMA}.plinth_locks"), [["0"]],
                         "every run removes its lock record")

    def test_workspaces_each_have_a_row(self):
        self.init()
        self.apply()
        self.assertIn("Created and selected workspace staging", self.plinth_ok("workspace", "new", "staging").out)
        self.apply("--var", "text=staged")
        self.assertEqual(self.plinth_ok("workspace", "list").out.split(), ["default", "*", "staging"])
        self.assertEqual(self.sql(f"SELECT name FROM {SCHEMA}.states ORDER BY name"), [["default"], ["staging"]])
        self.assertEqual([r["attributes"].get("content") for r in self.stored_state("staging")["resources"]
                          if r["address"] == "note"], ["staged"])

        self.plinth_ok("workspace", "select", "default")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)
        refused = self.run_plinth("workspace", "delete", "staging")
        self.assertEqual(refused.code, 1, refused)
        self.plinth_ok("workspace", "delete", "--force", "staging")
        self.assertEqual(self.sql(f"SELECT name FROM {SCHEMA}.states"), [["default"]])
        self.assertEqual(self.plinth_ok("workspace", "list").out.split(), ["*", "default"])

    def test_concurrent_applies_one_waits_and_the_other_names_the_holder(self):
        self.init()
        self.apply()
        serial = self.stored_state()["serial"]
        first = self.start_slow_apply("two")
        lock_id, who = self.lock_holder()

        refused = self.run_plinth("apply", "--auto-approve", "--var", "text=never")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("Error acquiring the state lock", refused.err)
        self.assertIn(lock_id, refused.err)
        self.assertIn(f"pid {first.pid}", refused.err)
        self.assertIn('for "apply"', refused.err)

        waiting = self.start_plinth("apply", "--auto-approve", "--var", "text=three", "--lock-timeout", "60s")
        self.assertEqual(self.finish(first).code, 0)
        waited = self.finish(waiting)
        self.assertEqual(waited.code, 0, waited)
        state = self.stored_state()
        self.assertEqual(state["serial"], serial + 2, "each successful apply wrote once")
        self.assertEqual(self.read("note-default.txt"), "three")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", "--var", "text=three").code, 0)

    def test_a_killed_run_loses_its_lock_with_its_session(self):
        self.init()
        self.apply()
        holder = self.start_slow_apply("two")
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        started = time.monotonic()
        self.apply("--var", "text=after")
        self.assertLess(time.monotonic() - started, 15, "the lock was free at once")
        self.assertEqual(self.read("note-default.txt"), "after")

    def test_force_unlock_checks_the_id_and_ends_the_holders_session(self):
        self.init()
        self.apply()
        # A stand-in for a hung plinth elsewhere: holds the row's advisory lock and records itself.
        stand_in = server.psql(self.db, stdin=subprocess.PIPE)
        self.addCleanup(lambda: (stand_in.kill(), stand_in.communicate()))
        stand_in.stdin.write(
            f"SELECT pg_advisory_lock(id) FROM {SCHEMA}.states WHERE name = 'default';\n"
            f"INSERT INTO {SCHEMA}.plinth_locks VALUES ('default', 'e2e-lock-id', 'apply', "
            "'someone@elsewhere (pid 4242)', '0.1.0', '2024-01-01T00:00:00Z', pg_backend_pid());\n")
        stand_in.stdin.flush()
        self.assertTrue(wait_until(lambda: self.lock_holder() is not None), "the stand-in never locked")

        blocked = self.run_plinth("plan")
        self.assertEqual(blocked.code, 1, blocked)
        self.assertIn("someone@elsewhere (pid 4242)", blocked.err)
        self.assertIn("e2e-lock-id", blocked.err)

        wrong = self.run_plinth("force-unlock", "--force", "not-the-id")
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("lock ID `not-the-id` is not the current lock's", wrong.err)
        self.assertIsNotNone(self.lock_holder())

        released = self.plinth_ok("force-unlock", "--force", "e2e-lock-id")
        self.assertIn("Released.", released.out)
        self.assertIsNone(self.lock_holder())
        self.apply("--var", "text=free")
        self.assertEqual(self.read("note-default.txt"), "free")
        nothing = self.run_plinth("force-unlock", "--force", "e2e-lock-id")
        self.assertEqual(nothing.code, 1, nothing)
        self.assertIn("is not locked", nothing.err)

    def test_a_refused_write_keeps_the_previous_state_and_saves_the_new_one_locally(self):
        self.init()
        self.apply()
        before = self.stored_bytes()
        self.sql(f"CREATE FUNCTION {SCHEMA}.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                 "$$ BEGIN RAISE EXCEPTION 'disk quota exceeded (e2e)'; END $$")
        self.sql(f"CREATE TRIGGER refuse BEFORE UPDATE ON {SCHEMA}.states FOR EACH ROW "
                 f"EXECUTE FUNCTION {SCHEMA}.refuse()")

        failed = self.run_plinth("apply", "--auto-approve", "--var", "text=two")
        self.assertEqual(failed.code, 1, failed)
        self.assertIn("disk quota exceeded (e2e)", failed.err)
        self.assertIn("plinth.state.errored.json", failed.err)
        self.assertEqual(self.stored_bytes(), before, "the stored state is the previous one")
        with open(self.path("plinth.state.errored.json"), encoding="utf-8") as source:
            errored = json.load(source)
        self.assertEqual(errored["serial"], json.loads(before)["serial"] + 1)
        self.assertEqual([r["attributes"]["content"] for r in errored["resources"] if r["address"] == "note"],
                         ["two"])

    def test_migrate_state_from_local_to_pg_and_back_keeps_it_byte_for_byte(self):
        self.write_stack({"main.yaml": STACK})
        self.apply()
        self.apply("--var", "text=two")
        local = self.state_bytes().decode()

        env = {"PG_CONN_STR": server.url(self.db)}
        self.write_stack({"main.yaml": STACK + "\nbackend:\n  type: pg\n"})
        refused = self.run_plinth("plan", env=env)
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("plinth init", refused.err)
        self.plinth_ok("init", "--migrate-state", env=env)
        self.assertEqual(self.stored_bytes(), local)
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", "--var", "text=two", env=env).code, 0)

        os.remove(self.path(STATE_FILE))
        self.write_stack({"main.yaml": STACK})
        self.plinth_ok("init", "--migrate-state", env=env)
        self.assertEqual(self.state_bytes().decode(), local)
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", "--var", "text=two").code, 0)


if __name__ == "__main__":
    unittest.main()
