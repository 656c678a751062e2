"""A reference chain (random_id -> local_file -> outputs) and the `output` command."""

import json
import unittest

from plinth_e2e import StackTest

CHAIN = """
stack: chain
locals:
  prefix: id
resources:
  token:
    type: random_id
    properties:
      byte_length: 4
  note:
    type: local_file
    properties:
      filename: out/note.txt
      content: "${local.prefix}=${token.hex}"
  shout:
    type: local_file
    properties:
      filename: out/shout.txt
      content: "${upper(note.content)}"
  secret:
    type: random_password
    properties:
      length: 12
outputs:
  token_hex:
    value: "${token.hex}"
  note_path:
    value: "${note.filename}"
  byte_length:
    value: "${token.byte_length}"
  password:
    value: "${secret.result}"
    sensitive: true
"""


class ReferenceChainTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": CHAIN})
        self.applied = self.apply()
        self.hex = self.resources()["token"]["attributes"]["hex"]

    def test_values_flow_along_the_chain_in_order(self):
        self.assertRegex(self.hex, r"^[0-9a-f]{8}$")
        self.assertEqual(self.read("out/note.txt"), f"id={self.hex}")
        self.assertEqual(self.read("out/shout.txt"), f"ID={self.hex.upper()}")

        resources = self.resources()
        self.assertIn("token", resources["note"]["dependencies"])
        self.assertIn("note", resources["shout"]["dependencies"])

        lines = self.applied.out.splitlines()

        def line_of(text):
            matches = [i for i, line in enumerate(lines) if text in line]
            self.assertTrue(matches, f"no line with {text!r} in:\n{self.applied.out}")
            return matches[0]

        self.assertLess(line_of("token: Creation complete"), line_of("note: Creating..."))
        self.assertLess(line_of("note: Creation complete"), line_of("shout: Creating..."))
        self.assertIn("Outputs:", self.applied.out)
        self.assertIn(self.hex, self.applied.out)

        replan = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(replan.code, 0, replan)

    def test_output_forms(self):
        everything = self.plinth_ok("output")
        self.assertIn("token_hex", everything.out)
        self.assertIn(self.hex, everything.out)
        self.assertRegex(everything.out, r"password = (<sensitive>|\(sensitive value\))")
        password = self.resources()["secret"]["attributes"]["result"]
        self.assertNotIn(password, everything.out)

        one = self.plinth_ok("output", "token_hex")
        self.assertIn(self.hex, one.out)
        self.assertEqual(self.plinth_ok("output", "token_hex", "--raw").out.strip(), self.hex)
        self.assertEqual(self.plinth_ok("output", "note_path", "--raw").out.strip(), "out/note.txt")
        self.assertEqual(self.plinth_ok("output", "byte_length", "--raw").out.strip(), "4")

        masked = self.plinth_ok("output", "password")
        self.assertRegex(masked.out, r"<sensitive>|\(sensitive value\)")
        self.assertNotIn(password, masked.out)
        self.assertEqual(self.plinth_ok("output", "password", "--raw").out.strip(), password)
        self.assertEqual(len(password), 12)

        as_json = json.loads(self.plinth_ok("output", "--json").out)
        self.assertEqual(set(as_json), {"token_hex", "note_path", "byte_length", "password"})
        self.assertEqual(as_json["token_hex"]["value"], self.hex)
        self.assertEqual(as_json["byte_length"]["value"], 4)
        self.assertTrue(as_json["password"]["sensitive"])
        self.assertFalse(as_json["token_hex"]["sensitive"])
        self.assertEqual(json.loads(self.plinth_ok("output", "token_hex", "--json").out), self.hex)

        state_outputs = self.state()["outputs"]
        self.assertEqual(state_outputs["token_hex"]["value"], self.hex)

        missing = self.run_plinth("output", "nothere")
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("output `nothere` not found", missing.err)


if __name__ == "__main__":
    unittest.main()
