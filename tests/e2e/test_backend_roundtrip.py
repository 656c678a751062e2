"""`plinth init --migrate-state` along local -> pg -> s3 -> http -> local, each backend a real server
on 127.0.0.1: every hop keeps the lineage, the serial and every byte of every resource, and the
stack plans no changes in each backend."""

import json
import unittest

from aws_servers import AwsServers
from http_state_server import HttpStateServer
from pg_server import PostgresServer
from plinth_e2e import StackTest

STACK = """
stack: travelling
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: "sensitive? no: ${secret.result}"
  secret:
    type: random_password
    properties: { length: 20 }
  marker:
    type: null_resource
outputs:
  secret: { value: "${secret.result}", sensitive: true }
"""


class RoundTripTest(StackTest):
    def setUp(self):
        super().setUp()
        self.pg = PostgresServer.start_or_skip()
        self.addCleanup(self.pg.stop)
        self.pg.create_database("roundtrip")
        self.aws = AwsServers(buckets=["states"], tables=["locks"]).__enter__()
        self.addCleanup(self.aws.__exit__)
        self.http = HttpStateServer().__enter__()
        self.addCleanup(self.http.stop)

    def backends(self):
        aws = self.aws
        return [
            ("pg", f'backend:\n  type: pg\n  conn_str: "{self.pg.conn_str("roundtrip")}"\n'),
            ("s3", aws.backend_block("states", "app/state.json", "locks")),
            ("http", self.http.backend_block("app")),
            ("local", ""),
        ]

    def pulled(self):
        return json.loads(self.plinth_ok("state", "pull", env=self.env).out)

    def test_state_survives_the_whole_journey_unchanged(self):
        self.env = AwsServers.environment()
        self.write_stack({"main.yaml": STACK})
        self.apply(env=self.env)
        original = self.pulled()
        self.assertEqual(original["serial"], 1)
        for name, block in self.backends():
            with self.subTest(backend=name):
                self.write_stack({"main.yaml": STACK + block})
                migrated = self.plinth_ok("init", "--migrate-state", env=self.env)
                self.assertIn("copied workspace default", migrated.out)
                here = self.pulled()
                self.assertEqual(here["lineage"], original["lineage"])
                self.assertEqual(here["serial"], original["serial"])
                self.assertEqual(here["resources"], original["resources"])
                self.assertEqual(here["outputs"], original["outputs"])
                plan = self.plinth_ok("plan", "--detailed-exitcode", env=self.env)
                self.assertIn("No changes.", plan.out)
        with open(self.path("plinth.state.json"), encoding="utf-8") as back:
            self.assertEqual(json.load(back), original)


if __name__ == "__main__":
    unittest.main()
