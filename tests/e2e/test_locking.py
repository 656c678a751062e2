"""The state lock: a second run fails naming the holder, or waits with --lock-timeout."""

import json
import subprocess
import sys
import time
import unittest

from plinth_e2e import LOCK_FILE, StackTest, wait_until

SLOW = """
stack: slow
resources:
  pause:
    type: time_sleep
    properties:
      create_duration: 5s
  after:
    type: local_file
    depends_on: [pause]
    properties:
      filename: after.txt
      content: done
"""

QUICK = """
stack: quick
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: hi
"""

# A stand-in for another plinth: takes the flock, records who it is, holds until stdin closes.
HOLDER = r"""
import fcntl, json, sys
with open(sys.argv[1], "a+") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    lock.truncate(0)
    lock.write(json.dumps({"ID": "e2e-lock-id", "Operation": "apply", "Who": "someone@elsewhere (pid 4242)",
                           "Version": "0.1.0", "Created": "2024-01-01T00:00:00Z", "Path": sys.argv[1]}))
    lock.flush()
    print("locked", flush=True)
    sys.stdin.read()
"""


class LockTest(StackTest):
    def lock_record(self):
        try:
            with open(self.path(LOCK_FILE)) as lock:
                return json.loads(lock.read() or "null")
        except (OSError, ValueError):
            return None

    def test_running_apply_blocks_a_second_one_until_it_finishes(self):
        self.write_stack({"main.yaml": SLOW})
        first = self.start_plinth("apply", "--auto-approve")
        self.assertTrue(wait_until(lambda: (self.lock_record() or {}).get("ID")), "first apply never took the lock")
        holder = self.lock_record()
        self.assertEqual(holder["Operation"], "apply")
        self.assertIn(f"pid {first.pid}", holder["Who"])

        second = self.run_plinth("apply", "--auto-approve")
        # The first apply is still running: without --lock-timeout the second did not wait for it.
        self.assertIsNone(first.poll(), "without --lock-timeout the second run must not wait")
        self.assertEqual(second.code, 1, second)
        self.assertIn("Error acquiring the state lock", second.err)
        self.assertIn(holder["ID"], second.err)
        self.assertIn(f"pid {first.pid}", second.err)
        self.assertIn("--lock-timeout", second.err)

        planned = self.run_plinth("plan")
        self.assertEqual(planned.code, 1, planned)
        self.assertIn(holder["ID"], planned.err)

        waiting = self.start_plinth("apply", "--auto-approve", "--lock-timeout", "10s")
        first_result = self.finish(first)
        self.assertEqual(first_result.code, 0, first_result)
        waited = self.finish(waiting)
        self.assertEqual(waited.code, 0, waited)
        self.assertIn("No changes.", waited.out)  # it planned against the first run's state
        self.assertEqual(self.read("after.txt"), "done")
        self.assertEqual(set(self.resources()), {"pause", "after"})
        self.assertIsNone(self.lock_record(), "the lock file must not keep a holder after the runs")

    def start_holder(self):
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, self.path(LOCK_FILE)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        self.addCleanup(holder.stdout.close)
        self.addCleanup(holder.wait)
        self.addCleanup(holder.stdin.close)
        self.assertEqual(holder.stdout.readline().strip(), "locked")
        return holder

    def test_lock_held_by_another_process_names_the_holder(self):
        self.write_stack({"main.yaml": QUICK})
        holder = self.start_holder()

        refused = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("Error acquiring the state lock", refused.err)
        self.assertIn("someone@elsewhere (pid 4242)", refused.err)
        self.assertIn("e2e-lock-id", refused.err)
        self.assertFalse(self.exists("note.txt"))
        self.assertIsNone(self.state())

        short = self.run_plinth("apply", "--auto-approve", "--lock-timeout", "300ms")
        self.assertEqual(short.code, 1, short)
        self.assertIn("someone@elsewhere", short.err)

        waiting = self.start_plinth("apply", "--auto-approve", "--lock-timeout", "10s")
        time.sleep(0.5)
        self.assertIsNone(waiting.poll(), "apply must wait while the lock is held")
        holder.stdin.close()
        holder.wait()
        result = self.finish(waiting)
        self.assertEqual(result.code, 0, result)
        self.assertEqual(self.read("note.txt"), "hi")

    def test_read_only_commands_do_not_need_the_lock(self):
        self.write_stack({"main.yaml": QUICK})
        self.apply()
        holder = self.start_holder()
        self.assertEqual(self.state_list(), {"note"})
        self.plinth_ok("output")
        self.plinth_ok("validate")
        holder.stdin.close()

    def test_invalid_lock_timeout(self):
        self.write_stack({"main.yaml": QUICK})
        result = self.run_plinth("apply", "--auto-approve", "--lock-timeout", "soon")
        self.assertEqual(result.code, 1, result)
        self.assertIn("invalid --lock-timeout `soon`", result.err)
        self.assertFalse(self.exists("note.txt"))


if __name__ == "__main__":
    unittest.main()
