"""Workspaces: one state per workspace, `${plinth.workspace}`, selection and overrides."""

import json
import os
import unittest

from plinth_e2e import StackTest

STACK = """
stack: envs
locals:
  env: ${plinth.workspace}
resources:
  marker:
    type: local_file
    properties:
      filename: out-${local.env}.txt
      content: workspace ${plinth.workspace}
"""


class WorkspaceTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})

    def workspaces(self):
        return self.plinth_ok("workspace", "list").out.split("\n")

    def test_each_workspace_has_its_own_state(self):
        self.apply()
        self.assertEqual(self.read("out-default.txt"), "workspace default")
        self.assertEqual(self.plinth_ok("workspace", "show").out.strip(), "default")

        result = self.plinth_ok("workspace", "new", "staging")
        self.assertIn("Created and selected workspace staging", result.out)
        self.assertIn("* staging", self.workspaces())
        self.assertEqual(self.plinth_ok("plan").plan_summary(), (1, 0, 0))
        self.apply()
        self.assertEqual(self.read("out-staging.txt"), "workspace staging")
        with open(self.path("plinth.state.d", "staging", "plinth.state.json"), encoding="utf-8") as source:
            staging = json.load(source)
        self.assertEqual([r["attributes"]["filename"] for r in staging["resources"]], ["out-staging.txt"])

        # The default workspace's state is untouched and still matches.
        self.plinth_ok("workspace", "select", "default")
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)
        self.assertEqual(self.resources()["marker"]["attributes"]["filename"], "out-default.txt")

    def test_overrides_for_ci(self):
        self.plinth_ok("workspace", "new", "ci")
        self.plinth_ok("workspace", "select", "default")
        self.plinth_ok("apply", "--auto-approve", "--workspace", "ci")
        self.assertTrue(self.exists("out-ci.txt"))
        env = dict(os.environ, PLINTH_WORKSPACE="ci")
        self.assertEqual(self.plinth_ok("workspace", "show", env=env).out.strip(), "ci")
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode", env=env).code, 0)
        result = self.run_plinth("plan", env=dict(os.environ, PLINTH_WORKSPACE="nope"))
        self.assertEqual(result.code, 1, result)
        self.assertIn("workspace `nope` does not exist", result.err)
        self.assertIn("PLINTH_WORKSPACE", result.err)

    def test_a_saved_plan_applies_only_in_its_workspace(self):
        self.plinth_ok("workspace", "new", "one")
        self.plinth_ok("plan", "--out", "one.plan")
        self.plinth_ok("workspace", "select", "default")
        result = self.run_plinth("apply", "one.plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("this plan was made in workspace `one`, not `default`", result.err)
        self.plinth_ok("apply", "one.plan", "--workspace", "one")
        self.assertTrue(self.exists("out-one.txt"))

    def test_delete_refuses_what_would_lose_objects(self):
        self.plinth_ok("workspace", "new", "temp")
        self.apply()
        for args, message in [
            (("workspace", "delete", "temp"), "workspace `temp` is selected"),
            (("workspace", "delete", "default"), "the default workspace cannot be deleted"),
            (("workspace", "new", "temp"), "workspace `temp` already exists"),
            (("workspace", "new", "../x"), "invalid workspace name `../x`"),
            (("workspace", "select", "missing"), "workspace `missing` does not exist"),
        ]:
            result = self.run_plinth(*args)
            self.assertEqual(result.code, 1, result)
            self.assertIn(message, result.err)
        self.plinth_ok("workspace", "select", "default")
        result = self.run_plinth("workspace", "delete", "temp")
        self.assertEqual(result.code, 1, result)
        self.assertIn("still manages 1 objects", result.err)
        self.plinth_ok("workspace", "delete", "--force", "temp")
        self.assertEqual([w for w in self.workspaces() if w], ["* default"])
        self.assertTrue(self.exists("out-temp.txt"))  # forgotten, not destroyed

    def test_unknown_plinth_attribute_is_an_error(self):
        self.write_stack({"main.yaml": "stack: x\noutputs:\n  o: { value: \"${plinth.stack}\" }\n"})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown `plinth.stack`", result.err)
        self.assert_location(result.err, "main.yaml", 3)


if __name__ == "__main__":
    unittest.main()
