"""Eight `plinth apply` processes at once on the same stack, against each state backend (local,
http, pg, s3; each a real server on 127.0.0.1): one holds the lock at a time, the others wait
(`--lock-timeout`) or stop cleanly with a lock error, the final state is valid, its serial grew
by exactly the number of applies that succeeded, and nothing was lost.

Each process applies its own value of a variable, so every successful apply writes the state
once. The runs use `--json`, whose timestamps show when each held the lock: from its first
planned change to its summary, and no two of those spans may overlap."""

import datetime
import json
import os
import unittest

from aws_servers import AwsServers
from http_state_server import HttpStateServer
from pg_server import PostgresServer
from plinth_e2e import StackTest

WRITERS = 8

STACK = """
stack: contended
variables:
  writer: { type: string }
resources:
  marker:
    type: local_file
    properties:
      filename: "marker.txt"
      content: "${var.writer}"
  anchor:
    type: null_resource
outputs:
  writer: { value: "${var.writer}" }
"""


def timestamp(event):
    return datetime.datetime.strptime(event["@timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ")


class ConcurrentWritersTest(StackTest):
    @classmethod
    def setUpClass(cls):
        cls.pg = PostgresServer.start_or_skip()
        cls.aws = AwsServers(buckets=["states"], tables=["locks"]).__enter__()
        cls.http = HttpStateServer().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.http.stop()
        cls.aws.__exit__(None, None, None)
        cls.pg.stop()

    def setUp(self):
        super().setUp()
        self.root = self.dir

    def backend_block(self, name):
        if name == "local":
            return ""
        if name == "pg":
            database = f"writers_{self.id().rsplit('.', 1)[-1][-20:]}"
            self.pg.create_database(database)
            return f'backend:\n  type: pg\n  conn_str: "{self.pg.conn_str(database)}"\n'
        key = self.id().rsplit(".", 1)[-1]
        if name == "s3":
            return self.aws.backend_block("states", f"{key}/state.json", "locks")
        return self.http.backend_block(key)

    def pulled(self):
        return json.loads(self.plinth_ok("state", "pull", env=self.env).out)

    def contend(self, backend, lock_timeout):
        """Starts the first apply, then WRITERS more at once; returns (serial before, their results,
        their events)."""
        self.env = AwsServers.environment()
        self.dir = os.path.join(self.root, backend)  # each backend its own stack directory
        os.makedirs(self.dir)
        self.write_stack({"main.yaml": STACK + self.backend_block(backend)})
        self.plinth_ok("init", env=self.env)
        self.apply("--var", "writer=first", env=self.env)
        before = self.pulled()["serial"]
        processes = [self.start_plinth("apply", "--auto-approve", "--json", "--lock-timeout", lock_timeout,
                                       "--var", f"writer=w{n}", env=self.env) for n in range(WRITERS)]
        results = [self.finish(process, timeout=180) for process in processes]
        events = [[json.loads(line) for line in result.out.splitlines()] for result in results]
        return before, results, events

    def assert_one_writer_at_a_time(self, events):
        spans = []
        for run in events:
            locked = [e for e in run if e["type"] in ("planned_change", "apply_start", "apply_complete",
                                                       "change_summary")]
            if locked:
                spans.append((timestamp(locked[0]), timestamp(locked[-1])))
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            self.assertLessEqual(end, start, f"two applies held the lock at once: {spans}")

    def assert_state_is_whole(self, state, winners):
        self.assertEqual(sorted(r["address"] for r in state["resources"]), ["anchor", "marker"])
        last = state["outputs"]["writer"]["value"]
        self.assertIn(last, winners)
        self.assertEqual(self.read("marker.txt"), last)

    def test_writers_that_wait_all_succeed_in_turn(self):
        for backend in ("local", "http", "pg", "s3"):
            with self.subTest(backend=backend):
                before, results, events = self.contend(backend, "120s")
                for result in results:
                    self.assertEqual(result.code, 0, result)
                state = self.pulled()
                self.assertEqual(state["serial"], before + WRITERS)
                self.assert_one_writer_at_a_time(events)
                self.assert_state_is_whole(state, {f"w{n}" for n in range(WRITERS)})
                self.assertIn("No changes.", self.plinth_ok("plan", "--var", f"writer={state['outputs']['writer']['value']}",
                                                            env=self.env).out)

    def test_writers_that_do_not_wait_fail_cleanly(self):
        for backend in ("local", "http", "pg", "s3"):
            with self.subTest(backend=backend):
                before, results, events = self.contend(backend, "0s")
                winners = {f"w{n}" for n, result in enumerate(results) if result.code == 0}
                self.assertTrue(winners, results)
                for result in results:
                    if result.code == 0:
                        continue
                    self.assertEqual(result.code, 1, result)
                    errors = [e for e in events[results.index(result)] if e["type"] == "diagnostic"]
                    self.assertTrue(errors, result)
                    self.assertIn("lock", errors[0]["diagnostic"]["summary"].lower(), result)
                    self.assertFalse([e for e in events[results.index(result)] if e["type"] == "apply_start"])
                state = self.pulled()
                self.assertEqual(state["serial"], before + len(winners))
                self.assert_one_writer_at_a_time(events)
                self.assert_state_is_whole(state, winners)


if __name__ == "__main__":
    unittest.main()
