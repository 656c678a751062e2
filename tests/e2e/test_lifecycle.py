"""Full life cycle of a stack: create, no-op re-plan, update, replace, remove one, destroy."""

import os
import pty
import stat
import unittest

from plinth_e2e import StackTest


def two_files(greeting_file="out/greeting.txt", greeting="hello", permission="0644", with_farewell=True):
    text = f"""
stack: life
resources:
  greeting:
    type: local_file
    properties:
      filename: {greeting_file}
      content: "{greeting}"
      file_permission: "{permission}"
"""
    if with_farewell:
        text += """
  farewell:
    type: local_file
    properties:
      filename: out/farewell.txt
      content: bye
"""
    return {"main.yaml": text}


class LifeCycleTest(StackTest):
    def serial(self):
        return self.state()["serial"]

    def test_full_life_cycle(self):
        serials = []

        # create
        self.write_stack(two_files())
        applied = self.apply()
        self.assertIn("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.", applied.out)
        self.assertEqual(self.read("out/greeting.txt"), "hello")
        self.assertEqual(self.read("out/farewell.txt"), "bye")
        state = self.state()
        self.assertEqual(state["serial"], 1)
        self.assertEqual(state["format_version"], 1)
        self.assertTrue(state["lineage"])
        lineage = state["lineage"]
        resources = self.resources()
        self.assertEqual(set(resources), {"greeting", "farewell"})
        for resource in resources.values():
            self.assertEqual(resource["status"], "ready")
            self.assertEqual(resource["type"], "local_file")
        self.assertEqual(resources["greeting"]["attributes"]["content"], "hello")
        # id is the SHA-1 of the content
        self.assertEqual(resources["greeting"]["attributes"]["id"], "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")
        serials.append(self.serial())

        # no-op re-plan
        replan = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(replan.code, 0, replan)
        self.assertIn("No changes.", replan.out)

        # update in place: file_permission does not force replacement
        self.write_stack(two_files(permission="0600"))
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# greeting will be updated in-place", planned.out)
        self.assertIn("~ resource", planned.out)
        self.assertEqual(planned.plan_summary(), (0, 1, 0))
        self.apply()
        self.assertEqual(stat.S_IMODE(os.stat(self.path("out/greeting.txt")).st_mode), 0o600)
        self.assertEqual(self.read("out/greeting.txt"), "hello")
        serials.append(self.serial())

        # a content change forces replacement and rewrites the file
        self.write_stack(two_files(greeting="hello again", permission="0600"))
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("-/+", planned.out)
        self.assertEqual(planned.plan_summary(), (1, 0, 1))
        self.apply()
        self.assertEqual(self.read("out/greeting.txt"), "hello again")
        serials.append(self.serial())

        # replace: a new filename forces replacement; the old file goes, the new one comes
        self.write_stack(two_files(greeting_file="out/renamed.txt", greeting="hello again", permission="0600"))
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# greeting must be replaced", planned.out)
        self.assertIn("-/+ resource", planned.out)
        forcing = [line for line in planned.out.splitlines() if "forces replacement" in line]
        self.assertTrue(any("filename" in line for line in forcing), planned)
        self.assertEqual(planned.plan_summary(), (1, 0, 1))
        self.apply()
        self.assertFalse(self.exists("out/greeting.txt"))
        self.assertEqual(self.read("out/renamed.txt"), "hello again")
        self.assertEqual(self.resources()["greeting"]["attributes"]["filename"], "out/renamed.txt")
        serials.append(self.serial())

        # removing one resource from the stack destroys exactly it
        self.write_stack(two_files(greeting_file="out/renamed.txt", greeting="hello again", permission="0600",
                                   with_farewell=False))
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# farewell will be destroyed", planned.out)
        self.assertEqual(planned.plan_summary(), (0, 0, 1))
        self.apply()
        self.assertFalse(self.exists("out/farewell.txt"))
        self.assertEqual(self.read("out/renamed.txt"), "hello again")
        self.assertEqual(set(self.resources()), {"greeting"})
        serials.append(self.serial())

        # destroy everything
        destroyed = self.plinth_ok("destroy", "--auto-approve")
        self.assertIn("Destroy complete!", destroyed.out)
        self.assertFalse(self.exists("out/renamed.txt"))
        state = self.state()
        self.assertEqual(state["resources"], [])
        self.assertEqual(state["lineage"], lineage)
        serials.append(self.serial())

        self.assertEqual(serials, sorted(set(serials)), f"serial must grow with every write: {serials}")
        again = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(again.code, 2, again)  # everything would be created again
        self.assertEqual(again.plan_summary(), (1, 0, 0))

    def test_destroy_plan_and_state_commands(self):
        self.write_stack(two_files())
        self.apply()
        self.assertEqual(self.state_list(), {"greeting", "farewell"})
        shown = self.plinth_ok("state", "show", "greeting")
        self.assertIn("out/greeting.txt", shown.out)
        missing = self.run_plinth("state", "show", "nothere")
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("no resource `nothere` in state", missing.err)

        show = self.plinth_ok("show")
        self.assertIn("greeting", show.out)
        self.assertIn("farewell", show.out)

        destroy_plan = self.run_plinth("plan", "--destroy", "--detailed-exitcode")
        self.assertEqual(destroy_plan.code, 2, destroy_plan)
        self.assertEqual(destroy_plan.plan_summary(), (0, 0, 2))
        self.assertTrue(self.exists("out/greeting.txt"), "plan --destroy must not touch anything")

    def test_validate_and_version(self):
        self.write_stack(two_files())
        self.plinth_ok("validate")
        self.assertIsNone(self.state(), "validate must not write state")
        version = self.plinth_ok("version")
        self.assertRegex(version.out, r"\d+\.\d+\.\d+")


class ApprovalTest(StackTest):
    def test_apply_without_terminal_or_auto_approve_refuses(self):
        self.write_stack(two_files())
        refused = self.run_plinth("apply")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("no terminal to ask for approval", refused.err)
        self.assertIn("--auto-approve", refused.err)
        self.assertFalse(self.exists("out"))
        self.assertEqual(self.resources(), {})

    def test_destroy_without_terminal_or_auto_approve_refuses(self):
        self.write_stack(two_files())
        self.apply()
        refused = self.run_plinth("destroy")
        self.assertEqual(refused.code, 1, refused)
        self.assertTrue(self.exists("out/greeting.txt"))
        self.assertEqual(set(self.resources()), {"greeting", "farewell"})

    def test_apply_on_a_terminal_asks_and_takes_yes(self):
        self.write_stack(two_files())
        for answer, expect_code, expect_files in (("no", 1, False), ("yes", 0, True)):
            leader, follower = pty.openpty()
            try:
                os.write(leader, (answer + "\n").encode())
                result = self.run_plinth("apply", stdin=follower)
            finally:
                os.close(follower)
                os.close(leader)
            self.assertEqual(result.code, expect_code, result)
            self.assertIn("Do you want to perform these actions?", result.out)
            self.assertEqual(self.exists("out/greeting.txt"), expect_files, result)


TRIGGERED = """
stack: triggered
variables:
  release: { default: "1" }
resources:
  release:
    type: null_resource
    properties: { triggers: { v: "${var.release}" } }
  app:
    type: local_file
    properties: { filename: out/app.txt, content: app }
    lifecycle: { replace_triggered_by: [release] }
  config:
    type: local_file
    properties: { filename: out/config.txt, content: config }
    lifecycle: { replace_triggered_by: ["${release.triggers}"] }
  steady:
    type: local_file
    properties: { filename: out/steady.txt, content: steady }
"""


class ReplaceTriggeredByTest(StackTest):
    def test_a_change_of_what_it_names_replaces_the_resource(self):
        self.write_stack({"main.yaml": TRIGGERED})
        self.apply()
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)
        plan = self.plinth_ok("plan", "--var", "release=2")
        self.assertIn("# app will be replaced due to changes in replace_triggered_by", plan.out)
        self.assertIn("# config will be replaced due to changes in replace_triggered_by", plan.out)
        self.assertNotIn("# steady", plan.out)
        self.assertEqual(plan.plan_summary(), (3, 0, 3), plan)
        self.apply("--var", "release=2")
        self.assertEqual(self.read("out", "app.txt"), "app")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", "--var", "release=2").code, 0)


class ReplaceRequestTest(StackTest):
    def test_replace_forces_one_instance_to_be_replaced(self):
        self.write_stack({"main.yaml": TRIGGERED})
        self.apply()
        release_id = self.resources()["release"]["id"]
        plan = self.plinth_ok("plan", "--replace", "release")
        self.assertIn("# release will be replaced, as requested", plan.out)
        # app follows it (replace_triggered_by: [release]); config watches an attribute that stays.
        self.assertEqual(plan.plan_summary(), (2, 0, 2), plan)
        self.apply("--replace", "release")
        self.assertNotEqual(self.resources()["release"]["id"], release_id)
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)
        for address, message in [("nothing", "--replace `nothing`: state has no object there"),
                                 ("web[", "invalid --replace `web[`")]:
            result = self.run_plinth("plan", "--replace", address)
            self.assertEqual(result.code, 1, result)
            self.assertIn(message, result.err)


if __name__ == "__main__":
    unittest.main()
