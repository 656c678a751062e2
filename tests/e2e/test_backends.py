"""The backend: block and what every backend shares, on the local backend: init records the block,
a changed block needs init (--migrate-state copies the states, lineage and serial kept),
force-unlock of a lock a hung run holds."""

import json
import os
import signal
import unittest

from plinth_e2e import StackTest, wait_until

RESOURCES = """
resources:
  note:
    type: local_file
    properties:
      filename: note-${plinth.workspace}.txt
      content: hi ${plinth.workspace}
  id:
    type: random_id
    properties: { byte_length: 4 }
outputs:
  id: { value: "${id.hex}" }
"""

SLOW = """
stack: slow
backend: { type: local, path: states/main.json }
resources:
  pause:
    type: time_sleep
    properties:
      create_duration: 60s
"""


def stack(backend=""):
    return "stack: shared\n" + backend + RESOURCES


class BackendTest(StackTest):
    def read_json(self, *parts):
        with open(self.path(*parts), encoding="utf-8") as source:
            return json.load(source)

    def test_a_backend_block_needs_init_and_then_holds_the_state(self):
        self.write_stack({"main.yaml": stack("backend:\n  type: local\n  path: states/main.json\n")})
        refused = self.run_plinth("plan")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("backend initialization required", refused.err)
        self.assertIn("plinth init", refused.err)
        self.assert_location(refused.err, "main.yaml", 2)

        init = self.plinth_ok("init")
        self.assertIn("states/main.json", init.out)
        self.assertEqual(self.read_json(".plinth", "backend.json"),
                         {"type": "local", "settings": {"path": "states/main.json"}})
        self.apply()
        self.assertEqual(self.read_json("states", "main.json")["serial"], 1)
        self.assertFalse(self.exists("plinth.state.json"))
        self.assertEqual(self.state_list(), {"note", "id"})
        self.assertIn("No changes.", self.plinth_ok("plan").out)
        self.plinth_ok("output", "id")

    def test_bad_backend_settings_point_at_the_stack(self):
        self.write_stack({"main.yaml": stack("backend:\n  type: local\n  pth: x.json\n")})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown setting `pth` for the local backend", result.err)
        self.assertIn("did you mean `path`?", result.err)
        self.assert_location(result.err, "main.yaml", 4)
        self.write_stack({"main.yaml": stack("backend: { type: ftp }\n")})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown backend type `ftp`", result.err)
        self.write_stack({"main.yaml": stack("backend: { type: local, path: \"${var.x}\" }\n")})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("cannot hold an expression", result.err)

    def test_migrate_state_copies_every_workspace_keeping_lineage_and_serial(self):
        self.write_stack({"main.yaml": stack()})
        self.apply()
        self.plinth_ok("workspace", "new", "staging")
        self.apply()
        self.plinth_ok("workspace", "select", "default")
        before = {"default": self.read_json("plinth.state.json"),
                  "staging": self.read_json("plinth.state.d", "staging", "plinth.state.json")}

        self.write_stack({"main.yaml": stack("backend: { type: local, path: moved/state.json }\n")})
        refused = self.run_plinth("init")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("--migrate-state", refused.err)
        self.assertIn("default, staging", refused.err)
        self.assertFalse(self.exists(".plinth", "backend.json"))

        migrated = self.plinth_ok("init", "--migrate-state")
        self.assertIn("copied workspace default", migrated.out)
        self.assertIn("copied workspace staging", migrated.out)
        after = {"default": self.read_json("moved", "state.json"),
                 "staging": self.read_json("plinth.state.d", "staging", "plinth.state.json")}
        self.assertEqual(after, before)
        self.assertIn("No changes.", self.plinth_ok("plan").out)
        self.assertIn("No changes.", self.plinth_ok("plan", "--workspace", "staging").out)

        # Back again: the old file holds an older version of the same lineage, which may be replaced.
        self.apply("--replace", "id")
        moved = self.read_json("moved", "state.json")
        self.write_stack({"main.yaml": stack()})
        self.plinth_ok("init", "--migrate-state")
        self.assertEqual(self.read_json("plinth.state.json"), moved)

    def test_migrate_state_refuses_to_overwrite_an_unrelated_state(self):
        self.write_stack({"main.yaml": stack()})
        self.apply()
        self.write_stack({"other/main.yaml": stack()})
        self.plinth_ok("--chdir", self.path("other"), "apply", "--auto-approve", chdir=False)
        self.write_stack({"main.yaml": stack("backend: { type: local, path: other/plinth.state.json }\n")})
        refused = self.run_plinth("init", "--migrate-state")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("already holds a different state", refused.err)
        self.assertIn("--force-copy", refused.err)
        self.plinth_ok("init", "--migrate-state", "--force-copy")
        self.assertEqual(self.read_json("other", "plinth.state.json")["lineage"],
                         self.read_json("plinth.state.json")["lineage"])

    def test_reconfigure_switches_without_copying(self):
        self.write_stack({"main.yaml": stack()})
        self.apply()
        self.write_stack({"main.yaml": stack("backend: { type: local, path: fresh.json }\n")})
        self.plinth_ok("init", "--reconfigure")
        self.assertEqual(self.state_list(), set())

    def test_force_unlock_releases_the_lock_of_a_hung_run(self):
        self.write_stack({"main.yaml": SLOW})
        self.plinth_ok("init")
        hung = self.start_plinth("apply", "--auto-approve")
        lock_path = self.path("states", "main.json.lock")

        def holder_id():
            try:
                with open(lock_path, encoding="utf-8") as lock:
                    return json.loads(lock.read() or "{}").get("ID")
            except (OSError, ValueError):
                return None

        self.assertTrue(wait_until(holder_id), "the apply never took the lock")
        lock_id = holder_id()
        os.kill(hung.pid, signal.SIGSTOP)  # hung for good: alive, holding its lock
        self.addCleanup(lambda: os.kill(hung.pid, signal.SIGCONT) if hung.poll() is None else None)

        refused = self.run_plinth("plan")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn(lock_id, refused.err)
        self.assertIn(f"pid {hung.pid}", refused.err)
        self.assertIn("plinth force-unlock", refused.err)

        wrong = self.run_plinth("force-unlock", "--force", "not-" + lock_id)
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("is not the current lock's", wrong.err)
        no_terminal = self.run_plinth("force-unlock", lock_id)
        self.assertEqual(no_terminal.code, 1, no_terminal)
        self.assertIn("--force", no_terminal.err)

        released = self.plinth_ok("force-unlock", "--force", lock_id)
        self.assertIn("Released.", released.out)
        self.assertEqual(self.run_plinth("plan", "--refresh=false").code, 0)
        again = self.run_plinth("force-unlock", "--force", lock_id)
        self.assertEqual(again.code, 1, again)
        self.assertIn("is not locked", again.err)
        hung.kill()


if __name__ == "__main__":
    unittest.main()
