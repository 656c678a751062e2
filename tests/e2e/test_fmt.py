"""plinth fmt: a messy stack rewritten to a golden file, --check (exit 3, nothing written), --diff
(applied to the original it gives the golden file), stdin to stdout, invalid YAML at its
file:line:column, which files directories mean, permissions kept, no plan changes after fmt, and
every shipped example already formatted."""

import os
import re
import stat
import subprocess

from plinth_e2e import StackTest, clean_environment

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


def golden(name):
    with open(os.path.join(HERE, "golden", name), encoding="utf-8") as source:
        return source.read()


MESSY = golden("fmt_messy.yaml")
FORMATTED = golden("fmt_messy.formatted.yaml")

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")


def apply_unified_diff(text, diff):
    """`text` with the hunks of `diff` applied, checking every context and removed line."""
    old = text.splitlines()
    new = []
    at = 0
    for line in diff.splitlines()[2:]:
        hunk = HUNK.match(line)
        if hunk:
            start = int(hunk.group(1)) - (0 if hunk.group(2) == "0" else 1)
            new.extend(old[at:start])
            at = start
        elif line.startswith("+"):
            new.append(line[1:])
        else:
            assert old[at] == line[1:], f"diff line {line!r} does not match {old[at]!r}"
            if line.startswith(" "):
                new.append(old[at])
            at += 1
    new.extend(old[at:])
    return "\n".join(new) + "\n"


class FmtTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"stack.yaml": MESSY})

    def fmt_stdin(self, text, *args):
        completed = subprocess.run(self.command("fmt", *args), input=text, capture_output=True, text=True,
                                   env=clean_environment(), timeout=60)
        return completed

    def test_rewrites_a_messy_stack_to_the_golden_file(self):
        result = self.plinth_ok("fmt")
        self.assertEqual(result.out, "stack.yaml\n")
        self.assertEqual(self.read("stack.yaml"), FORMATTED)
        again = self.plinth_ok("fmt")
        self.assertEqual(again.out, "")
        self.assertEqual(self.read("stack.yaml"), FORMATTED)

    def test_check_lists_unformatted_files_writes_nothing_and_exits_3(self):
        self.write_stack({"tidy.yaml": "outputs:\n  n: { value: 1 }\n"})
        os.chmod(self.path("stack.yaml"), 0o640)
        before = self.files()
        result = self.run_plinth("fmt", "--check")
        self.assertEqual(result.code, 3, result)
        self.assertEqual(result.out, "stack.yaml\n")
        self.assertEqual(self.read("stack.yaml"), MESSY)
        self.assertEqual(self.files(), before)
        self.plinth_ok("fmt")
        self.assertEqual(stat.S_IMODE(os.stat(self.path("stack.yaml")).st_mode), 0o640)
        result = self.run_plinth("fmt", "--check")
        self.assertEqual(result.code, 0, result)
        self.assertEqual(result.out, "")

    def test_diff_shows_the_change_as_a_unified_diff(self):
        result = self.run_plinth("fmt", "--check", "--diff")
        self.assertEqual(result.code, 3, result)
        name, diff = result.out.split("\n", 1)
        self.assertEqual(name, "stack.yaml")
        self.assertTrue(diff.startswith("--- old/stack.yaml\n+++ new/stack.yaml\n@@ -1,"), diff)
        self.assertIn("\n-stack:   messy\n", diff)
        self.assertIn("\n+stack: messy\n", diff)
        self.assertEqual(apply_unified_diff(MESSY, diff), FORMATTED)
        self.assertEqual(self.read("stack.yaml"), MESSY)

    def test_stdin_to_stdout(self):
        before = self.files()
        result = self.fmt_stdin(MESSY, "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, FORMATTED)
        checked = self.fmt_stdin(MESSY, "--check", "-")
        self.assertEqual((checked.returncode, checked.stdout), (3, ""), checked.stderr)
        self.assertEqual(self.fmt_stdin(FORMATTED, "--check", "-").returncode, 0)
        self.assertEqual(self.files(), before)

    def test_invalid_yaml_is_an_error_at_its_place_and_nothing_is_written(self):
        broken = "stack: broken\nlocals:\n  a: [1, 2\n  b:   2\n"
        self.write_stack({"stack.yaml": broken})
        result = self.run_plinth("fmt")
        self.assertEqual(result.code, 1, result)
        self.assertIn("invalid YAML", result.err)
        self.assert_location(result.err, "stack.yaml", (3, 4, 5))
        self.assertEqual(self.read("stack.yaml"), broken)
        result = self.fmt_stdin(broken, "-")
        self.assertEqual((result.returncode, result.stdout), (1, ""))
        self.assertIn("<stdin>:", result.stderr)

    def test_directories_mean_their_stack_files(self):
        self.write_stack({
            "sub/stack.yaml": MESSY,
            "sub/.plinth/cache.yaml": MESSY,
            "sub/deeper/stack.yml": MESSY,
            "plinth.lock.yaml": "modules:\n    net:   {}\n",
            "ci.yml": "jobs:\n    plan:   {}\n",
            "notes.txt": "not yaml: [",
        })
        self.assertEqual(self.plinth_ok("fmt").out, "stack.yaml\n")
        result = self.plinth_ok("fmt", "--recursive")
        self.assertEqual(result.out, "sub/deeper/stack.yml\nsub/stack.yaml\n")
        self.assertEqual(self.read("sub/.plinth/cache.yaml"), MESSY)
        self.assertEqual(self.read("plinth.lock.yaml"), "modules:\n    net:   {}\n")
        self.assertEqual(self.read("ci.yml"), "jobs:\n    plan:   {}\n")
        # A file named on the command line is laid out even when it is not a stack file.
        self.assertEqual(self.plinth_ok("fmt", "ci.yml").out, "ci.yml\n")
        self.assertEqual(self.read("ci.yml"), "jobs:\n  plan: {}\n")
        result = self.run_plinth("fmt", "missing.yaml")
        self.assertEqual(result.code, 1, result)
        self.assertIn("missing.yaml", result.err)

    def test_plan_after_fmt_shows_no_changes(self):
        self.apply()
        self.plinth_ok("fmt")
        self.assertEqual(self.read("stack.yaml"), FORMATTED)
        result = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(result.code, 0, result)
        self.assertIn("No changes.", result.out)

    def test_the_shipped_examples_are_formatted(self):
        result = self.run_plinth("fmt", "--check", "--recursive", os.path.abspath(EXAMPLES), chdir=False)
        self.assertEqual(result.code, 0, result)
        self.assertEqual(result.out, "")

    def test_the_completion_script_knows_fmt(self):
        script = self.plinth_ok("completion", "bash").out
        self.assertIn("plinth:fmt) level=plinth_fmt ;;", script)
        self.assertRegex(script, r'plinth_fmt\) words="[^"]*--check --diff --recursive"')
