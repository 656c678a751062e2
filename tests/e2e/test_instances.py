"""count and for_each on resources and data sources: instance addresses in plans and state, and
changing a count or a key set plans exactly the added or removed instances."""

import unittest

from plinth_e2e import StackTest

STACK = """
stack: instances
variables:
  n: { type: number, default: 2 }
  names: { type: list(string), default: [a, b] }
data:
  seed:
    type: local_file
    properties: { filename: "${path.stack}/seed.txt" }
resources:
  numbered:
    type: local_file
    count: ${var.n}
    properties:
      filename: out/n-${count.index}.txt
      content: "${count.index}:${trimspace(data.seed.content)}"
  named:
    type: local_file
    for_each: ${toset(var.names)}
    properties:
      filename: out/${each.key}.txt
      content: ${upper(each.value)}
outputs:
  numbered: { value: "${numbered[*].filename}" }
  named: { value: "${{for k, f in named : k => f.content}}" }
"""


class InstancesTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK, "seed.txt": "s1\n"})

    def test_instances_are_addressed_by_index_and_key(self):
        self.apply()
        self.assertEqual(set(self.resources()),
                         {'numbered[0]', 'numbered[1]', 'named["a"]', 'named["b"]'})
        self.assertEqual(self.read("out", "n-1.txt"), "1:s1")
        self.assertEqual(self.read("out", "b.txt"), "B")
        outputs = self.plinth_ok("output", "--json").out
        self.assertIn('"out/n-0.txt"', outputs)
        self.assertIn('"a": "A"', outputs.replace("\n", "").replace("  ", " ").replace("{ ", "{"))

    def test_changing_count_and_keys_moves_only_those_instances(self):
        self.apply()
        grown = self.plinth_ok("plan", "--var", "n=3", "--var", "names=[a, c]")
        self.assertEqual(grown.plan_summary(), (2, 0, 1), grown)
        self.assertIn("# numbered[2] will be created", grown.out)
        self.assertIn('# named["c"] will be created', grown.out)
        self.assertIn('# named["b"] will be destroyed', grown.out)
        self.assertNotIn("numbered[0] will", grown.out)
        self.apply("--var", "n=1")
        self.assertEqual(set(self.resources()), {'numbered[0]', 'named["a"]', 'named["b"]'})
        self.assertFalse(self.exists("out", "n-1.txt"))

    def test_a_data_source_is_read_at_plan_time(self):
        self.apply()
        self.write_stack({"seed.txt": "s2\n"})
        plan = self.plinth_ok("plan")
        self.assertEqual(plan.plan_summary(), (2, 0, 2), plan)  # content forces replacement
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 2)

    def test_a_bad_count_points_at_it(self):
        result = self.run_plinth("plan", "--var", "n=-1")
        self.assertEqual(result.code, 1, result)
        self.assertIn("`count` must be a whole number, 0 or more", result.err)
        self.assertIn("main.yaml:13:", result.err)


if __name__ == "__main__":
    unittest.main()


CHECKED = """
stack: checked
variables:
  env: { default: dev }
resources:
  note:
    type: local_file
    properties: { filename: out/note.txt, content: "${var.env}" }
    lifecycle:
      precondition:
        - condition: ${var.env != "bad"}
          error_message: env must not be ${var.env}
      postcondition:
        - condition: ${self.content != "prod"}
          error_message: "no prod notes here"
"""


class ConditionsTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": CHECKED})

    def test_a_failing_precondition_stops_the_plan(self):
        result = self.run_plinth("plan", "--var", "env=bad")
        self.assertEqual(result.code, 1, result)
        self.assertIn("A precondition of `note` failed", result.err)
        self.assertIn("env must not be bad", result.err)
        self.assertIn("main.yaml:11:24", result.err)

    def test_a_failing_postcondition_is_reported(self):
        result = self.run_plinth("plan", "--var", "env=prod")
        self.assertEqual(result.code, 1, result)
        self.assertIn("A postcondition of `note` failed", result.err)
        self.assertIn("no prod notes here", result.err)
        self.apply()



DEFERRED = """
stack: deferred
resources:
  size:
    type: random_integer
    properties: { min: 2, max: 2 }
  files:
    type: local_file
    count: ${size.result}
    properties:
      filename: out/f-${count.index}.txt
      content: "${count.index} of ${size.result}"
data:
  echo:
    type: external
    properties:
      program: [python3, -c, "import json,sys; q=json.load(sys.stdin); print(json.dumps({'got': q['n']}))"]
      query: { n: "${size.result}" }
outputs:
  echoed: { value: "${data.echo.result.got}" }
"""


class DeferredTest(StackTest):
    def test_count_known_only_after_apply_converges_in_one_apply(self):
        self.write_stack({"main.yaml": DEFERRED})
        plan = self.plinth_ok("plan")
        self.assertIn("Deferred to apply:", plan.out)
        self.assertIn("# files: its count depends on values known only after apply", plan.out)
        self.assertIn("# data.echo will be read during apply", plan.out)
        self.assertIn('<= data "external" "echo"', plan.out)
        self.apply()
        self.assertEqual(self.read("out", "f-1.txt"), "1 of 2")
        self.assertEqual(set(self.resources()), {"size", "files[0]", "files[1]"})
        self.assertEqual(self.plinth_ok("output", "--raw", "echoed").out, "2")
        again = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(again.code, 0, again)

    def test_a_data_source_waits_for_what_it_depends_on(self):
        self.write_stack({"main.yaml": """
stack: reader
resources:
  writer:
    type: local_file
    properties: { filename: out/w.txt, content: hello }
data:
  reader:
    type: local_file
    properties: { filename: out/w.txt }
    depends_on: [writer]
outputs:
  read: { value: "${data.reader.content}" }
"""})
        plan = self.plinth_ok("plan")
        self.assertIn("# data.reader will be read during apply", plan.out)
        self.apply()
        self.assertEqual(self.plinth_ok("output", "--raw", "read").out, "hello")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def test_an_instance_out_of_range_says_so(self):
        self.write_stack({"main.yaml": STACK, "seed.txt": "s\n"})
        self.apply()
        plan = self.plinth_ok("plan", "--var", "n=1", "--var", "names=[a]")
        self.assertIn("# (because index [1] is out of range for count)", plan.out)
        self.assertIn('# (because key ["b"] is not in for_each)', plan.out)


MOVABLE = """
stack: movable
resources:
  old:
    type: local_file
    properties: { filename: out/kept.txt, content: kept }
  spare:
    type: local_file
    properties: { filename: out/spare.txt, content: spare }
"""

MOVED = """
stack: movable
resources:
  renamed:
    type: local_file
    count: 1
    properties: { filename: out/kept.txt, content: kept }
moved:
  - { from: old, to: "renamed[0]" }
removed:
  - from: spare
"""


class MovedRemovedTest(StackTest):
    def test_a_rename_is_a_move_and_a_removal_forgets(self):
        self.write_stack({"main.yaml": MOVABLE})
        self.apply()
        self.write_stack({"main.yaml": MOVED})
        plan = self.plinth_ok("plan")
        self.assertIn("# old has moved to renamed[0]", plan.out)
        self.assertIn("# spare will no longer be managed by plinth", plan.out)
        self.assertIn("Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget.", plan.out)
        self.apply()
        self.assertEqual(set(self.resources()), {"renamed[0]"})
        self.assertTrue(self.exists("out", "spare.txt"), "a removed object is not destroyed")
        self.assertEqual(self.read("out", "kept.txt"), "kept")
        again = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(again.code, 0, again)

    def test_removing_something_still_declared_is_an_error(self):
        self.write_stack({"main.yaml": MOVABLE})
        self.apply()
        self.write_stack({"main.yaml": MOVABLE + "removed:\n  - from: spare\n"})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("`removed` names `spare`, which the stack still declares", result.err)


class TargetTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK, "seed.txt": "s\n"})

    def test_target_plans_only_that_instance_and_what_it_needs(self):
        plan = self.plinth_ok("plan", "--target", "numbered[1]")
        self.assertIn("resource targeting is in effect", plan.out)
        self.assertIn("# numbered[1] will be created", plan.out)
        self.assertEqual(plan.plan_summary(), (1, 0, 0), plan)
        self.apply("--target", 'named["a"]')
        self.assertEqual(set(self.resources()), {'named["a"]'})
        self.assertEqual(self.state()["outputs"], {}, "a targeted apply leaves outputs alone")
        self.apply()
        self.assertEqual(len(self.resources()), 4)

    def test_destroy_with_a_target_destroys_only_it(self):
        self.apply()
        self.plinth_ok("destroy", "--auto-approve", "--target", "numbered")
        self.assertEqual(set(self.resources()), {'named["a"]', 'named["b"]'})

    def test_a_bad_target_is_an_error(self):
        result = self.run_plinth("plan", "--target", "web[")
        self.assertEqual(result.code, 1, result)
        self.assertIn("invalid --target `web[`", result.err)
        result = self.run_plinth("plan", "--exclude", "web[")
        self.assertEqual(result.code, 1, result)
        self.assertIn("invalid --exclude `web[`", result.err)


LAYERED = """
stack: layered
resources:
  base: { type: random_id, properties: { byte_length: 4 } }
  app:
    type: local_file
    properties: { filename: out/app.txt, content: "${base.hex}" }
  other:
    type: local_file
    properties: { filename: out/other.txt, content: other }
outputs:
  app: { value: "${app.content}" }
"""


class ExcludeTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": LAYERED})

    def test_exclude_leaves_out_the_object_and_what_depends_on_it(self):
        plan = self.plinth_ok("plan", "--exclude", "base")
        self.assertIn("some objects are excluded", plan.out)
        self.assertIn("# other will be created", plan.out)
        self.assertNotIn("# app", plan.out)
        self.assertEqual(plan.plan_summary(), (1, 0, 0), plan)
        self.apply("--exclude", "base")
        self.assertEqual(set(self.resources()), {"other"})
        self.assertEqual(self.state()["outputs"], {}, "an apply with excludes leaves outputs alone")
        self.apply()
        self.assertEqual(set(self.resources()), {"base", "app", "other"})

    def test_destroy_with_exclude_keeps_it_and_what_it_needs(self):
        self.apply()
        self.plinth_ok("destroy", "--auto-approve", "--exclude", "app")
        self.assertEqual(set(self.resources()), {"base", "app"})
        self.assertFalse(self.exists("out", "other.txt"))
