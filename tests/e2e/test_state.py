"""`plinth state list|show|pull|mv|rm|push|replace-provider`: state edited, objects untouched."""

import json
import unittest

from plinth_e2e import StackTest

STACK = """
stack: surgery
resources:
  a: { type: random_id, properties: { byte_length: 4 } }
  b:
    type: random_id
    count: 2
    properties: { byte_length: 4 }
"""


class StateCommandsTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})
        self.apply()

    def test_list_filters_and_pull_prints_the_state(self):
        self.assertEqual(self.plinth_ok("state", "list", "b").out.split(), ["b[0]", "b[1]"])
        pulled = json.loads(self.plinth_ok("state", "pull").out)
        self.assertEqual(pulled, self.state())

    def test_mv_renames_so_the_next_plan_matches_a_renamed_resource(self):
        hex_before = self.resources()["a"]["attributes"]["hex"]
        serial = self.state()["serial"]
        result = self.plinth_ok("state", "mv", "a", "renamed")
        self.assertIn("Moved to renamed", result.out)
        self.assertEqual(self.state()["serial"], serial + 1)
        self.assertTrue(self.exists("plinth.state.json.backup"))
        self.write_stack({"main.yaml": STACK.replace("  a:", "  renamed:")})
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)
        self.assertEqual(self.resources()["renamed"]["attributes"]["hex"], hex_before)

        result = self.run_plinth("state", "mv", "renamed", "b[0]")
        self.assertEqual(result.code, 1, result)
        self.assertIn("state already has objects there", result.err)

    def test_rm_forgets_and_the_next_plan_creates_anew(self):
        self.plinth_ok("state", "rm", "b[1]")
        self.assertEqual(self.plinth_ok("state", "list").out.split(), ["a", "b[0]"])
        self.assertEqual(self.plinth_ok("plan").plan_summary(), (1, 0, 0))
        before = self.state_bytes()
        result = self.run_plinth("state", "rm", "nothing")
        self.assertEqual(result.code, 1, result)
        self.assertIn("state has no objects at `nothing`", result.err)
        self.assertEqual(self.state_bytes(), before)

    def test_push_checks_lineage_and_serial(self):
        pulled = self.plinth_ok("state", "pull").out
        self.write_stack({"old.json": pulled})
        self.plinth_ok("state", "rm", "a")
        result = self.run_plinth("state", "push", "old.json")
        self.assertEqual(result.code, 1, result)
        self.assertIn("older than the state here", result.err)
        self.plinth_ok("state", "push", "--force", "old.json")
        self.assertIn("a", self.resources())

        stranger = json.loads(pulled)
        stranger["lineage"] = "00000000-0000-4000-8000-000000000000"
        stranger["serial"] = 99
        self.write_stack({"other.json": json.dumps(stranger)})
        result = self.run_plinth("state", "push", "other.json")
        self.assertEqual(result.code, 1, result)
        self.assertIn("another lineage", result.err)

    def test_replace_provider(self):
        self.plinth_ok("state", "replace-provider", "random", "random.two")
        self.assertEqual({r["provider"] for r in self.resources().values()}, {"random.two"})
        # Orphans are destroyed through the configuration state records.
        self.write_stack({"main.yaml": "stack: surgery\nproviders:\n  random.two: {}\n"})
        self.assertEqual(self.plinth_ok("plan").plan_summary(), (0, 0, 3))
        self.write_stack({"main.yaml": "stack: surgery\n"})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("provider configuration `random.two` is not declared", result.err)
        result = self.plinth_ok("state", "replace-provider", "nothing", "x")
        self.assertIn("No objects matched", result.out)


if __name__ == "__main__":
    unittest.main()
