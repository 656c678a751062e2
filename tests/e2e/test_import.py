"""`plinth import ADDRESS ID`: adopting existing objects into state."""

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


if __name__ == "__main__":
    unittest.main()
