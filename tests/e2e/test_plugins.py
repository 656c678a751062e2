"""Plugin providers: the real binary runs the example dotenv plugin (examples/plugins) through a
whole life cycle, finds plugins where the protocol says, logs their stderr, and gives clear errors
for plugins that misbehave (tests/fixtures/plugins/plinth-provider-faulty and small scripts
written by the tests)."""

import os
import shutil
import signal
import stat
import subprocess
import time

from plinth_e2e import CANARY, StackTest, clean_environment, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
DOTENV = os.path.abspath(os.path.join(ROOT, "examples", "plugins", "plinth-provider-dotenv"))
FAULTY = os.path.abspath(os.path.join(ROOT, "tests", "fixtures", "plugins", "plinth-provider-faulty"))

DOTENV_STACK = """\
stack: env
variables:
  port: { type: string, default: "8080" }
data:
  base:
    type: dotenv_file
    properties: { file: base.env }
resources:
  port:
    type: dotenv_entry
    properties: { file: app.env, key: PORT, value: "${var.port}" }
  host:
    type: dotenv_entry
    properties: { file: app.env, key: HOST, value: "${data.base.entries.HOST}" }
  flags:
    type: dotenv_entry
    for_each: { A: "1", B: "2", C: "3", D: "4", E: "5", F: "6" }
    properties: { file: app.env, key: "FLAG_${each.key}", value: "${each.value}" }
outputs:
  port_id: { value: "${port.id}" }
"""

FAULTY_STACK = """\
stack: faulty
resources:
  a:
    type: faulty_item
    properties: { name: a }
  b:
    type: faulty_item
    properties: { name: b }
    depends_on: [a]
  c:
    type: faulty_item
    properties: { name: c }
    depends_on: [b]
"""


class PluginTest(StackTest):
    def install(self, source, name=None):
        """Copies a plugin into the stack's .plinth/providers/."""
        target = self.path(".plinth", "providers", name or os.path.basename(source))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(source, target)
        os.chmod(target, 0o755)
        return target

    def write_plugin(self, name, text):
        """A plugin script written by the test into .plinth/providers/."""
        target = self.path(".plinth", "providers", name)
        self.write_stack({os.path.join(".plinth", "providers", name): text})
        os.chmod(target, os.stat(target).st_mode | stat.S_IXUSR)
        return target

    def env_file(self):
        return self.read("app.env").splitlines()


class DotenvLifecycleTest(PluginTest):
    def setUp(self):
        super().setUp()
        self.install(DOTENV)
        self.write_stack({"stack.yaml": DOTENV_STACK, "base.env": "HOST=localhost\n"})

    def test_create_no_changes_drift_update_destroy(self):
        self.assertEqual(self.plinth_ok("plan").plan_summary(), (8, 0, 0))
        self.apply()
        lines = self.env_file()
        self.assertEqual(sorted(lines), sorted(["PORT=8080", "HOST=localhost"] +
                                               [f"FLAG_{k}={v}" for k, v in zip("ABCDEF", "123456")]))
        self.assertEqual(self.resources()["port"]["id"], "app.env:PORT")
        self.assertEqual(self.plinth_ok("output", "port_id").out.strip(), '"app.env:PORT"')

        result = self.run_plinth("plan", "--detailed-exitcode")
        self.assertEqual(result.code, 0, result)
        self.assertIn("No changes", result.out)

        # Drift: the value edited by hand, a flag removed by hand, a comment added.
        edited = ["# kept by plinth", "PORT=9999"] + [l for l in lines if not l.startswith(("PORT=", "FLAG_C="))]
        self.write_stack({"app.env": "\n".join(edited) + "\n"})
        plan = self.plinth_ok("plan")
        self.assertEqual(plan.plan_summary(), (1, 1, 0), plan)
        self.assertIn('~ value = "9999" -> "8080"', plan.out)
        self.apply()
        self.assertIn("PORT=8080", self.env_file())
        self.assertIn("FLAG_C=3", self.env_file())
        self.assertEqual(self.env_file()[0], "# kept by plinth")

        # An update from the stack.
        self.assertEqual(self.plinth_ok("plan", "--var", "port=9090").plan_summary(), (0, 1, 0))
        self.apply("--var", "port=9090")
        self.assertIn("PORT=9090", self.env_file())

        self.plinth_ok("destroy", "--auto-approve", "--var", "port=9090")
        self.assertEqual(self.resources(), {})
        self.assertEqual(self.env_file(), ["# kept by plinth"])

    def test_an_existing_entry_is_imported_through_the_plugin(self):
        self.write_stack({"app.env": "PORT=7070\n"})
        result = self.plinth_ok("import", "port", "app.env:PORT")
        self.assertIn("Imported port", result.out)
        self.assertEqual(self.resources()["port"]["attributes"]["value"], "7070")
        plan = self.plinth_ok("plan")
        self.assertIn('~ value = "7070" -> "8080"', plan.out)
        result = self.run_plinth("import", "host", "app.env:HOST")
        self.assertEqual(result.code, 1, result)
        self.assertIn("app.env has no entry HOST", result.err)
        self.assertNotIn("host", self.resources())

    def test_the_plugins_own_checks_point_at_the_stack(self):
        self.write_stack({"stack.yaml": DOTENV_STACK.replace("key: PORT", "key: 1PORT")})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn('invalid key "1PORT"', result.err)
        self.assertIn("stack.yaml:11:", result.err)
        self.assertFalse(self.exists("app.env"))

    def test_plugin_stderr_goes_to_the_log(self):
        self.apply(env={"PLINTH_LOG": "debug", "PLINTH_LOG_PATH": self.path("plinth.log")})
        log = self.read("plinth.log")
        self.assertIn("[plugin dotenv] dotenv: set PORT in app.env", log)
        self.assertIn("started provider plugin `dotenv`", log)
        self.assertIn("[DEBUG]", log)
        quiet = self.run_plinth("plan")
        self.assertNotIn("[plugin dotenv]", quiet.err)


class PluginSettingsTest(PluginTest):
    def setUp(self):
        super().setUp()
        self.install(DOTENV)

    def test_settings_reach_the_plugin(self):
        self.write_stack({"stack.yaml": DOTENV_STACK.replace("variables:", "providers:\n  dotenv: { directory: config }\nvariables:"),
                          "config/base.env": "HOST=configured\n"})
        self.apply()
        self.assertIn("HOST=configured", self.read("config", "app.env").splitlines())
        self.assertFalse(self.exists("app.env"))

    def test_settings_are_checked_against_the_plugins_schema(self):
        self.write_stack({"stack.yaml": DOTENV_STACK.replace("variables:", "providers:\n  dotenv:\n    folder: config\nvariables:"),
                          "base.env": "HOST=h\n"})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("folder", result.err)
        self.assert_location(result.err, "stack.yaml", 4)

    def test_providers_lists_the_plugin_with_its_path_and_version(self):
        self.write_stack({"stack.yaml": DOTENV_STACK})
        result = self.plinth_ok("providers")
        self.assertIn("dotenv", result.out)
        self.assertIn("1.0.0", result.out)
        self.assertIn(self.path(".plinth", "providers", "plinth-provider-dotenv"), result.out)
        self.assertIn("dotenv_entry", result.out)


class DiscoveryTest(PluginTest):
    def test_found_on_path(self):
        self.write_stack({"stack.yaml": DOTENV_STACK, "base.env": "HOST=h\n"})
        path = os.path.dirname(DOTENV) + os.pathsep + os.environ.get("PATH", "")
        self.apply(env={"PATH": path})
        self.assertIn("PORT=8080", self.env_file())

    def test_the_stacks_own_folder_comes_before_path(self):
        self.write_stack({"stack.yaml": DOTENV_STACK, "base.env": "HOST=h\n"})
        self.write_plugin("plinth-provider-dotenv", "#!/bin/sh\necho 'the local copy' >&2\nexit 7\n")
        path = os.path.dirname(DOTENV) + os.pathsep + os.environ.get("PATH", "")
        result = self.run_plinth("plan", env={"PATH": path})
        self.assertEqual(result.code, 1, result)
        self.assertIn(os.path.join(".plinth", "providers", "plinth-provider-dotenv") + ") stopped unexpectedly: "
                      "it exited with status 7", result.err)
        self.assertIn("the local copy", result.err)

    def test_the_stacks_providers_dir(self):
        shared = self.dir + "-shared"  # beside the stack, as a team's shared folder would be
        os.makedirs(shared)
        self.addCleanup(shutil.rmtree, shared, ignore_errors=True)
        shutil.copy(DOTENV, shared)
        self.write_stack({"stack.yaml": f"providers_dir: ../{os.path.basename(shared)}\n" + DOTENV_STACK,
                          "base.env": "HOST=h\n"})
        self.apply(env={"PATH": "/usr/bin:/bin"})
        self.assertIn("PORT=8080", self.env_file())

    def test_an_unknown_provider_is_still_reported_as_such(self):
        self.write_stack({"stack.yaml": DOTENV_STACK})
        result = self.run_plinth("plan", env={"PATH": "/usr/bin:/bin"})
        self.assertEqual(result.code, 1, result)
        self.assertIn("unknown provider `dotenv`", result.err)


class FailureModesTest(PluginTest):
    def setUp(self):
        super().setUp()
        self.plugin = self.install(FAULTY)
        self.write_stack({"stack.yaml": FAULTY_STACK})

    def test_a_crash_mid_apply_keeps_what_was_applied(self):
        result = self.run_plinth("apply", "--auto-approve", env={"PLINTH_FAULTY_MODE": "crash_on:b"})
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"provider plugin `faulty` ({self.plugin}) stopped unexpectedly: it exited with status 3",
                      result.err)
        self.assertIn("RuntimeError: b is cursed", result.err)
        self.assertEqual(set(self.resources()), {"a"})
        # The plugin works again: only what is missing is created.
        plan = self.plinth_ok("plan")
        self.assertEqual(plan.plan_summary(), (2, 0, 0), plan)
        self.apply()
        self.assertEqual(set(self.resources()), {"a", "b", "c"})

    def test_a_hang_times_out_and_later_calls_fail_fast(self):
        started = time.monotonic()
        result = self.run_plinth("apply", "--auto-approve",
                                 env={"PLINTH_FAULTY_MODE": "hang_on:b", "PLINTH_PLUGIN_TIMEOUT": "1s"})
        self.assertLess(time.monotonic() - started, 20)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"provider plugin `faulty` ({self.plugin}) did not answer `create` within 1s and was stopped",
                      result.err)
        self.assertIn("PLINTH_PLUGIN_TIMEOUT", result.err)
        self.assertEqual(set(self.resources()), {"a"})

    def test_a_bad_timeout_setting_is_named(self):
        result = self.run_plinth("plan", env={"PLINTH_PLUGIN_TIMEOUT": "soon"})
        self.assertEqual(result.code, 1, result)
        self.assertIn("PLINTH_PLUGIN_TIMEOUT=soon", result.err)

    def test_non_json_output_is_quoted(self):
        result = self.run_plinth("plan", env={"PLINTH_FAULTY_MODE": "noise"})
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"provider plugin `faulty` ({self.plugin}) wrote a line that is not a JSON-RPC answer: "
                      "`faulty plugin starting up`", result.err)
        self.assertIn("logs go to stderr", result.err)

    def test_another_protocol_version_names_both(self):
        result = self.run_plinth("plan", env={"PLINTH_FAULTY_MODE": "version"})
        self.assertEqual(result.code, 1, result)
        self.assertIn("speaks plugin protocol version 99; this plinth speaks version 1", result.err)

    def test_a_plugin_that_does_not_start(self):
        self.write_plugin("plinth-provider-faulty", "#!/no/such/interpreter\n")
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"provider plugin `faulty` ({self.plugin}) does not start: cannot run", result.err)

    def test_validation_problems_from_the_plugin(self):
        self.write_stack({"stack.yaml": FAULTY_STACK.replace("name: c", "name: invalid")})
        result = self.run_plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn("this name is not allowed", result.err)
        self.assertIn("pick another one", result.err)
        self.assertIn("stack.yaml:12:", result.err)

    def test_sensitive_attributes_are_masked(self):
        self.write_stack({"stack.yaml": FAULTY_STACK.replace("name: a }", "name: a, secret: " + CANARY + " }")})
        plan = self.plinth_ok("plan")
        self.assertNotIn(CANARY, plan.out)
        self.assertIn("(sensitive value)", plan.out)
        self.apply()
        self.assertEqual(self.resources()["a"]["sensitive_attributes"], ["secret"])

    def test_ctrl_c_lets_the_running_call_finish(self):
        """A terminal's Ctrl-C signals plinth's whole process group; the plugin, in a group of its
        own, is not interrupted: the create in flight completes and is recorded."""
        log = self.path("plinth.log")
        env = clean_environment({"PLINTH_FAULTY_MODE": "slow_on:a", "PLINTH_LOG": "debug", "PLINTH_LOG_PATH": log})
        apply = subprocess.Popen(self.command("apply", "--auto-approve"), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                 start_new_session=True)
        self.addCleanup(lambda: apply.poll() is None and apply.kill())
        self.assertTrue(wait_until(lambda: os.path.exists(log) and "faulty: creating a" in self.read("plinth.log")))
        os.killpg(apply.pid, signal.SIGINT)
        out, err = apply.communicate(timeout=30)
        self.assertEqual(apply.returncode, 130, out + err)
        self.assertIn("Apply interrupted", out)
        self.assertEqual(set(self.resources()), {"a"})
        self.assertEqual(self.resources()["a"]["status"], "ready")
