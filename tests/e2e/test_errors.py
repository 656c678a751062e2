"""Stack errors: each is reported with file:line:column, exits 1 and touches nothing."""

import unittest

from plinth_e2e import StackTest

VALID = """
stack: errs
resources:
  keep:
    type: local_file
    properties:
      filename: keep.txt
      content: kept
"""


class StackErrorTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": VALID})
        self.apply()

    def rejected(self, files, commands=(("validate",), ("plan",), ("apply", "--auto-approve"))):
        """Replaces the stack by `files`, runs each command, checks each exits 1 and that nothing
        changed; returns the stderr of the last one."""
        self.write_stack({"main.yaml": None})
        self.write_stack(files)
        state_before, files_before = self.state_bytes(), self.files()
        err = ""
        for command in commands:
            result = self.run_plinth(*command)
            self.assertEqual(result.code, 1, result)
            self.assertIn("error", result.err.lower(), result)
            err = result.err
        self.assert_unchanged(state_before, files_before)
        self.assertEqual(self.read("keep.txt"), "kept")
        return err

    def test_bad_yaml(self):
        err = self.rejected({"main.yaml": "stack: broken\nresources:\n  note: value: other\n"})
        self.assertIn("invalid YAML", err)
        self.assert_location(err, "main.yaml", 3)

    def test_bad_yaml_in_second_file_names_that_file(self):
        err = self.rejected({"main.yaml": VALID, "more.yaml": "outputs:\n  x: [1, 2\n"})
        self.assertIn("invalid YAML", err)
        self.assert_location(err, "more.yaml", (2, 3))

    def test_unknown_top_level_key(self):
        err = self.rejected({"main.yaml": VALID + "resourcez:\n  other: {}\n"})
        self.assertIn("unknown top-level key `resourcez`", err)
        self.assert_location(err, "main.yaml", 9)

    def test_unknown_property_for_resource_type(self):
        err = self.rejected({"main.yaml": VALID.replace("filename:", "filenme:")})
        self.assertIn("filenme", err)
        self.assert_location(err, "main.yaml", (4, 7))

    def test_wrong_property_type(self):
        err = self.rejected({"main.yaml": VALID + """
  token:
    type: random_id
    properties:
      byte_length: [1, 2]
"""})
        self.assertIn("byte_length", err)
        self.assert_location(err, "main.yaml", (10, 13))

    def test_unknown_resource_type(self):
        err = self.rejected({"main.yaml": VALID.replace("type: local_file", "type: local_fiel")})
        self.assertIn("local_fiel", err)
        self.assert_location(err, "main.yaml", (4, 5))

    def test_reference_to_undeclared_resource(self):
        err = self.rejected({"main.yaml": VALID.replace("content: kept", 'content: "${ghost.id}"')})
        self.assertIn("reference to undeclared resource `ghost`", err)
        self.assert_location(err, "main.yaml", 8)

    def test_duplicate_names_across_files_names_both_places(self):
        twin = "resources:\n  twin:\n    type: null_resource\n"
        err = self.rejected({"a.yaml": VALID + "  twin:\n    type: null_resource\n", "b.yaml": twin})
        self.assertIn("`twin` is declared twice", err)
        self.assert_location(err, "a.yaml", 9)
        self.assert_location(err, "b.yaml", 2)

    def test_two_resource_cycle(self):
        err = self.rejected({"main.yaml": """
stack: cyclic
resources:
  a:
    type: local_file
    properties: { filename: a.txt, content: "${b.id}" }
  b:
    type: local_file
    properties: { filename: b.txt, content: "${a.id}" }
"""})
        self.assertIn("dependency cycle: a -> b -> a", err)
        self.assert_location(err, "main.yaml", 4)
        self.assert_location(err, "main.yaml", 7)

    def test_three_resource_cycle_through_depends_on(self):
        err = self.rejected({"main.yaml": """
stack: cyclic
resources:
  a: { type: null_resource, depends_on: [b] }
  b: { type: null_resource, depends_on: [c] }
  c: { type: null_resource, depends_on: [a] }
"""})
        self.assertRegex(err, r"dependency cycle: (a -> b -> c -> a|a -> c -> b -> a)")

    def test_missing_stack_name(self):
        err = self.rejected({"main.yaml": VALID.replace("stack: errs", "")})
        self.assertIn("the stack has no name", err)


class VariableErrorTest(StackTest):
    STACK = """
stack: vars
variables:
  name: { type: string }
resources:
  note:
    type: local_file
    properties: { filename: note.txt, content: "${var.name}" }
"""

    def test_missing_required_variable_without_input(self):
        self.write_stack({"main.yaml": self.STACK})
        for args in (("plan", "--input=false"), ("apply", "--auto-approve", "--input=false"),
                     ("apply", "--auto-approve")):
            result = self.run_plinth(*args)
            self.assertEqual(result.code, 1, result)
            self.assertIn("No value for required variable `name`", result.err)
            self.assertIn("--var name=", result.err)
        self.assertFalse(self.exists("note.txt"))
        self.assertIsNone(self.state())

    def test_undeclared_variable_given(self):
        self.write_stack({"main.yaml": self.STACK})
        result = self.run_plinth("plan", "--var", "name=x", "--var", "nmae=y")
        self.assertEqual(result.code, 1, result)
        self.assertIn("no variable `nmae` is declared", result.err)

    def test_malformed_var_assignment(self):
        self.write_stack({"main.yaml": self.STACK})
        result = self.run_plinth("plan", "--var", "novalue")
        self.assertEqual(result.code, 1, result)
        self.assertIn("must have the form name=value", result.err)


class CommandLineErrorTest(StackTest):
    def test_no_stack_files(self):
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("no stack files", result.err)

    def test_missing_chdir_directory(self):
        result = self.run_plinth("--chdir", self.path("nope"), "plan", chdir=False)
        self.assertEqual(result.code, 1, result)
        self.assertIn("nope", result.err)

    def test_unknown_option(self):
        self.write_stack({"main.yaml": VALID})
        result = self.run_plinth("plan", "--no-such-option")
        self.assertEqual(result.code, 1, result)
        self.assertIsNone(self.state())


if __name__ == "__main__":
    unittest.main()
