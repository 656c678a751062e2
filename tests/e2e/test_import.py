"""Adopting existing objects into state: `plinth import ADDRESS ID` and `import:` blocks."""

import unittest

from plinth_e2e import StackTest

STACK = """
stack: adopt
variables:
  names: { default: [a, b] }
resources:
  notes:
    type: local_file
    properties:
      filename: notes.txt
      content: hello
  pages:
    type: local_file
    for_each: ${toset(var.names)}
    properties:
      filename: page-${each.key}.txt
      content: page ${each.key}
"""


class ImportTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK, "notes.txt": "hello", "page-a.txt": "page a"})

    def test_an_imported_object_is_managed_from_then_on(self):
        result = self.plinth_ok("import", "notes", "notes.txt")
        self.assertIn("Imported notes", result.out)
        resources = self.resources()
        self.assertEqual(resources["notes"]["type"], "local_file")
        self.assertEqual(resources["notes"]["provider"], "local")
        self.assertEqual(resources["notes"]["attributes"]["content"], "hello")

        self.plinth_ok("import", 'pages["a"]', "page-a.txt")
        self.assertIn('pages["a"]', self.resources())
        plan = self.plinth_ok("plan")
        self.assertEqual(plan.plan_summary(), (1, 0, 0))  # only pages["b"] is new

        self.write_stack({"notes.txt": "changed by hand"})
        self.plinth_ok("apply", "--auto-approve")
        self.assertEqual(self.read("notes.txt"), "hello")

    def test_errors_leave_state_untouched(self):
        self.plinth_ok("import", "notes", "notes.txt")
        before = self.state_bytes()
        cases = [
            (("import", "notes", "notes.txt"), "`notes` is already in state"),
            (("import", "missing", "x"), "the stack declares no resource `missing`"),
            (("import", "pages", "page-a.txt"), "resource `pages` has for_each"),
            (("import", "pages[0]", "page-a.txt"), "its instances have string keys"),
            (("import", "notes[1]", "x"), "has neither count nor for_each"),
            (("import", "module.net.x", "x"), "the stack declares no module `net`"),
            (("import", "data.d", "x"), "data sources cannot be imported"),
            (("import", 'pages["b"]', "page-b.txt"), "Cannot import page-b.txt: no such file"),
        ]
        for args, message in cases:
            result = self.run_plinth(*args)
            self.assertEqual(result.code, 1, result)
            self.assertIn(message, result.err)
        self.assertEqual(self.state_bytes(), before)


IMPORT_BLOCKS = STACK + """
variables:
  notes_file: { default: notes.txt }
import:
  - to: notes
    id: ${var.notes_file}
  - to: pages["a"]
    id: page-a.txt
"""


class ImportBlockTest(StackTest):
    def setUp(self):
        super().setUp()
        # The variables of STACK and IMPORT_BLOCKS go in separate files: a key may appear once per file.
        self.write_stack({"main.yaml": STACK, "notes.txt": "edited by hand", "page-a.txt": "page a",
                          "imports.yaml": IMPORT_BLOCKS[len(STACK):]})

    def test_import_blocks_plan_as_imports_and_apply_records_them(self):
        plan = self.plinth_ok("plan", "--out", "plan.bin")
        self.assertIn("# notes will be imported", plan.out)
        self.assertIn('# pages["a"] will be imported', plan.out)
        # notes.txt's content differs from the stack: imported, then replaced; pages["b"] is new.
        self.assertIn("Plan: 2 to import, 2 to add, 0 to change, 1 to destroy.", plan.out)
        self.assertIsNone(self.state(), "planning must not write state")

        self.plinth_ok("apply", "plan.bin")
        self.assertEqual(set(self.resources()), {"notes", 'pages["a"]', 'pages["b"]'})
        self.assertEqual(self.read("notes.txt"), "hello")
        again = self.plinth_ok("plan")
        self.assertIn("No changes.", again.out)  # done imports are ignored from then on
        self.assertNotIn("imported", again.out)

    def test_a_bad_import_block_fails_the_plan_at_its_place(self):
        self.write_stack({"imports.yaml": "import:\n  - to: notes\n    id: missing.txt\n"
                                          "  - to: nothing\n    id: x\n  - { to: notes }\n"})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("an entry of `import` has no `id`", result.err)
        self.assert_location(result.err, "imports.yaml", 6)
        self.write_stack({"imports.yaml": "import:\n  - to: notes\n    id: missing.txt\n  - to: nothing\n    id: x\n"})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("Cannot import missing.txt", result.err)
        self.assertIn("the stack declares no resource `nothing`", result.err)
        self.assertIn("In the import block at imports.yaml:4:5", result.err)
        self.assertIsNone(self.state())

    def test_an_import_id_may_not_use_resources(self):
        self.write_stack({"imports.yaml": "import:\n  - to: notes\n    id: ${pages.id}\n"})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("cannot be used in the id of an import", result.err)
        self.assert_location(result.err, "imports.yaml", 3)


if __name__ == "__main__":
    unittest.main()
