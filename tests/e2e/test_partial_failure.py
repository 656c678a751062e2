"""Partial failure: a resource that cannot be created stops its dependents; the others succeed."""

import os
import unittest

from plinth_e2e import StackTest

STACK = """
stack: partial
resources:
  broken:
    type: local_file
    properties: { filename: blocker/inside.txt, content: never }
  also_broken:
    type: local_file
    properties: { filename: blocker/other.txt, content: never }
  dependent:
    type: local_file
    properties: { filename: dependent.txt, content: "${broken.id}" }
  indirect:
    type: null_resource
    properties:
      triggers: { from: "${dependent.id}" }
  one:
    type: local_file
    properties: { filename: one.txt, content: "1" }
  token:
    type: random_id
    properties: { byte_length: 2 }
  chained:
    type: local_file
    properties: { filename: chained.txt, content: "${token.hex}" }
"""


class PartialFailureTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})
        with open(self.path("blocker"), "w") as out:  # a regular file where a directory is needed
            out.write("I am a file, not a directory\n")

    def test_failure_stops_dependents_and_the_rest_is_applied_and_recorded(self):
        result = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)

        # independents are created and in state
        self.assertEqual(self.read("one.txt"), "1")
        resources = self.resources()
        self.assertEqual(self.read("chained.txt"), resources["token"]["attributes"]["hex"])
        self.assertEqual(set(resources), {"one", "token", "chained"})
        for resource in resources.values():
            self.assertEqual(resource["status"], "ready")

        # the dependents were not attempted
        self.assertFalse(self.exists("dependent.txt"))
        self.assertNotIn("dependent: Creating", result.out)
        self.assertNotIn("indirect: Creating", result.out)

        # every error is listed, and the summary says what happened
        self.assertIn("broken: Creation failed", result.out)
        self.assertIn("also_broken: Creation failed", result.out)
        self.assertRegex(result.err, r"(?m)^Error: broken: .*blocker")
        self.assertRegex(result.err, r"(?m)^Error: also_broken: .*blocker")
        self.assertIn("Apply failed. Resources: 3 added", result.out)
        self.assertIn("what succeeded is in state", result.out)

        # the next plan wants exactly the four that are missing
        planned = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertEqual(planned.plan_summary(), (4, 0, 0))

        # once the obstacle is gone, apply finishes the job
        os.remove(self.path("blocker"))
        finished = self.apply()
        self.assertIn("Resources: 4 added, 0 changed, 0 destroyed", finished.out)
        self.assertEqual(self.read("blocker/inside.txt"), "never")
        resources = self.resources()
        self.assertEqual(self.read("dependent.txt"), resources["broken"]["attributes"]["id"])
        self.assertEqual(len(resources), 7)
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)


if __name__ == "__main__":
    unittest.main()
