"""Modules from local paths: inputs and outputs, for_each over module calls, nesting, addresses
like module.site["a"].page, and errors located inside the module and at the call."""

import unittest

from plinth_e2e import StackTest

ROOT = """
stack: modules
variables:
  sites: { default: { blog: Blog, shop: Shop } }
modules:
  site:
    source: ./templates/site
    for_each: ${var.sites}
    inputs:
      name: ${each.key}
      title: ${each.value}
outputs:
  pages: { value: "${{for k, s in module.site : k => s.page}}" }
"""

SITE = """
variables:
  name: { type: string }
  title: { type: string }
modules:
  footer:
    source: ../footer
    inputs: { owner: "${var.name}" }
resources:
  page:
    type: local_file
    properties:
      filename: out/${var.name}/index.html
      content: "<h1>${var.title}</h1>${module.footer.html}"
outputs:
  page: { value: "${page.filename}" }
"""

FOOTER = """
variables:
  owner: { type: string }
outputs:
  html: { value: "<footer>${var.owner}</footer>" }
"""


class ModulesTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": ROOT, "templates/site/main.yaml": SITE, "templates/footer/main.yaml": FOOTER})

    def test_a_template_used_twice_with_for_each(self):
        plan = self.plinth_ok("plan")
        self.assertIn('# module.site["blog"].page will be created', plan.out)
        self.apply()
        self.assertEqual(set(self.resources()), {'module.site["blog"].page', 'module.site["shop"].page'})
        self.assertEqual(self.read("out", "shop", "index.html"), "<h1>Shop</h1><footer>shop</footer>")
        self.assertIn('"blog": "out/blog/index.html"', self.plinth_ok("output", "--json", "pages").out)
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def test_dropping_a_key_destroys_that_instance_only(self):
        self.apply()
        plan = self.plinth_ok("plan", "--var", "sites={blog: Blog}")
        self.assertEqual(plan.plan_summary(), (0, 0, 1), plan)
        self.assertIn('# module.site["shop"].page will be destroyed', plan.out)

    def test_moved_inside_a_module_holds_for_every_instance(self):
        self.apply()
        renamed = SITE.replace("  page:\n", "  index:\n").replace("${page.filename}", "${index.filename}")
        self.write_stack({"templates/site/main.yaml": renamed + "moved:\n  - { from: page, to: index }\n"})
        plan = self.plinth_ok("plan")
        self.assertIn('# module.site["blog"].page has moved to module.site["blog"].index', plan.out)
        self.assertIn('# module.site["shop"].page has moved to module.site["shop"].index', plan.out)
        self.apply()
        self.assertEqual(set(self.resources()), {'module.site["blog"].index', 'module.site["shop"].index'})
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def test_errors_inside_a_module_name_the_call(self):
        self.write_stack({"templates/footer/main.yaml": FOOTER + "  bad: { value: \"${var.nope}\" }\n"})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("reference to undeclared variable `nope`", result.err)
        self.assertIn("templates/footer/main.yaml:6:", result.err)
        self.assertIn("in module `site.footer` called at", result.err)

    def test_an_evaluation_error_inside_a_module_names_the_instance(self):
        self.write_stack({"templates/site/main.yaml": SITE.replace('"<h1>${var.title}</h1>', '"<h1>${var.title + 1}</h1>')})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("on templates/site/main.yaml:14:23", result.err)
        self.assertIn('in module.site["blog"], called at main.yaml:6:3', result.err)

    def test_inputs_must_match_the_module_variables(self):
        self.write_stack({"main.yaml": ROOT.replace("title: ${each.value}", "titel: ${each.value}")})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("module `site` has no variable `titel`", result.err)
        self.assertIn("module `site` needs input `title`", result.err)


if __name__ == "__main__":
    unittest.main()
