"""Drift: a managed file changed or deleted outside plinth is planned back and repaired."""

import json
import os
import unittest

from plinth_e2e import StackTest

STACK = """
stack: drift
resources:
  managed:
    type: local_file
    properties:
      filename: managed.txt
      content: "the real content"
  bystander:
    type: local_file
    properties:
      filename: bystander.txt
      content: "left alone"
"""


class DriftTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})
        self.apply()

    def test_edited_file_is_planned_back_and_repaired(self):
        with open(self.path("managed.txt"), "w") as out:
            out.write("edited by hand")
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertRegex(planned.out, r"# managed (will be updated in-place|must be replaced)")
        self.assertNotIn("# bystander", planned.out)
        add, change, destroy = planned.plan_summary()
        self.assertEqual(add + change, 1, planned)

        # plan alone touches nothing
        self.assertEqual(self.read("managed.txt"), "edited by hand")

        self.apply()
        self.assertEqual(self.read("managed.txt"), "the real content")
        self.assertEqual(self.read("bystander.txt"), "left alone")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def test_deleted_file_is_planned_as_create_and_recreated(self):
        serial = self.state()["serial"]
        self.assertTrue(self.exists("managed.txt"))
        os.remove(self.path("managed.txt"))

        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# managed will be created", planned.out)
        self.assertEqual(planned.plan_summary(), (1, 0, 0))
        self.assertEqual(self.state()["serial"], serial, "plan must not write state")

        applied = self.apply()
        self.assertIn("1 added", applied.out)
        self.assertEqual(self.read("managed.txt"), "the real content")
        self.assertEqual(self.resources()["managed"]["status"], "ready")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def test_refresh_false_does_not_see_drift(self):
        os.remove(self.path("managed.txt"))
        blind = self.run_plinth("plan", "--refresh=false", "--detailed-exitcode")
        self.assertEqual(blind.code, 0, blind)
        self.assertIn("No changes.", blind.out)


class RefreshOnlyTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})
        self.apply()

    def test_plan_shows_what_changed_outside_plinth_first(self):
        with open(self.path("managed.txt"), "w") as out:
            out.write("edited by hand")
        os.remove(self.path("bystander.txt"))
        planned = self.plinth_ok("plan")
        self.assertIn("Note: Objects have changed outside of plinth", planned.out)
        self.assertIn("# managed has changed", planned.out)
        self.assertIn('~ content', planned.out)
        self.assertIn("# bystander has been deleted", planned.out)
        self.assertLess(planned.out.index("has changed"), planned.out.index("plinth will perform"))

    def test_refresh_only_records_drift_without_touching_objects(self):
        with open(self.path("managed.txt"), "w") as out:
            out.write("edited by hand")
        state_before = self.state_bytes()
        planned = self.run_plinth("plan", "--refresh-only", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("This is a refresh-only plan", planned.out)
        self.assertNotIn("plinth will perform", planned.out)
        self.assertEqual(self.state_bytes(), state_before)
        applied = self.plinth_ok("apply", "--refresh-only", "--auto-approve")
        self.assertIn("1 objects in state updated to match", applied.out)
        self.assertEqual(self.read("managed.txt"), "edited by hand")
        self.assertEqual(self.resources()["managed"]["attributes"]["content"], "edited by hand")
        self.assertIn("No changes.", self.plinth_ok("plan", "--refresh-only").out)
        # The stack still says otherwise, so a normal plan puts the content back.
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 2)

    def test_a_saved_refresh_only_plan_records_drift_when_applied(self):
        with open(self.path("managed.txt"), "w") as out:
            out.write("edited by hand")
        os.remove(self.path("bystander.txt"))
        state_before = self.state_bytes()
        saved = self.run_plinth("plan", "--refresh-only", "--out", "drift.plan", "--detailed-exitcode")
        self.assertEqual(saved.code, 2, saved)
        self.assertIn("Saved the plan to: drift.plan", saved.out)
        self.assertEqual(self.state_bytes(), state_before)
        shown = self.plinth_ok("show", "drift.plan").out
        self.assertIn("# managed has changed", shown)
        self.assertIn("# bystander has been deleted", shown)
        self.assertIn("This is a refresh-only plan", shown)

        applied = self.plinth_ok("apply", "drift.plan")
        self.assertIn("2 objects in state updated to match", applied.out)
        self.assertEqual(self.read("managed.txt"), "edited by hand")
        self.assertEqual(self.resources()["managed"]["attributes"]["content"], "edited by hand")
        self.assertNotIn("bystander", self.resources())
        self.assertEqual(self.state()["serial"], json.loads(state_before)["serial"] + 1)
        # Applied once, it is stale: state has moved on.
        stale = self.run_plinth("apply", "drift.plan")
        self.assertEqual(stale.code, 1, stale)
        self.assertIn("saved plan is stale", stale.err)

    def test_refresh_only_needs_refresh(self):
        result = self.run_plinth("plan", "--refresh-only", "--refresh=false")
        self.assertEqual(result.code, 1, result)
        self.assertIn("--refresh-only cannot be combined", result.err)


if __name__ == "__main__":
    unittest.main()
