"""Drift: a managed file changed or deleted outside plinth is planned back and repaired."""

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


if __name__ == "__main__":
    unittest.main()
