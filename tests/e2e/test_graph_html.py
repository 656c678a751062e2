"""`plinth graph --format html` in a real browser: Debian's headless Chromium, driven by
graph_page.js through puppeteer-core (scripts/install-deps.sh installs both). The page is loaded
from file:// and must raise no console or page error, request nothing but file:, draw every node
of the graph, open the panel of a clicked node, and match nodes in the search box."""

import json
import os
import re
import shutil
import subprocess
import unittest

from plinth_e2e import StackTest

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = "s3cr3t-never-on-the-page"
FAN_OUT = 200
CHAINS, CHAIN_LENGTH = 4, 12


def big_stack():
    """A stack of a few hundred nodes: chains, one resource that 200 others use, data sources,
    variables, locals, outputs and a module call."""
    lines = [
        "stack: big",
        "variables:",
        "  env: { type: string, default: dev }",
        "  region: { type: string, default: local }",
        "  secret: { type: string, default: " + SECRET + ", sensitive: true }",
        "locals:",
        "  prefix: ${var.env}-${var.region}",
        "  banner: hello from ${local.prefix}",
        "data:",
    ]
    lines += [f"  seed{i}:\n    type: local_file\n    properties: {{ filename: seed{i}.txt }}" for i in range(3)]
    lines += [
        "resources:",
        "  hub:",
        "    type: null_resource",
        "    properties: { triggers: { prefix: \"${local.prefix}\" } }",
        "  vault:",
        "    type: local_file",
        "    properties: { filename: vault.txt, content: \"${var.secret}\" }",
    ]
    for i in range(FAN_OUT):
        lines.append(f"  fan{i}:\n    type: null_resource\n    properties: {{ triggers: {{ hub: \"${{hub.id}}\" }} }}")
    for c in range(CHAINS):
        for i in range(CHAIN_LENGTH):
            previous = f"${{data.seed{c % 3}.content}}" if i == 0 else f"${{chain{c}_{i - 1}.id}}"
            lines.append(f"  chain{c}_{i}:\n    type: null_resource\n"
                         f"    properties: {{ triggers: {{ after: \"{previous}\", banner: \"${{local.banner}}\" }} }}")
    lines += [
        "modules:",
        "  site:",
        "    source: ./site",
        "    inputs: { name: \"${chain0_3.id}\" }",
        "outputs:",
        "  hub: { value: \"${hub.id}\" }",
        "  site: { value: \"${module.site.page}\" }",
        f"  last: {{ value: \"${{chain{CHAINS - 1}_{CHAIN_LENGTH - 1}.id}}\" }}",
    ]
    return {
        "main.yaml": "\n".join(lines) + "\n",
        "site/stack.yaml": "stack: site\nvariables:\n  name: { type: string }\nresources:\n  page:\n"
                           "    type: local_file\n    properties: { filename: page.txt, content: \"${var.name}\" }\n"
                           "outputs:\n  page: { value: \"${page.filename}\" }\n",
        **{f"seed{i}.txt": f"seed {i}\n" for i in range(3)},
    }


def browser_tools():
    """(node, graph_page.js) once node, puppeteer-core and a headless Chromium are installed."""
    node = shutil.which("node")
    chromium = [p for p in (os.environ.get("PLINTH_CHROMIUM"), "/usr/bin/chromium-headless-shell", "/usr/bin/chromium")
                if p and os.access(p, os.X_OK)]
    if not node or not chromium:
        raise AssertionError("node or chromium-headless-shell is not installed; run scripts/install-deps.sh")
    return node, os.path.join(HERE, "graph_page.js")


class GraphHtmlTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack(big_stack())

    def graph_nodes(self):
        """The node names `plinth graph` (DOT) draws."""
        dot = self.plinth_ok("graph").out
        return set(re.findall(r'^  "([^"]+)" \[label', dot, re.M))

    def browse(self, page, *options):
        node, script = browser_tools()
        completed = subprocess.run([node, script, page, *options], capture_output=True, text=True, timeout=90)
        self.assertEqual(completed.returncode, 0, completed.stderr)
        report = json.loads(completed.stdout)
        self.assertEqual(report["console_errors"], [])
        self.assertEqual(report["page_errors"], [])
        self.assertEqual(report["foreign_requests"], [])
        return report

    def assert_every_node_drawn(self, report, expected):
        addresses = [n["address"] for n in report["nodes"]]
        self.assertEqual(len(addresses), len(set(addresses)))
        self.assertEqual(set(addresses), expected)
        self.assertEqual([n["address"] for n in report["nodes"] if not n["drawn"]], [])

    def test_the_page_draws_every_node_and_explores_it(self):
        expected = self.graph_nodes()
        self.assertGreater(len(expected), 250)
        self.plinth_ok("graph", "--format", "html", "--out", "graph.html")
        report = self.browse(self.path("graph.html"), "--click", "chain1_4", "--search", "chain2_")
        self.assert_every_node_drawn(report, expected)
        self.assertEqual(report["title"], "plinth graph: big")
        view = report["view"]
        self.assertNotEqual(view["zoomed"], view["fitted"])
        self.assertEqual(view["refitted"], view["fitted"])

        click = report["click"]
        self.assertTrue(click["on_node"], click)
        self.assertTrue(click["open"])
        self.assertEqual(click["address"], "chain1_4")
        self.assertEqual(click["selected"], ["chain1_4"])
        self.assertEqual(click["facts"]["kind"], "resource")
        self.assertEqual(click["facts"]["type"], "null_resource")
        self.assertEqual(click["facts"]["provider"], "null")
        self.assertRegex(click["facts"]["declared at"], r"main\.yaml:\d+:3$")
        self.assertEqual(set(click["dependencies"]), {"chain1_3", "local.banner"})
        self.assertEqual(click["dependents"], ["chain1_5"])

        search = report["search"]
        self.assertEqual(set(search["matches"]), {f"chain2_{i}" for i in range(CHAIN_LENGTH)})
        self.assertEqual(search["dimmed"], len(expected) - CHAIN_LENGTH)
        self.assertEqual(search["counter"], f"{CHAIN_LENGTH} matches")

    def test_a_plan_colours_the_page_and_masks_sensitive_values(self):
        self.plinth_ok("plan", "--out", "next.plan")
        page = self.plinth_ok("graph", "--format", "html", "--plan", "next.plan").out
        self.assertNotIn(SECRET, page)
        with open(self.path("plan.html"), "w", encoding="utf-8") as out:
            out.write(page)
        report = self.browse(self.path("plan.html"), "--click", "vault")
        self.assert_every_node_drawn(report, self.graph_nodes())
        click = report["click"]
        self.assertEqual(click["address"], "vault")
        self.assertEqual(click["facts"]["planned action"], "create")
        self.assertIn("vault create", click["values"])
        self.assertRegex(click["values"], r"content\s+\(sensitive\)")
        self.assertRegex(click["values"], r'filename\s+"vault.txt"')
        self.assertNotIn(SECRET, click["values"])


if __name__ == "__main__":
    unittest.main()
