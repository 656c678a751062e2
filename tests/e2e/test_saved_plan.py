"""Saved plans: `plan --out F` then `apply F` applies exactly it; stale or outdated plans are refused."""

import unittest

from plinth_e2e import StackTest

STACK = """
stack: saved
variables:
  word: { type: string, default: first }
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: "${var.word}"
"""


class SavedPlanTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})

    def test_apply_saved_plan_applies_exactly_it_without_asking(self):
        planned = self.plinth_ok("plan", "--out", "p.bin", "--var", "word=planned")
        self.assertIn("Saved the plan to: p.bin", planned.out)
        self.assertTrue(self.exists("p.bin"))
        self.assertFalse(self.exists("note.txt"), "plan must not create anything")

        shown = self.plinth_ok("show", "p.bin")
        self.assertIn("# note will be created", shown.out)
        self.assertIn("Plan: 1 to add, 0 to change, 0 to destroy.", shown.out)

        # stdin is not a terminal and there is no --auto-approve: a saved plan needs no approval.
        # The variable value comes from the plan, not from the default.
        applied = self.plinth_ok("apply", "p.bin")
        self.assertIn("Apply complete! Resources: 1 added", applied.out)
        self.assertEqual(self.read("note.txt"), "planned")
        self.assertEqual(self.state()["serial"], 1)

        # the same plan again is now stale
        again = self.run_plinth("apply", "p.bin")
        self.assertEqual(again.code, 1, again)
        self.assertIn("saved plan is stale", again.err)

    def test_plan_made_stale_by_another_apply_is_refused(self):
        self.apply()
        self.plinth_ok("plan", "--out", "p.bin", "--var", "word=from-plan")
        self.apply("--var", "word=meanwhile")
        before, files = self.state_bytes(), self.files()

        refused = self.run_plinth("apply", "p.bin")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("saved plan is stale", refused.err)
        self.assertIn("Run `plinth plan` again", refused.err)
        self.assertEqual(self.read("note.txt"), "meanwhile")
        self.assert_unchanged(before, files)

    def test_plan_against_empty_state_is_stale_once_state_exists(self):
        self.plinth_ok("plan", "--out", "p.bin")
        self.apply("--var", "word=other")
        before, files = self.state_bytes(), self.files()
        refused = self.run_plinth("apply", "p.bin")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("saved plan is stale", refused.err)
        self.assertEqual(self.read("note.txt"), "other")
        self.assert_unchanged(before, files)

    def test_plan_whose_stack_changed_is_refused(self):
        self.plinth_ok("plan", "--out", "p.bin")
        self.write_stack({"main.yaml": STACK.replace("note.txt", "moved.txt")})
        refused = self.run_plinth("apply", "p.bin")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("the stack has changed since this plan was made", refused.err)
        self.assertFalse(self.exists("note.txt"))
        self.assertFalse(self.exists("moved.txt"))
        self.assertIsNone(self.state())

    def test_plan_whose_stack_gained_a_file_is_refused(self):
        self.plinth_ok("plan", "--out", "p.bin")
        self.write_stack({"extra.yaml": "outputs:\n  x: { value: 1 }\n"})
        refused = self.run_plinth("apply", "p.bin")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("the stack has changed since this plan was made", refused.err)
        self.assertFalse(self.exists("note.txt"))

    def test_unreadable_or_corrupt_plan_file(self):
        missing = self.run_plinth("apply", "nothere.bin")
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("nothere.bin", missing.err)
        with open(self.path("junk.bin"), "w") as out:
            out.write("this is not a plan")
        junk = self.run_plinth("apply", "junk.bin")
        self.assertEqual(junk.code, 1, junk)
        self.assertFalse(self.exists("note.txt"))
        self.assertIsNone(self.state())


if __name__ == "__main__":
    unittest.main()
