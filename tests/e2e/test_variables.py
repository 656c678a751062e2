"""Variables: precedence default < PLINTH_VAR_x < --var-file < --var, and type conversion."""

import unittest

from plinth_e2e import StackTest

STACK = """
stack: vars
variables:
  word: { type: string, default: from-default, description: A word to write }
  amount: { type: number, default: 1 }
  flag: { type: bool, default: false }
  names: { type: list(string), default: [] }
locals:
  shout: "${upper(var.word)}"
resources:
  note:
    type: local_file
    properties:
      filename: note.txt
      content: "${var.word}/${local.shout}"
outputs:
  word: { value: "${var.word}" }
  doubled: { value: "${var.amount * 2}" }
  flag: { value: "${var.flag}" }
  names:
    value: '${join(",", var.names)}'

"""


class VariablePrecedenceTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK,
                          "file1.vars": "word: from-file\namount: 5\n",
                          "file2.vars": "word: from-second-file\n"})

    def applied_word(self, *args, env=None):
        self.apply(*args, env=env)
        word = self.plinth_ok("output", "word", "--raw").out.strip()
        self.assertEqual(self.read("note.txt"), f"{word}/{word.upper()}")
        return word

    def test_later_sources_win(self):
        env = {"PLINTH_VAR_word": "from-env"}
        file1, file2 = self.path("file1.vars"), self.path("file2.vars")
        self.assertEqual(self.applied_word(), "from-default")
        self.assertEqual(self.applied_word(env=env), "from-env")
        self.assertEqual(self.applied_word("--var-file", file1, env=env), "from-file")
        self.assertEqual(self.applied_word("--var-file", file1, "--var", "word=from-flag", env=env),
                         "from-flag")
        self.assertEqual(self.applied_word("--var-file", file1, "--var-file", file2),
                         "from-second-file")
        self.assertEqual(self.applied_word("--var", "word=first", "--var", "word=second"), "second")
        # --var wins over a var-file even when given before it
        self.assertEqual(self.applied_word("--var", "word=flag-first", "--var-file", file1), "flag-first")

    def test_relative_var_file_resolves_in_the_chdir_directory(self):
        # --chdir switches directory "before anything else", as Terraform's -chdir does
        self.assertEqual(self.applied_word("--var-file", "file1.vars"), "from-file")

    def test_values_are_converted_to_the_declared_type(self):
        self.apply("--var", "amount=21", "--var", "flag=true", "--var", 'names=["a","b"]')
        self.assertEqual(self.plinth_ok("output", "doubled", "--raw").out.strip(), "42")
        self.assertEqual(self.plinth_ok("output", "flag", "--raw").out.strip(), "true")
        self.assertEqual(self.plinth_ok("output", "names", "--raw").out.strip(), "a,b")

        self.apply(env={"PLINTH_VAR_amount": "4"})
        self.assertEqual(self.plinth_ok("output", "doubled", "--raw").out.strip(), "8")
        self.apply("--var-file", self.path("file1.vars"))
        self.assertEqual(self.plinth_ok("output", "doubled", "--raw").out.strip(), "10")

    def test_number_conversion_error(self):
        for args, env, source in ((("--var", "amount=lots"), None, "--var amount"),
                                  ((), {"PLINTH_VAR_amount": "lots"}, "PLINTH_VAR_amount")):
            result = self.run_plinth("apply", "--auto-approve", *args, env=env)
            self.assertEqual(result.code, 1, result)
            self.assertIn(source, result.err)
            self.assertIn("number", result.err)
            self.assertFalse(self.exists("note.txt"))
            self.assertIsNone(self.state())

    def test_bool_conversion_error(self):
        result = self.run_plinth("plan", "--var", "flag=maybe")
        self.assertEqual(result.code, 1, result)
        self.assertIn("flag", result.err)
        self.assertIn("bool", result.err)

    def test_missing_var_file(self):
        result = self.run_plinth("plan", "--var-file", "nothere.vars")
        self.assertEqual(result.code, 1, result)
        self.assertIn("nothere.vars", result.err)


if __name__ == "__main__":
    unittest.main()
