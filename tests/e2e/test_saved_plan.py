"""Saved plans: `plan --out F` then `apply F` applies exactly it; stale or outdated plans are refused.
Without `encryption:` a plan file leaves sensitive values out: apply takes the sensitive variables
again and plans afresh, going on only when that plan does the same."""

import json
import os
import unittest

from plinth_e2e import CANARY, StackTest

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


SECRET_STACK = """
stack: secrets
variables:
  password: { type: string, sensitive: true }
  label: { type: string, default: plain }
resources:
  secret_file:
    type: local_file
    properties:
      filename: secret.txt
      content: "${var.password}"
  label_file:
    type: local_file
    properties:
      filename: label.txt
      content: "${var.label}"
outputs:
  password: { value: "${var.password}", sensitive: true }
"""


class PlanWithoutSecretsTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": SECRET_STACK})
        self.secret = {"PLINTH_VAR_password": CANARY}

    def plan_file(self):
        with open(self.path("p.bin"), encoding="utf-8") as plan:
            return json.load(plan)

    def test_the_file_leaves_secrets_out_and_apply_takes_them_again(self):
        planned = self.plinth_ok("plan", "--out", "p.bin", "--var", "label=planned", env=self.secret)
        self.assertIn("The file leaves out the plan's sensitive values", planned.out)
        saved = self.plan_file()
        self.assertTrue(saved["secrets_redacted"])
        self.assertEqual(saved["variables"]["label"], "planned")
        self.assertEqual(saved["variables"]["password"], {"$sensitive": {"$unknown": True}})
        self.assertIn("(sensitive value)", self.plinth_ok("show", "p.bin").out)

        refused = self.run_plinth("apply", "p.bin")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("the saved plan needs the sensitive variable `password` again", refused.err)
        self.assertIn("PLINTH_VAR_password", refused.err)
        self.assertIsNone(self.state())

        applied = self.plinth_ok("apply", "p.bin", env=self.secret)
        self.assertIn("Apply complete! Resources: 2 added", applied.out)
        self.assertEqual(self.read("secret.txt"), CANARY)
        self.assertEqual(self.read("label.txt"), "planned", "the plan's own variables are kept")
        password = self.plinth_ok("output", "--raw", "password", shows_secrets=True).out
        self.assertEqual(password, CANARY)

    def test_a_plan_that_no_longer_holds_is_refused(self):
        self.apply(env=self.secret)
        self.plinth_ok("plan", "--out", "p.bin", "--var", "label=next", env=self.secret)
        os.remove(self.path("label.txt"))  # changed outside plinth between plan and apply
        before, files = self.state_bytes(), self.files()
        refused = self.run_plinth("apply", "p.bin", env=self.secret)
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("the saved plan no longer holds", refused.err)
        self.assertIn("`label_file`", refused.err)
        self.assert_unchanged(before, files)

    def test_another_secret_at_apply_that_changes_what_happens_is_refused(self):
        self.apply(env=self.secret)
        self.plinth_ok("plan", "--out", "p.bin", "--var", "label=next", env=self.secret)
        refused = self.run_plinth("apply", "p.bin", env={"PLINTH_VAR_password": CANARY + "-other"})
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("`secret_file` was planned to no-op, now to", refused.err)
        self.assertEqual(self.read("secret.txt"), CANARY)

    def test_with_encryption_the_file_keeps_its_secrets_sealed(self):
        self.write_stack({"main.yaml": SECRET_STACK + "encryption:\n  key_provider: { type: env, variable: PLAN_KEY }\n"})
        key = {"PLAN_KEY": "ab" * 32, **self.secret}
        planned = self.plinth_ok("plan", "--out", "p.bin", env=key)
        self.assertNotIn("leaves out", planned.out)
        applied = self.plinth_ok("apply", "p.bin", env={"PLAN_KEY": "ab" * 32})
        self.assertIn("Apply complete! Resources: 2 added", applied.out)
        self.assertEqual(self.read("secret.txt"), CANARY)


if __name__ == "__main__":
    unittest.main()
