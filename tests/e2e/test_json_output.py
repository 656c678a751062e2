"""`--json`: one JSON event per line on stdout for plan, apply, destroy, refresh and validate
(docs/json-output.md). Timestamps are normalised; the event types, messages and payloads are
checked exactly where they are stable."""

import json
import os
import re
import unittest

from plinth_e2e import StackTest

STACK = """
stack: events
variables:
  secret:
    type: string
    default: "CANARY-json-secret"
    sensitive: true
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: hello
  pause:
    type: time_sleep
    properties:
      create_duration: 1500ms
outputs:
  path:
    value: "${note.filename}"
  hidden:
    value: "${var.secret}"
    sensitive: true
"""

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


class JsonOutputTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})

    def events(self, *args, code=0, env=None):
        """Runs plinth with `args`; checks the exit code, that stdout is nothing but event lines and
        stderr is empty, and returns the events without their timestamps."""
        result = self.run_plinth(*args, env=env)
        self.assertEqual(result.code, code, result)
        self.assertEqual(result.err, "", result)
        self.assertNotIn("\x1b[", result.out)
        self.assertNotIn("CANARY-json-secret", result.out)
        events = []
        for line in result.out.splitlines():
            event = json.loads(line)
            self.assertRegex(event.pop("@timestamp"), TIMESTAMP)
            self.assertEqual(event.pop("@module"), "plinth.ui")
            events.append(event)
        self.assertEqual(events[0]["type"], "version")
        self.assertEqual(events[0]["ui"], "1.0")
        return events[1:]

    @staticmethod
    def of_type(events, kind):
        return [e for e in events if e["type"] == kind]

    def test_plan_lists_each_change_then_the_summary(self):
        events = self.events("plan", "--json")
        self.assertEqual([e["type"] for e in events], ["planned_change", "planned_change", "change_summary", "outputs"])
        self.assertEqual(events[0], {
            "@level": "info", "@message": "note: Plan to create", "type": "planned_change",
            "change": {"resource": {"addr": "note", "module": "", "resource": "note", "implied_provider": "local",
                                    "resource_type": "local_file", "resource_name": "note", "resource_key": None},
                       "action": "create"}})
        self.assertEqual(events[2]["@message"], "Plan: 2 to add, 0 to change, 0 to destroy.")
        self.assertEqual(events[2]["changes"], {"add": 2, "change": 0, "import": 0, "remove": 0, "operation": "plan"})
        self.assertEqual(events[3]["outputs"], {"hidden": {"sensitive": True, "action": "create"},
                                                "path": {"sensitive": False, "action": "create"}})

    def test_apply_reports_start_progress_completion_summary_and_outputs(self):
        events = self.events("apply", "--json", "--auto-approve", env={"PLINTH_PROGRESS_INTERVAL": "500ms"})
        kinds = [e["type"] for e in events]
        self.assertEqual(kinds[:4], ["planned_change", "planned_change", "change_summary", "outputs"])
        pause = [e for e in events if e.get("hook", {}).get("resource", {}).get("addr") == "pause"]
        self.assertEqual(pause[0]["type"], "apply_start")
        self.assertEqual(pause[0]["@message"], "pause: Creating...")
        self.assertIn("apply_progress", [e["type"] for e in pause])
        progress = self.of_type(pause, "apply_progress")[0]
        self.assertRegex(progress["@message"], r"^pause: Still creating\.\.\. \[\d+\.\ds elapsed\]$")
        self.assertEqual(pause[-1]["type"], "apply_complete")
        self.assertEqual(pause[-1]["hook"]["action"], "create")
        self.assertEqual(pause[-1]["hook"]["id_key"], "id")
        self.assertGreaterEqual(pause[-1]["hook"]["elapsed_seconds"], 1)
        summary = self.of_type(events, "change_summary")[-1]
        self.assertRegex(summary["@message"], r"^Apply complete! Resources: 2 added, 0 changed, 0 destroyed\. \(")
        self.assertEqual(summary["changes"]["operation"], "apply")
        self.assertEqual(events[-1]["type"], "outputs")
        self.assertEqual(events[-1]["outputs"], {"hidden": {"sensitive": True},
                                                 "path": {"sensitive": False, "value": "note.txt"}})

    def test_apply_without_auto_approve_refuses_to_ask(self):
        events = self.events("apply", "--json", code=1)
        diagnostic = self.of_type(events, "diagnostic")[0]
        self.assertEqual(diagnostic["@level"], "error")
        self.assertEqual(diagnostic["diagnostic"]["summary"], "--json needs --auto-approve")
        self.assertFalse(os.path.exists(self.path("note.txt")))

    def test_refresh_reports_drift_and_destroy_its_summary(self):
        self.plinth_ok("apply", "--auto-approve")
        with open(self.path("note.txt"), "w", encoding="utf-8") as out:
            out.write("edited")
        plan = self.events("plan", "--json", "--refresh-only")
        self.assertEqual(plan[0]["type"], "resource_drift")
        self.assertEqual(plan[0]["@message"], "note: Drift detected (update)")
        self.assertEqual(plan[0]["change"]["action"], "update")
        refreshed = self.events("refresh", "--json")
        self.assertEqual(self.of_type(refreshed, "change_summary")[-1]["changes"]["operation"], "refresh")
        self.assertEqual(self.resources()["note"]["attributes"]["content"], "edited")

        destroyed = self.events("destroy", "--json", "--auto-approve")
        planned = self.of_type(destroyed, "planned_change")
        self.assertEqual({e["change"]["action"] for e in planned}, {"delete"})
        self.assertEqual({e["type"] for e in destroyed if "hook" in e}, {"apply_start", "apply_complete"})
        self.assertEqual(self.of_type(destroyed, "change_summary")[-1]["changes"]["operation"], "destroy")

    def test_validate_reports_diagnostics_with_their_place(self):
        self.assertEqual(self.events("validate", "--json")[-1],
                         {"@level": "info", "@message": "Success! The stack is valid.", "type": "validation",
                          "valid": True, "error_count": 0, "warning_count": 0})
        self.write_stack({"bad.yaml": "resources:\n  broken:\n    type: local_file\n    properties:\n"
                                      "      filename: \"${nope.x}\"\n"})
        events = self.events("validate", "--json", code=1)
        self.assertEqual(events[0]["diagnostic"], {
            "severity": "error", "summary": "reference to undeclared resource `nope`", "detail": "did you mean `note`?",
            "range": {"filename": "bad.yaml", "start": {"line": 5, "column": 20}}})
        self.assertEqual(events[-1]["valid"], False)
        self.assertEqual(events[-1]["error_count"], 1)


if __name__ == "__main__":
    unittest.main()
