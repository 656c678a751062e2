"""The shipped examples run as documented: examples/sites, which calls examples/templates/site
twice with for_each, is copied with its template (keeping their relative layout) and validated,
applied, planned again without changes and destroyed with the real binary; examples/plugin-dotenv
runs with its plugin from examples/plugins on PATH, as its README says."""

import json
import os
import shutil
import subprocess

from plinth_e2e import StackTest

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")
# What running an example in the source tree leaves behind; not part of the example.
GENERATED = shutil.ignore_patterns("out", "plinth.state.json*", "*.plan", ".plinth")

SITE_FILES = {
    "out/blog/about.html", "out/blog/index.html", "out/blog/sitemap.txt",
    "out/shop/contact.html", "out/shop/index.html", "out/shop/products.html", "out/shop/sitemap.txt",
}


class SitesExampleTest(StackTest):
    def setUp(self):
        super().setUp()
        for example in ("sites", "templates"):
            shutil.copytree(os.path.join(EXAMPLES, example), self.path(example), ignore=GENERATED)
        self.dir = self.path("sites")

    def output(self, name):
        return json.loads(self.plinth_ok("output", "--json", name).out)

    def test_validate_apply_plan_again_and_destroy(self):
        self.assertIn("The stack is valid", self.plinth_ok("validate").out)
        self.assertEqual(self.plinth_ok("plan").plan_summary(), (8, 0, 0))
        self.apply()
        self.assertEqual(self.files("out"), {path[len("out/"):] for path in SITE_FILES})
        self.assertEqual(set(self.output("files")), SITE_FILES)
        self.assertEqual(self.output("urls"),
                         {"blog": "https://blog.example.test/", "shop": "https://shop.example.test/"})
        build_id = self.output("build_id")
        products = self.read("out", "shop", "products.html")
        self.assertIn("<title>Products - Plinth Shop</title>", products)
        self.assertIn('<a href="products.html" aria-current="page">products</a>', products)
        self.assertIn(f"build {build_id}</footer>", self.read("out", "blog", "index.html"))
        self.assertEqual(self.read("out", "blog", "sitemap.txt"),
                         "https://blog.example.test/about.html\nhttps://blog.example.test/index.html\n")
        result = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(result.code, 0, result)
        self.plinth_ok("destroy", "--auto-approve")
        self.assertEqual(self.resources(), {})
        self.assertEqual(self.files("out"), set())

    def test_changing_an_input_replaces_only_the_sitemaps(self):
        self.apply()
        plan = self.plinth_ok("plan", "--var", "domain=example.org")
        self.assertEqual(plan.plan_summary(), (2, 0, 2), plan)
        self.assertIn('# module.site["blog"].sitemap must be replaced', plan.out)
        self.assertIn('# module.site["shop"].sitemap must be replaced', plan.out)

    def test_the_template_validates_its_inputs(self):
        self.write_stack({"stack.yaml": self.read("stack.yaml").replace("    shop:\n", "    Shop:\n")})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("Invalid value for variable `name`", result.err)
        self.assertIn('starting with a letter; got "Shop"', result.err)
        self.assertIn(os.path.join("templates", "site", "stack.yaml") + ":16:", result.err)


class PluginDotenvExampleTest(StackTest):
    def setUp(self):
        super().setUp()
        shutil.copytree(os.path.join(EXAMPLES, "plugin-dotenv"), self.path("plugin-dotenv"), ignore=GENERATED)
        self.dir = self.path("plugin-dotenv")
        self.env = {"PATH": os.path.abspath(os.path.join(EXAMPLES, "plugins")) + os.pathsep + os.environ["PATH"]}

    def test_apply_drift_and_destroy(self):
        self.assertEqual(self.plinth_ok("plan", env=self.env).plan_summary(), (7, 0, 0))
        self.apply(env=self.env)
        entries = dict(line.split("=", 1) for line in self.read("out", "app.env").splitlines())
        self.assertEqual({k: v for k, v in entries.items() if k != "SECRET_KEY"},
                         {"APP_ENV": "dev", "PORT": "8080", "FEATURE_SEARCH": "on", "FEATURE_BETA": "off",
                          "FEATURE_EXPORT": "on"})
        self.assertRegex(entries["SECRET_KEY"], r"^[0-9a-f]{32}$")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", env=self.env).code, 0)
        self.write_stack({"out/app.env": self.read("out", "app.env").replace("APP_ENV=dev", "APP_ENV=prod")})
        self.assertEqual(self.plinth_ok("plan", env=self.env).plan_summary(), (0, 1, 0))
        self.plinth_ok("destroy", "--auto-approve", env=self.env)
        self.assertEqual(self.read("out", "app.env"), "")


class CiPipelineTest(StackTest):
    """examples/ci/plinth-ci.sh, which the GitLab CI and GitHub Actions files call, on a copy of
    examples/hello: plan to a saved plan and a Markdown summary, apply it, plan again."""

    def run_step(self, step):
        env = dict(os.environ, PLINTH=self.binary, STACK_DIR=self.path("hello"))
        result = subprocess.run([os.path.join(EXAMPLES, "ci", "plinth-ci.sh"), step], cwd=self.dir, env=env,
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result.stdout

    def test_plan_summary_apply_and_nothing_left_to_do(self):
        shutil.copytree(os.path.join(EXAMPLES, "hello"), self.path("hello"), ignore=GENERATED)
        self.assertIn("plinth-ci: changes planned in plan.bin", self.run_step("plan"))
        with open(self.path("plan.md"), encoding="utf-8") as summary:
            markdown = summary.read()
        self.assertTrue(markdown.startswith("### plinth plan\n\n**Plan: "), markdown)
        self.assertIn("#### ➕ Create", markdown)
        self.run_step("apply")
        self.assertTrue(os.path.exists(self.path("hello", "plinth.state.json")))
        self.assertIn("plinth-ci: no changes", self.run_step("plan"))
        with open(self.path("plan.md"), encoding="utf-8") as summary:
            self.assertIn("No changes.", summary.read())
