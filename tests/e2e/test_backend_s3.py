"""The `s3` state backend against s3rver (S3, checking SigV4 signatures) and dynalite (DynamoDB, for
the lock item) on 127.0.0.1: state, workspaces, locks, force-unlock, failures and migration."""

import json
import os
import shutil
import tempfile
import time
import unittest

from aws_servers import AwsServers
from plinth_e2e import STATE_FILE, StackTest, wait_until

ERRORED_FILE = "plinth.state.errored.json"
BUCKET = "states"
TABLE = "locks"
KEY = "app/state.json"
LOCK_ID = f"{BUCKET}/{KEY}"

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
      create_duration: 3s
"""


def backend_block(aws):
    return aws.backend_block(BUCKET, KEY, TABLE)


def stack(backend="", content="hello", resources=RESOURCES):
    return "stack: remote\n" + backend + resources.format(content=content)


class S3BackendTest(StackTest):
    def setUp(self):
        super().setUp()
        self.aws = AwsServers(buckets=[BUCKET], tables=[TABLE]).__enter__()
        self.addCleanup(self.aws.__exit__)
        self.env = AwsServers.environment()

    def use_backend(self, dir=None, **kwargs):
        """Writes the stack with the s3 backend into `dir` (the test's stack dir by default) and
        runs `plinth init` there."""
        dir = dir or self.dir
        with open(os.path.join(dir, "main.yaml"), "w", encoding="utf-8") as out:
            out.write(stack(backend_block(self.aws), **kwargs))
        initialized = self.run_in(dir, "init")
        self.assertEqual(initialized.code, 0, initialized)

    def run_in(self, dir, *args, **kwargs):
        return self.run_plinth("--chdir", dir, *args, chdir=False, **kwargs)

    def run_plinth(self, *args, env=None, **kwargs):
        return super().run_plinth(*args, env={**self.env, **(env or {})}, **kwargs)

    def start_plinth(self, *args, env=None):
        return super().start_plinth(*args, env={**self.env, **(env or {})})

    def remote_bytes(self, key=KEY):
        return self.aws.object_bytes(BUCKET, key)

    def remote_state(self, key=KEY):
        stored = self.remote_bytes(key)
        return json.loads(stored) if stored is not None else None

    def remote_addresses(self, key=KEY):
        return {r["address"] for r in self.remote_state(key)["resources"]}

    def lock_item(self):
        """The lock item of the default workspace's state, or None."""
        items = [i for i in self.aws.items(TABLE) if i["LockID"]["S"] == LOCK_ID]
        return items[0] if items else None

    def lock_holder(self):
        item = self.lock_item()
        return json.loads(item["Info"]["S"]) if item else None


class StateTest(S3BackendTest):
    def test_init_apply_plan_destroy(self):
        self.write_stack({"main.yaml": stack(backend_block(self.aws))})
        refused = self.run_plinth("plan")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("plinth init", refused.err)

        initialized = self.plinth_ok("init")
        self.assertIn(f"S3 bucket {BUCKET}", initialized.out)
        self.apply()
        self.assertEqual(self.read("note.txt"), "hello")
        self.assertFalse(self.exists(STATE_FILE), "the state must live in the bucket only")
        self.assertEqual(self.remote_addresses(), {"note", "marker"})
        self.assertIsNone(self.lock_item(), "apply must release its lock")

        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)
        self.assertEqual(self.plinth_ok("state", "list").out.split(), ["marker", "note"])

        wrong = self.run_plinth("plan", env={"AWS_SECRET_ACCESS_KEY": "wrong"})
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("SignatureDoesNotMatch", wrong.err)

        serial = self.remote_state()["serial"]
        self.plinth_ok("destroy", "--auto-approve")
        self.assertFalse(self.exists("note.txt"))
        self.assertEqual(self.remote_state()["resources"], [])
        self.assertEqual(self.remote_state()["serial"], serial + 1)

    def test_workspaces_live_under_the_prefix(self):
        self.use_backend()
        self.apply()
        self.assertEqual(self.plinth_ok("workspace", "list").out, "* default\n")
        self.plinth_ok("workspace", "new", "dev")
        dev_key = f"env:/dev/{KEY}"
        self.assertIsNotNone(self.remote_state(dev_key), "a new workspace has a state")
        self.assertEqual(self.plinth_ok("workspace", "list").out, "  default\n* dev\n")
        self.write_stack({"main.yaml": stack(backend_block(self.aws), content="dev")})
        self.apply()
        self.assertEqual(self.remote_addresses(dev_key), {"note", "marker"})
        self.assertEqual(self.read("note.txt"), "dev")
        self.assertIsNotNone(self.remote_state(), "default keeps its own state")

        self.plinth_ok("workspace", "select", "default")
        refused = self.run_plinth("workspace", "delete", "dev")
        self.assertEqual(refused.code, 1, refused)
        self.plinth_ok("workspace", "delete", "--force", "dev")
        self.assertIsNone(self.remote_bytes(dev_key))
        self.assertEqual(self.plinth_ok("workspace", "list").out, "* default\n")
        self.assertIsNone(self.lock_item())
        self.assertEqual(self.aws.items(TABLE), [], "no lock item is left behind")

    def test_settings_errors_point_at_the_stack(self):
        self.write_stack({"main.yaml": stack(backend_block(self.aws).replace("  dynamodb_table: locks\n", ""))})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("the s3 backend needs a lock", result.err)
        self.assert_location(result.err, "main.yaml", 2)


class LockTest(S3BackendTest):
    def test_concurrent_applies_from_two_checkouts(self):
        other = tempfile.mkdtemp(prefix="plinth-e2e-")
        self.addCleanup(shutil.rmtree, other, ignore_errors=True)
        self.use_backend(resources=SLOW_RESOURCES)
        first = self.start_plinth("apply", "--auto-approve")
        self.assertTrue(wait_until(self.lock_item), "the first apply never took the lock")
        holder = self.lock_holder()
        self.assertEqual(holder["Operation"], "apply")
        self.assertIn(f"pid {first.pid}", holder["Who"])

        self.use_backend(other, resources=SLOW_RESOURCES + RESOURCES.replace("resources:\n", ""))
        refused = self.run_in(other, "apply", "--auto-approve")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("Error acquiring the state lock", refused.err)
        self.assertIn(holder["ID"], refused.err)
        self.assertIn(f"pid {first.pid}", refused.err)

        waiting = self.run_in(other, "apply", "--auto-approve", "--lock-timeout", "30s")
        self.assertEqual(waiting.code, 0, waiting)
        self.assertEqual(self.finish(first).code, 0)
        self.assertIn("Plan: 2 to add, 0 to change, 0 to destroy.", waiting.out)
        state = self.remote_state()
        self.assertEqual({r["address"] for r in state["resources"]}, {"pause", "note", "marker"})
        self.assertEqual(state["serial"], 2)
        self.assertIsNone(self.lock_item())

    def test_force_unlock_needs_the_current_lock_id(self):
        self.use_backend()
        info = {"ID": "stale-lock-id", "Operation": "apply", "Who": "someone@elsewhere (pid 4242)",
                "Version": "1.9.0", "Created": "2024-01-01T00:00:00Z", "Path": LOCK_ID}
        status, answer = self.aws.dynamodb_call("PutItem", {
            "TableName": TABLE, "Item": {"LockID": {"S": LOCK_ID}, "Info": {"S": json.dumps(info)}}})
        self.assertEqual(status, 200, answer)
        refused = self.run_plinth("apply", "--auto-approve", "--lock-timeout", "300ms")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("someone@elsewhere (pid 4242)", refused.err)
        self.assertIn("stale-lock-id", refused.err)
        self.assertIsNone(self.remote_bytes())

        wrong = self.run_plinth("force-unlock", "--force", "not-the-id")
        self.assertEqual(wrong.code, 1, wrong)
        self.assertIn("lock ID `not-the-id` is not the current lock's", wrong.err)
        self.assertEqual(self.lock_holder()["ID"], "stale-lock-id")

        released = self.plinth_ok("force-unlock", "--force", "stale-lock-id")
        self.assertIn("unlocked", released.out)
        self.assertIsNone(self.lock_item())
        self.apply()
        self.assertEqual(self.remote_addresses(), {"note", "marker"})


class FailureTest(S3BackendTest):
    def test_a_failed_final_write_keeps_the_previous_state(self):
        self.use_backend()
        self.apply()
        before = self.remote_bytes()
        serial = json.loads(before)["serial"]

        self.write_stack({"main.yaml": stack(backend_block(self.aws), content="changed",
                                             resources=RESOURCES + SLOW_RESOURCES.replace("resources:\n", ""))})
        applying = self.start_plinth("apply", "--auto-approve")
        self.assertTrue(wait_until(lambda: os.path.exists(self.path("note.txt")) and self.read("note.txt") == "changed"),
                        "the apply never changed the file")
        self.aws.stop_s3()  # while `pause` sleeps: the final write finds S3 down
        failed = self.finish(applying)
        self.aws.start_s3()
        self.assertEqual(failed.code, 1, failed)
        self.assertIn(f"S3 PutObject s3://{BUCKET}/{KEY} failed", failed.err)
        self.assertIn(ERRORED_FILE, failed.err)
        self.assertEqual(self.remote_bytes(), before, "the bucket must keep the previous state")
        with open(self.path(ERRORED_FILE), encoding="utf-8") as source:
            errored = json.load(source)
        self.assertEqual(errored["serial"], serial + 1)
        self.assertEqual(errored["lineage"], json.loads(before)["lineage"])
        self.assertIsNone(self.lock_item(), "the lock must be released after a failed write")

        self.plinth_ok("state", "push", ERRORED_FILE)
        pushed = self.remote_state()
        self.assertEqual(pushed["lineage"], errored["lineage"])
        self.assertEqual(pushed["resources"], errored["resources"])
        self.assertGreater(pushed["serial"], serial)
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

    def test_server_down_is_an_error_not_a_hang(self):
        self.use_backend()
        self.aws.stop_s3()
        started = time.monotonic()
        result = self.run_plinth("plan", timeout=60)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"S3 GetObject s3://{BUCKET}/{KEY} failed", result.err)
        self.assertLess(time.monotonic() - started, 30)
        self.assertIsNone(self.lock_item(), "a failed plan releases its lock")


class MigrationTest(S3BackendTest):
    def test_migrate_from_local_and_back_keeps_every_byte(self):
        self.write_stack({"main.yaml": stack()})
        self.apply()
        local = self.state_bytes()

        self.write_stack({"main.yaml": stack(backend_block(self.aws))})
        refused = self.run_plinth("init")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("--migrate-state", refused.err)
        self.plinth_ok("init", "--migrate-state")
        self.assertEqual(self.remote_bytes(), local)
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

        self.write_stack({"main.yaml": stack()})
        self.plinth_ok("init", "--migrate-state")
        self.assertEqual(self.state_bytes(), local)
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)


if __name__ == "__main__":
    unittest.main()
