"""The `http` state backend against a server of Terraform's http backend protocol
(http_state_server.py) on 127.0.0.1: state, locks, force-unlock, failures and migration."""

import json
import os
import shutil
import tempfile
import unittest
import urllib.request

from http_state_server import HttpStateServer
from plinth_e2e import CANARY, STATE_FILE, StackTest, wait_until

ERRORED_FILE = "plinth.state.errored.json"

RESOURCES = """
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: {content}
  marker:
    type: null_resource
"""

SLOW_RESOURCES = """
resources:
  pause:
    type: time_sleep
    properties:
      create_duration: 5s
"""


def backend_block(server, locking=True):
    # Retries that do not slow the tests down.
    return server.backend_block("app", locking, extra=["  retry_max: 1", "  retry_wait_min: 0", "  retry_wait_max: 1"])


def stack(backend="", content="hello", resources=RESOURCES):
    return "stack: remote\n" + backend + resources.format(content=content)


class HttpBackendTest(StackTest):
    def setUp(self):
        super().setUp()
        self.server = HttpStateServer().__enter__()
        self.addCleanup(self.server.stop)

    def use_backend(self, folder=None, **kwargs):
        """Writes the stack with the http backend into `folder` (the test's stack dir by default)
        and runs `plinth init` there."""
        folder = folder or self.dir
        with open(os.path.join(folder, "main.yaml"), "w", encoding="utf-8") as out:
            out.write(stack(backend_block(self.server), **kwargs))
        initialized = self.run_in(folder, "init")
        self.assertEqual(initialized.code, 0, initialized)

    def run_in(self, folder, *args, **kwargs):
        return self.run_plinth("--chdir", folder, *args, chdir=False, **kwargs)

    def remote_state(self):
        stored = self.server.state("app")
        return json.loads(stored) if stored is not None else None

    def remote_addresses(self):
        return {r["address"] for r in self.remote_state()["resources"]}

    def take_lock(self, lock_id):
        """Locks the state as another run would, through the protocol."""
        info = {"ID": lock_id, "Operation": "apply", "Who": "someone@elsewhere (pid 4242)", "Version": "1.9.0",
                "Created": "2024-01-01T00:00:00Z", "Path": ""}
        request = urllib.request.Request(f"{self.server.url}/lock/app", data=json.dumps(info).encode(), method="LOCK")
        with urllib.request.urlopen(request, timeout=10) as answer:
            self.assertEqual(answer.status, 200)


class StateTest(HttpBackendTest):
    def test_init_apply_plan_destroy_with_basic_auth(self):
        self.server.stop()
        self.server = HttpStateServer(username="ci", password=CANARY).__enter__()
        env = {"PLINTH_HTTP_USERNAME": "ci", "TF_HTTP_PASSWORD": CANARY}
        self.write_stack({"main.yaml": stack(backend_block(self.server))})
        refused = self.run_plinth("plan")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("plinth init", refused.err)

        initialized = self.plinth_ok("init", env=env)
        self.assertIn(f"http {self.server.url}/state/app", initialized.out)
        self.apply(env=env)
        self.assertEqual(self.read("note.txt"), "hello")
        self.assertFalse(self.exists(STATE_FILE), "the state must live on the server only")
        self.assertEqual(self.remote_addresses(), {"note", "marker"})
        self.assertIsNone(self.server.lock_of("app"), "apply must release its lock")
        # Every update while locked names the lock; the lock was taken and released.
        self.assertTrue(self.server.seen("POST"))
        self.assertTrue(all("?ID=" in path for path in self.server.seen("POST")))
        self.assertEqual(self.server.seen("LOCK")[:1], ["/lock/app"])

        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode", env=env).code, 0)
        self.assertEqual(self.plinth_ok("state", "list", env=env).out.split(), ["marker", "note"])

        wrong = self.run_plinth("plan", env={"PLINTH_HTTP_USERNAME": "ci", "PLINTH_HTTP_PASSWORD": "wrong"})
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("answered HTTP 401", wrong.err)
        self.assertIn("authentication required", wrong.err)

        serial = self.remote_state()["serial"]
        self.plinth_ok("destroy", "--auto-approve", env=env)
        self.assertFalse(self.exists("note.txt"))
        self.assertEqual(self.remote_state()["resources"], [])
        self.assertEqual(self.remote_state()["serial"], serial + 1)

    def test_settings_errors_point_at_the_block(self):
        block = backend_block(self.server).replace("  lock_address:", "  lock_adress:")
        self.write_stack({"main.yaml": stack(block)})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown setting `lock_adress` for the http backend", result.err)
        self.assertIn("did you mean `lock_address`", result.err)
        self.assert_location(result.err, "main.yaml", 5)
        self.assertFalse(self.exists(".plinth", "backend.json"))

    def test_without_lock_address_nothing_is_locked(self):
        self.write_stack({"main.yaml": stack(backend_block(self.server, locking=False))})
        self.plinth_ok("init")
        self.apply()
        self.assertEqual(self.server.seen("LOCK"), [])
        self.assertTrue(all("?ID=" not in path for path in self.server.seen("POST")))
        self.assertEqual(self.remote_addresses(), {"note", "marker"})

    def test_only_the_default_workspace(self):
        self.write_stack({"main.yaml": stack(backend_block(self.server))})
        self.plinth_ok("init")
        self.assertEqual(self.plinth_ok("workspace", "list").out, "* default\n")
        created = self.run_plinth("workspace", "new", "staging")
        self.assertEqual(created.code, 1, created)
        self.assertIn("the http backend has no workspace `staging`: it has only `default`", created.err)
        self.assertEqual(self.plinth_ok("workspace", "show").out, "default\n")
        selected = self.run_plinth("workspace", "select", "staging")
        self.assertEqual(selected.code, 1, selected)
        self.assertIn("does not exist", selected.err)
        self.plinth_ok("workspace", "select", "default")
        deleted = self.run_plinth("workspace", "delete", "default")
        self.assertEqual(deleted.code, 1, deleted)
        self.assertIn("cannot be deleted", deleted.err)
        self.assertIsNone(self.server.state("app"))


WORKSPACE_RESOURCES = """
resources:
  note:
    type: local_file
    properties:
      filename: note-${{plinth.workspace}}.txt
      content: {content}
"""


def workspace_backend_block(url, listing=True):
    lines = ["backend:", "  type: http", f"  address: {url}/state/app-{{workspace}}",
             f"  lock_address: {url}/lock/app-{{workspace}}", f"  unlock_address: {url}/lock/app-{{workspace}}"]
    if listing:
        lines.append(f"  workspaces_address: {url}/states?prefix=app-")
    return "\n".join(lines) + "\n"


class WorkspaceTest(HttpBackendTest):
    def remote_resources(self, name):
        stored = self.server.state(name)
        return [r["address"] for r in json.loads(stored)["resources"]] if stored else None

    def test_each_workspace_has_its_own_state_and_lock(self):
        self.write_stack({"main.yaml": stack(workspace_backend_block(self.server.url),
                                             resources=WORKSPACE_RESOURCES)})
        self.plinth_ok("init")
        self.apply()
        self.assertEqual(self.remote_resources("app-default"), ["note"])
        self.assertEqual(self.plinth_ok("workspace", "list").out, "* default\n")

        created = self.plinth_ok("workspace", "new", "staging")
        self.assertIn("Created and selected workspace", created.out)
        self.assertEqual(self.remote_resources("app-staging"), [], "a new workspace starts with an empty state")
        self.assertEqual(self.plinth_ok("workspace", "list").out, "  default\n* staging\n")
        self.apply()
        self.assertTrue(self.exists("note-staging.txt"))
        self.assertEqual(self.remote_resources("app-staging"), ["note"])
        self.assertIn("/lock/app-staging", self.server.seen("LOCK"))
        self.assertIsNone(self.server.lock_of("app-staging"))

        # PLINTH_WORKSPACE picks a workspace for one run; each plans against its own state.
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode", env={"PLINTH_WORKSPACE": "default"}).code, 0)
        again = self.run_plinth("workspace", "new", "staging")
        self.assertEqual(again.code, 1, again)
        self.assertIn("workspace `staging` already exists", again.err)

        self.plinth_ok("workspace", "select", "default")
        kept = self.run_plinth("workspace", "delete", "staging")
        self.assertEqual(kept.code, 1, kept)
        self.assertIn("still manages 1 objects", kept.err)
        self.plinth_ok("workspace", "delete", "--force", "staging")
        self.assertIsNone(self.server.state("app-staging"))
        self.assertIn("/state/app-staging", self.server.seen("DELETE"))
        self.assertEqual(self.plinth_ok("workspace", "list").out, "* default\n")
        self.assertEqual(self.remote_resources("app-default"), ["note"])

    def test_without_a_workspaces_address_workspaces_work_but_cannot_be_listed(self):
        self.write_stack({"main.yaml": stack(workspace_backend_block(self.server.url, listing=False),
                                             resources=WORKSPACE_RESOURCES)})
        self.plinth_ok("init")
        self.plinth_ok("workspace", "new", "dev")
        self.apply()
        self.assertEqual(self.remote_resources("app-dev"), ["note"])
        listed = self.run_plinth("workspace", "list")
        self.assertEqual(listed.code, 1, listed)
        self.assertIn("this http backend cannot list its workspaces", listed.err)
        self.assertIn("workspaces_address", listed.err)
        self.plinth_ok("workspace", "select", "default")
        missing = self.run_plinth("workspace", "select", "prod")
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("workspace `prod` does not exist", missing.err)
        self.assertEqual(self.plinth_ok("workspace", "show", env={"PLINTH_WORKSPACE": "dev"}).out, "dev\n")


class LockTest(HttpBackendTest):
    def test_concurrent_applies_from_two_checkouts(self):
        other = tempfile.mkdtemp(prefix="plinth-e2e-")
        self.addCleanup(shutil.rmtree, other, ignore_errors=True)
        self.use_backend(resources=SLOW_RESOURCES)
        first = self.start_plinth("apply", "--auto-approve")
        self.assertTrue(wait_until(lambda: self.server.lock_of("app")), "the first apply never took the lock")
        holder = self.server.lock_of("app")
        self.assertEqual(holder["Operation"], "apply")
        self.assertIn(f"pid {first.pid}", holder["Who"])

        # The other checkout adds a resource to the same state.
        self.use_backend(other, resources=SLOW_RESOURCES + RESOURCES.replace("resources:\n", ""))
        refused = self.run_in(other, "apply", "--auto-approve")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("Error acquiring the state lock", refused.err)
        self.assertIn(holder["ID"], refused.err)
        self.assertIn(f"pid {first.pid}", refused.err)

        waiting = self.run_in(other, "apply", "--auto-approve", "--lock-timeout", "30s")
        self.assertEqual(waiting.code, 0, waiting)
        self.assertEqual(self.finish(first).code, 0)
        self.assertIn("Plan: 2 to add, 0 to change, 0 to destroy.", waiting.out)  # on top of the first's state
        state = self.remote_state()
        self.assertEqual({r["address"] for r in state["resources"]}, {"pause", "note", "marker"})
        # The first apply stored the new state's base, then its result; the second its result.
        self.assertEqual(state["serial"], 2)
        self.assertIsNone(self.server.lock_of("app"))

    def test_force_unlock_needs_the_current_lock_id(self):
        self.use_backend()
        self.take_lock("stale-lock-id")
        refused = self.run_plinth("apply", "--auto-approve", "--lock-timeout", "300ms")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("someone@elsewhere (pid 4242)", refused.err)
        self.assertIn("stale-lock-id", refused.err)
        self.assertIsNone(self.server.state("app"))

        wrong = self.run_plinth("force-unlock", "--force", "not-the-id")
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("lock ID `not-the-id` is not the current lock's", wrong.err)
        self.assertEqual(self.server.lock_of("app")["ID"], "stale-lock-id")

        released = self.plinth_ok("force-unlock", "--force", "stale-lock-id")
        self.assertIn("unlocked", released.out)
        self.assertIsNone(self.server.lock_of("app"))
        self.apply()
        self.assertEqual(self.remote_addresses(), {"note", "marker"})


class FailureTest(HttpBackendTest):
    def test_a_failed_final_write_keeps_the_previous_state(self):
        self.use_backend()
        self.apply()
        before = self.server.state("app")
        serial = json.loads(before)["serial"]

        self.write_stack({"main.yaml": stack(backend_block(self.server), content="changed")})
        self.server.fail_next(2, "POST")  # the write and its one retry
        failed = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(failed.code, 1, failed)
        self.assertIn("cannot store the state", failed.err)
        self.assertIn("answered HTTP 500", failed.err)
        self.assertIn("injected failure", failed.err)
        self.assertIn(ERRORED_FILE, failed.err)
        self.assertEqual(self.server.state("app"), before, "the server must keep the previous state")
        with open(self.path(ERRORED_FILE), encoding="utf-8") as source:
            errored = json.load(source)
        self.assertEqual(errored["serial"], serial + 1)
        self.assertEqual(errored["lineage"], json.loads(before)["lineage"])
        self.assertEqual(self.read("note.txt"), "changed")
        self.assertIsNone(self.server.lock_of("app"), "the lock must be released after a failed write")

        self.plinth_ok("state", "push", ERRORED_FILE)
        self.assertGreater(self.remote_state()["serial"], serial)
        note = next(r for r in self.remote_state()["resources"] if r["address"] == "note")
        self.assertEqual(note["attributes"]["content"], "changed")
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

    def test_a_failed_unlock_is_reported_with_the_lock_id(self):
        self.use_backend()
        self.server.fail_next(2, "UNLOCK")  # the release and its one retry
        result = self.apply()
        holder = self.server.lock_of("app")
        self.assertIsNotNone(holder, "the server never got the UNLOCK")
        self.assertIn("cannot release the state lock", result.err)
        self.assertIn("injected failure", result.err)
        self.assertIn(f"plinth force-unlock {holder['ID']}", result.err)
        self.plinth_ok("force-unlock", "--force", holder["ID"])
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

    def test_server_down_is_an_error_not_a_hang(self):
        self.use_backend()
        self.server.stop()
        result = self.run_plinth("plan", timeout=30)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"cannot lock the state: LOCK {self.server.url}/lock/app failed (after 2 tries)", result.err)
        self.assertIn("Couldn't connect to server", result.err)


class MigrationTest(HttpBackendTest):
    def test_migrate_from_local_and_back_keeps_every_byte(self):
        self.write_stack({"main.yaml": stack()})
        self.apply()
        local = self.state_bytes()

        self.write_stack({"main.yaml": stack(backend_block(self.server))})
        refused = self.run_plinth("init")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("--migrate-state", refused.err)
        self.plinth_ok("init", "--migrate-state")
        self.assertEqual(self.server.state("app"), local)
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

        self.write_stack({"main.yaml": stack()})
        self.plinth_ok("init", "--migrate-state")
        self.assertEqual(self.state_bytes(), local)
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)


if __name__ == "__main__":
    unittest.main()
