"""Policies at plan time: the stack's `policies:` and `--policy-dir`, mandatory failures failing
plan and apply, advisory ones warning, and the results in human, JSON and Markdown output."""

import json
import os
import unittest

from plinth_e2e import StackTest

STACK = """
stack: governed
variables:
  mode:
    type: string
    default: "0644"
resources:
  notes:
    type: local_file
    properties:
      filename: notes.txt
      content: hello
      file_permission: "${var.mode}"
policies:
  - name: not-world-writable
    resource_types: [local_file]
    condition: "${after == null || after.file_permission != \\"0666\\"}"
    message: "${address} would be world-writable"
"""

ADVISORY = """
policies:
  - name: prefer-small-files
    resource_types: [local_file]
    condition: "${after == null || length(after.content) < 3}"
    message: "${address} holds ${length(after.content)} characters"
    enforcement: advisory
"""


class PolicyTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})

    def test_a_passing_plan_reports_its_checks(self):
        planned = self.plinth_ok("plan")
        self.assertIn("Policy checks: 1 passed, 0 failed", planned.out)

    def test_a_mandatory_failure_stops_plan_save_and_apply(self):
        planned = self.run_plinth("plan", "--var", "mode=0666", "--detailed-exitcode", "--out", "bad.plan")
        self.assertEqual(planned.code, 1, planned)
        self.assertIn("Policy checks: 0 passed, 1 failed", planned.out)
        self.assertIn("mandatory policy not-world-writable on notes: notes would be world-writable", planned.out)
        self.assertIn("1 mandatory policy check failed", planned.err)
        self.assertFalse(self.exists("bad.plan"), "a blocked plan must not be saved")
        applied = self.run_plinth("apply", "--auto-approve", "--var", "mode=0666")
        self.assertEqual(applied.code, 1, applied)
        self.assertFalse(self.exists("notes.txt"))
        self.assertIsNone(self.state())

    def test_advisory_failures_from_a_policy_dir_only_warn(self):
        self.write_stack({"policies/size.yaml": ADVISORY})
        applied = self.plinth_ok("apply", "--auto-approve", "--policy-dir", "policies")
        self.assertIn("Policy checks: 1 passed, 1 failed", applied.out)
        self.assertIn("advisory policy prefer-small-files on notes: notes holds 5 characters", applied.out)
        self.assertTrue(self.exists("notes.txt"))

    def test_json_and_markdown_carry_the_results(self):
        self.write_stack({"policies/size.yaml": ADVISORY})
        result = self.run_plinth("plan", "--json", "--policy-dir", "policies", "--var", "mode=0666")
        self.assertEqual(result.code, 1, result)
        events = [json.loads(line) for line in result.out.splitlines()]
        failed = [e for e in events if e["type"] == "policy_failed"]
        self.assertEqual([(e["@level"], e["policy"]["name"], e["policy"]["enforcement"]) for e in failed],
                         [("error", "not-world-writable", "mandatory"), ("warn", "prefer-small-files", "advisory")])
        summary = [e for e in events if e["type"] == "policy_summary"][0]
        self.assertEqual(summary["policies"], {"checks": 2, "failed": 2, "blocked": True})

        self.plinth_ok("plan", "--out", "ok.plan", "--policy-dir", "policies")
        markdown = self.plinth_ok("show", "--format", "markdown", "ok.plan").out
        self.assertIn("#### 🛡️ Policies: 1 passed, 1 failed", markdown)
        self.assertIn("| `prefer-small-files` | `notes` | ⚠️ advisory | notes holds 5 characters |", markdown)

    def test_a_broken_policy_is_an_error_at_its_line(self):
        self.write_stack({"main.yaml": STACK.replace('condition: "${after == null || after.file_permission != \\"0666\\"}"',
                                                     'condition: "${after.nope.deeper}"')})
        planned = self.run_plinth("plan")
        self.assertEqual(planned.code, 1, planned)
        self.assertIn("main.yaml:17:25", planned.err)
        self.assertIn("unsupported attribute", planned.err)


if __name__ == "__main__":
    unittest.main()
