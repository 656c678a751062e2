"""Output formats: `--json` events for plan, apply, destroy, refresh and validate
(docs/json-output.md), `show --json` (Terraform's plan and state representations, fed to a real
consumer) and `show --format markdown` (against a golden file). Timestamps are normalised; the
event types, messages and payloads are checked exactly where they are stable."""

import json
import os
import re
import shutil
import subprocess
import unittest

from plinth_e2e import CANARY, StackTest

STACK = """
stack: events
variables:
  secret:
    type: string
    default: "@CANARY@"
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
""".replace("@CANARY@", CANARY)

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
        self.assertNotIn(CANARY, result.out)
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


SHOWN_STACK = """
stack: shown
variables:
  secret:
    type: string
    default: "@CANARY@"
    sensitive: true
  content:
    type: string
    default: first
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: "${var.content}"
  hidden:
    type: local_file
    properties:
      filename: hidden.txt
      content: "${var.secret}"
%s
outputs:
  path:
    value: "${note.filename}"
  secret:
    value: "${var.secret}"
    sensitive: true
""".replace("@CANARY@", CANARY)

GONE = """
  gone:
    type: null_resource
"""

FRESH = """
  fresh:
    type: null_resource
"""

UNIDIFF_VERSION = "4.0.5"


def unidiff():
    found = shutil.which("terraform-unidiff")
    if not found:
        raise AssertionError(f"terraform-unidiff is not installed; run scripts/install-deps.sh or "
                             f"`npm install -g @ahmadnassri/terraform-unidiff@{UNIDIFF_VERSION}`")
    return found


class ShowJsonTest(StackTest):
    """`show --json` writes Terraform's JSON plan and state representations."""

    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": SHOWN_STACK % GONE})
        self.plinth_ok("apply", "--auto-approve")
        self.write_stack({"main.yaml": SHOWN_STACK % FRESH})
        self.plinth_ok("plan", "--out", "next.plan", "--var", "content=second")
        self.shown = self.plinth_ok("show", "--json", "next.plan").out

    def test_a_saved_plan_in_terraforms_plan_representation(self):
        self.assertNotIn(CANARY, self.shown)
        plan = json.loads(self.shown)
        self.assertEqual(plan["format_version"], "1.2")
        self.assertIn("terraform_version", plan)
        changes = {c["address"]: c for c in plan["resource_changes"]}
        self.assertEqual({a: c["change"]["actions"] for a, c in changes.items()},
                         {"fresh": ["create"], "gone": ["delete"], "hidden": ["no-op"], "note": ["delete", "create"]})
        note = changes["note"]
        self.assertEqual((note["mode"], note["type"], note["name"], note["provider_name"]),
                         ("managed", "local_file", "note", "local"))
        self.assertEqual(note["change"]["before"]["content"], "first")
        self.assertEqual(note["change"]["after"]["content"], "second")
        self.assertEqual(note["change"]["replace_paths"], [["content"]])
        self.assertEqual(note["action_reason"], "replace_because_cannot_update")
        self.assertEqual(changes["gone"]["action_reason"], "delete_because_no_resource_config")
        self.assertIsNone(changes["gone"]["change"]["after"])
        fresh = changes["fresh"]["change"]
        self.assertIsNone(fresh["before"])
        self.assertEqual(fresh["after_unknown"], {"id": True})
        self.assertNotIn("id", fresh["after"])
        hidden = changes["hidden"]["change"]
        self.assertNotIn("content", hidden["after"])
        self.assertEqual(hidden["after_sensitive"], {"content": True})
        self.assertEqual(hidden["before_sensitive"], {"content": True})

        self.assertEqual(plan["variables"], {"content": {"value": "second"}, "secret": {"sensitive": True}})
        self.assertEqual(plan["output_changes"]["secret"]["before"], None)
        self.assertEqual(plan["output_changes"]["secret"]["after_sensitive"], True)
        self.assertEqual(plan["output_changes"]["path"]["actions"], ["no-op"])
        planned = {r["address"]: r for r in plan["planned_values"]["root_module"]["resources"]}
        self.assertEqual(set(planned), {"fresh", "hidden", "note"})
        self.assertEqual(planned["note"]["values"]["content"], "second")
        prior = {r["address"]: r for r in plan["prior_state"]["values"]["root_module"]["resources"]}
        self.assertEqual(prior["note"]["values"]["content"], "first")
        self.assertIn("gone", prior)
        configured = {r["address"]: r for r in plan["configuration"]["root_module"]["resources"]}
        self.assertEqual(configured["fresh"], {"address": "fresh", "mode": "managed", "type": "null_resource",
                                               "name": "fresh", "provider_config_key": "null"})

    def test_a_consumer_of_terraform_plan_json_reads_it(self):
        with open(self.path("plan.json"), "w", encoding="utf-8") as out:
            out.write(self.shown)
        result = subprocess.run([unidiff(), "plan.json"], cwd=self.dir, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        # terraform-unidiff counts a replacement as one add and one destroy.
        self.assertIn("Plan: 2 to add, 0 to change, 2 to destroy", result.stdout)
        self.assertIn("--- note\n+++ note", result.stdout)
        self.assertIn("-content: first", result.stdout)
        self.assertIn("+content: second", result.stdout)
        self.assertNotIn(CANARY, result.stdout)

    def test_the_state_in_terraforms_state_representation(self):
        shown = self.plinth_ok("show", "--json").out
        self.assertNotIn(CANARY, shown)
        state = json.loads(shown)
        self.assertEqual(state["format_version"], "1.0")
        resources = {r["address"]: r for r in state["values"]["root_module"]["resources"]}
        self.assertEqual(set(resources), {"gone", "hidden", "note"})
        self.assertEqual(resources["note"]["values"]["content"], "first")
        self.assertEqual(resources["hidden"]["sensitive_values"], {"content": True})
        self.assertEqual(state["values"]["outputs"], {"path": {"sensitive": False, "value": "note.txt"},
                                                      "secret": {"sensitive": True}})


class DebugLogTest(StackTest):
    def test_every_provider_call_is_logged_with_its_duration_and_no_secret(self):
        self.write_stack({"main.yaml": STACK})
        log_path = self.path("debug.log")
        self.plinth_ok("apply", "--auto-approve", env={"PLINTH_LOG": "debug", "PLINTH_LOG_PATH": log_path})
        with open(log_path, encoding="utf-8") as log:
            text = log.read()
        self.assertNotIn(CANARY, text)
        for call in ("provider local: configure took", "provider local: plan local_file took",
                     "provider local: create local_file took", "provider time: create time_sleep took"):
            self.assertIn(call, text)
        self.assertRegex(text, r"\[DEBUG\] provider local: create local_file took \d+\.\d ms")


class CompletionTest(StackTest):
    def complete(self, shell, line):
        """What the completion script offers for `line` (the word under the cursor is its last)."""
        script = self.plinth_ok("completion", shell).out
        words = line.split(" ")
        program = (script + "\nCOMP_WORDS=(" + " ".join(f"'{w}'" for w in words) + ")\n"
                   f"COMP_CWORD={len(words) - 1}\n_plinth\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
        if shell == "zsh":  # bashcompinit is zsh's; the function itself is plain bash
            program = program.replace("autoload -U +X bashcompinit && bashcompinit\n", "")
        result = subprocess.run(["bash", "-c", program], cwd=self.dir, capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        return set(result.stdout.split())

    def test_bash_completes_commands_subcommands_and_options(self):
        self.assertEqual(self.complete("bash", "plinth pl"), {"plan"})
        self.assertTrue({"list", "show", "mv", "rm", "push", "pull"} <= self.complete("bash", "plinth state "))
        self.assertEqual(self.complete("bash", "plinth plan --detailed"), {"--detailed-exitcode"})
        # An option's value is not taken for a command: `--out state` stays in plan.
        self.assertEqual(self.complete("bash", "plinth plan --out state --ref"), {"--refresh", "--refresh-only"})
        self.assertEqual(self.complete("bash", "plinth workspace sel"), {"select"})

    def test_zsh_loads_the_same_function_through_bashcompinit(self):
        script = self.plinth_ok("completion", "zsh").out
        self.assertTrue(script.startswith("#compdef plinth\n"))
        self.assertIn("autoload -U +X bashcompinit && bashcompinit\n", script)
        self.assertEqual(self.complete("zsh", "plinth gr"), {"graph"})


GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")


class MarkdownTest(StackTest):
    def test_a_plan_as_a_pull_request_comment(self):
        self.write_stack({"main.yaml": SHOWN_STACK % GONE})
        self.plinth_ok("apply", "--auto-approve")
        self.write_stack({"main.yaml": SHOWN_STACK % FRESH})
        self.plinth_ok("plan", "--out", "next.plan", "--var", "content=second", "--var", "secret=" + CANARY + "-rotated")
        shown = self.plinth_ok("show", "--format", "markdown", "next.plan").out
        self.assertNotIn("CANARY", shown)
        # null_resource ids are random.
        shown = re.sub(r'"\d{6,}"', '"<random id>"', shown)
        if os.environ.get("PLINTH_UPDATE_GOLDEN") == "1":  # after a deliberate change of the output
            with open(os.path.join(GOLDEN, "plan.md"), "w", encoding="utf-8") as golden:
                golden.write(shown)
        with open(os.path.join(GOLDEN, "plan.md"), encoding="utf-8") as golden:
            self.assertEqual(shown, golden.read())

    def test_markdown_needs_a_saved_plan(self):
        self.write_stack({"main.yaml": SHOWN_STACK % ""})
        refused = self.run_plinth("show", "--format", "markdown")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("--format markdown shows a saved plan", refused.err)


GRAPH_STACK = """
stack: drawn
resources:
  base:
    type: local_file
    properties:
      filename: base.txt
      content: base
  top:
    type: local_file
    properties:
      filename: top.txt
      content: "${base.content} and ${local.suffix}"
locals:
  suffix: top
outputs:
  where:
    value: "${top.filename}"
"""


class GraphTest(StackTest):
    def test_dot_draws_every_node_and_what_it_depends_on(self):
        self.write_stack({"main.yaml": GRAPH_STACK})
        dot = self.plinth_ok("graph").out
        self.assertTrue(dot.startswith("digraph plinth {\n"), dot)
        self.assertIn('  "top" [label = "top\\nlocal_file"];\n', dot)
        self.assertIn('  "local.suffix" [label = "local.suffix\\nlocal", shape = note];\n', dot)
        for edge in ('"top" -> "base"', '"top" -> "local.suffix"', '"output.where" -> "top"'):
            self.assertIn(f"  {edge};\n", dot)
        self.assertTrue(dot.endswith("}\n"))

    def test_mermaid_colours_resources_by_a_plans_actions(self):
        self.write_stack({"main.yaml": GRAPH_STACK})
        self.plinth_ok("apply", "--auto-approve")
        self.write_stack({"main.yaml": GRAPH_STACK.replace("content: base", "content: changed")})
        self.plinth_ok("plan", "--out", "next.plan")
        mermaid = self.plinth_ok("graph", "--format", "mermaid", "--plan", "next.plan").out
        self.assertTrue(mermaid.startswith("flowchart RL\n"), mermaid)
        ids = dict(re.findall(r'^  (n\d+)\[\"(\w+)<br/>', mermaid, re.M))
        by_name = {name: node for node, name in ids.items()}
        self.assertEqual(set(by_name), {"base", "top"})
        self.assertIn(f"  {by_name['top']} --> {by_name['base']}\n", mermaid)
        self.assertIn(f"  class {by_name['base']},{by_name['top']} replace\n", mermaid)

    def test_an_unknown_format_is_refused(self):
        self.write_stack({"main.yaml": GRAPH_STACK})
        refused = self.run_plinth("graph", "--format", "png")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("png", refused.err)


if __name__ == "__main__":
    unittest.main()
