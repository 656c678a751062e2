"""Provider configuration: the `providers:` block, aliases, `requires:` and `plinth providers`."""

import unittest

from plinth_e2e import StackTest


class ProviderConfigurationTest(StackTest):
    def test_an_alias_is_chosen_per_resource_and_recorded_in_state(self):
        self.write_stack({"main.yaml": """
stack: aliases
providers:
  random.second: {}
resources:
  first: { type: random_id, properties: { byte_length: 4 } }
  second:
    type: random_id
    provider: random.second
    properties: { byte_length: 4 }
"""})
        self.apply()
        resources = self.resources()
        self.assertEqual(resources["first"]["provider"], "random")
        self.assertEqual(resources["second"]["provider"], "random.second")
        self.assertEqual(self.plinth_ok("plan", "--detailed-exitcode").code, 0)

    def test_an_undeclared_alias_is_an_error_at_the_resource(self):
        self.write_stack({"main.yaml": """
stack: aliases
providers:
  random.second: {}
resources:
  r:
    type: random_id
    provider: random.secnod
    properties: { byte_length: 4 }
"""})
        for command in (("plan",), ("apply", "--auto-approve")):
            result = self.run_plinth(*command)
            self.assertEqual(result.code, 1, result)
            self.assertIn("provider configuration `random.secnod` is not declared", result.err)
            self.assertIn("did you mean `random.second`?", result.err)
            self.assert_location(result.err, "main.yaml", 6)
        self.assertIsNone(self.state())

    def test_settings_are_checked_against_the_provider_schema(self):
        self.write_stack({"main.yaml": """
stack: settings
providers:
  local:
    root_dir: /tmp
resources:
  f: { type: local_file, properties: { filename: f.txt, content: x } }
"""})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn('Unsupported attribute "root_dir"', result.err)
        self.assert_location(result.err, "main.yaml", 5)
        self.assertFalse(self.exists("f.txt"))

    def test_settings_may_only_use_variables_and_locals(self):
        self.write_stack({"main.yaml": """
stack: settings
providers:
  random:
    seed: ${r.id}
resources:
  r: { type: random_id, properties: { byte_length: 4 } }
"""})
        result = self.run_plinth("validate")
        self.assertEqual(result.code, 1, result)
        self.assertIn("`r.id` cannot be used in the settings of provider `random`", result.err)
        self.assert_location(result.err, "main.yaml", 5)


class RequirementsTest(StackTest):
    def test_plinth_version_requirement(self):
        self.write_stack({"main.yaml": 'stack: req\nrequires: { plinth: ">= 99" }\n'})
        for command in (("validate",), ("plan",), ("init",)):
            result = self.run_plinth(*command)
            self.assertEqual(result.code, 1, result)
            self.assertIn("this stack requires plinth >= 99", result.err)
            self.assert_location(result.err, "main.yaml", 2)
        self.write_stack({"main.yaml": 'stack: req\nrequires: { plinth: ">= 0.1" }\n'})
        self.plinth_ok("plan")

    def test_init_checks_every_required_provider(self):
        self.write_stack({"main.yaml": """
stack: req
requires:
  providers:
    random: ">= 0.1"
    acme: ">= 1.0"
"""})
        result = self.run_plinth("init")
        self.assertEqual(result.code, 1, result)
        self.assertIn("required provider `acme` is not installed", result.err)
        self.assertIn("plinth-provider-acme", result.err)
        self.assert_location(result.err, "main.yaml", 6)

        self.write_stack({"main.yaml": 'stack: req\nrequires:\n  providers: { random: ">= 0.1" }\n'})
        result = self.plinth_ok("init")
        self.assertIn("provider random", result.out)
        self.assertIn("built-in", result.out)

    def test_a_provider_version_not_allowed_fails_init_and_plan(self):
        self.write_stack({"main.yaml": """
stack: req
requires:
  providers: { random: "~> 7.0" }
resources:
  r: { type: random_id, properties: { byte_length: 4 } }
"""})
        for command in (("init",), ("plan",)):
            result = self.run_plinth(*command)
            self.assertEqual(result.code, 1, result)
            self.assertRegex(result.err, r'provider `random` [\d.]+ does not satisfy "~> 7.0"')
            self.assert_location(result.err, "main.yaml", 4)


class ProvidersCommandTest(StackTest):
    def test_lists_built_in_providers_and_their_types(self):
        result = self.plinth_ok("providers")
        for name in ("local", "random", "null", "time", "external"):
            self.assertRegex(result.out, rf"(?m)^{name} [\d.]+ \(built-in\)$")
        self.assertIn("random_id", result.out)

    def test_schema_shows_every_attribute(self):
        result = self.plinth_ok("providers", "schema", "local")
        self.assertIn("resource local_file", result.out)
        self.assertRegex(result.out, r"filename\s+string\s+required, force_new")
        self.assertNotIn("random_id", result.out)
        result = self.run_plinth("providers", "schema", "nope")
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown provider `nope`", result.err)


if __name__ == "__main__":
    unittest.main()
