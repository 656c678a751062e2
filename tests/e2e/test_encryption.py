"""Encryption at rest: with `encryption:` the state, its backup, the crash journal and saved plans
hold no value in clear text; a wrong key is a clear error that writes nothing; keys rotate with a
fallback; an unencrypted state is taken over and encrypted by the next write."""

import base64
import json
import os
import signal
import unittest

from plinth_e2e import CANARY, JOURNAL_FILE, STATE_FILE, StackTest, wait_until

PASSPHRASE = CANARY + " passphrase"
OTHER_PASSPHRASE = "a different passphrase, quite long"

VARIABLES = """
variables:
  state_passphrase: { type: string, sensitive: true }
  old_passphrase: { type: string, sensitive: true, default: "" }
  db_password: { type: string, sensitive: true, default: %s }
""" % CANARY

RESOURCES = """
resources:
  secret:
    type: random_password
    properties: { length: 24 }
  note:
    type: local_file
    properties: { filename: out/note.txt, content: "pw=${var.db_password}" }
outputs:
  password: { value: "${secret.result}", sensitive: true }
"""

PBKDF2 = """
encryption:
  key_provider: { type: pbkdf2, passphrase: "${var.state_passphrase}" }
"""

# A raw key from the environment: no key derivation, so the tests that are not about passphrases
# stay quick under AddressSanitizer (whose allocator makes each 600,000-round PBKDF2 take seconds).
ENV_KEY = """
encryption:
  key_provider: { type: env, variable: VAULT_KEY }
"""
VAULT_KEY = base64.b64encode(bytes(range(32))).decode()

ROTATED = """
encryption:
  key_provider: { type: pbkdf2, passphrase: "${var.state_passphrase}" }
  fallback: { type: pbkdf2, passphrase: "${var.old_passphrase}" }
"""


def stack(encryption):
    return {"main.yaml": "stack: vault\n" + VARIABLES + RESOURCES, "encryption.yaml": encryption}


def passphrase_env(passphrase=PASSPHRASE, **more):
    env = {"PLINTH_VAR_state_passphrase": passphrase, "VAULT_KEY": VAULT_KEY}
    env.update(more)
    return env


class EncryptionTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack(stack(PBKDF2))
        self.key_provider = "pbkdf2"

    def use_env_key(self):
        self.write_stack({"encryption.yaml": ENV_KEY})
        self.key_provider = "env"

    def raw(self, name):
        with open(self.path(name), "rb") as source:
            return source.read()

    def assert_sealed(self, name, *secrets):
        """The file is one encrypted envelope holding none of `secrets` (nor the resource's
        attributes) in clear text."""
        content = self.raw(name)
        header = json.loads(content)
        self.assertEqual(header["plinth_encrypted"], 1)
        self.assertEqual(header["method"], "aes_gcm")
        self.assertEqual(header["key_provider"], self.key_provider)
        if self.key_provider == "pbkdf2":
            self.assertEqual(header["kdf"], "pbkdf2_sha512")
            self.assertGreaterEqual(header["iterations"], 600000)
        for secret in (CANARY, "note.txt", "local_file", "random_password") + secrets:
            self.assertNotIn(secret.encode(), content, f"{secret} in clear text in {name}")

    def apply_sealed(self, passphrase=PASSPHRASE):
        return self.apply(env=passphrase_env(passphrase))

    # --- state ---------------------------------------------------------------------------------
    def test_state_and_its_backup_hold_nothing_in_clear_text(self):
        self.apply_sealed()
        password = self.plinth_ok("output", "--raw", "password", env=passphrase_env()).out
        self.assertEqual(len(password), 24)
        self.assert_sealed(STATE_FILE, password)
        self.assertEqual(self.read("out", "note.txt"), "pw=" + CANARY)

        self.write_stack({"main.yaml": stack(PBKDF2)["main.yaml"].replace("pw=", "password=")})
        self.apply_sealed()
        self.assert_sealed(STATE_FILE, password)
        self.assert_sealed(STATE_FILE + ".backup", password)
        self.assertFalse(self.exists(JOURNAL_FILE))

        # Reading commands decrypt with the passphrase from PLINTH_VAR_*.
        listed = self.plinth_ok("state", "list", env=passphrase_env())
        self.assertEqual(set(listed.out.split()), {"note", "secret"})
        pulled = json.loads(self.plinth_ok("state", "pull", env=passphrase_env(), shows_secrets=True).out)
        self.assertEqual(pulled["serial"], 2)
        self.assertIn("# note:", self.plinth_ok("show", env=passphrase_env()).out)

    def test_a_wrong_passphrase_is_a_clear_error_and_writes_nothing(self):
        self.apply_sealed()
        before, files = self.state_bytes(), self.files()
        for command in (["apply", "--auto-approve"], ["plan"], ["state", "list"], ["output"], ["show"]):
            refused = self.run_plinth(*command, env=passphrase_env(OTHER_PASSPHRASE))
            self.assertEqual(refused.code, 1, refused)
            self.assertRegex(refused.err, f"cannot decrypt \\S*{STATE_FILE}")
            self.assertIn("the passphrase or key is wrong", refused.err)
            self.assertNotIn(PASSPHRASE, refused.err + refused.out)
            self.assert_unchanged(before, files)

    def test_an_encrypted_state_without_encryption_configured_is_an_error(self):
        self.use_env_key()
        self.apply_sealed()
        before, files = self.state_bytes(), self.files()
        self.write_stack({"encryption.yaml": None})
        files.discard("encryption.yaml")
        refused = self.run_plinth("plan", env=passphrase_env())
        self.assertEqual(refused.code, 1, refused)
        self.assertIn(f"{STATE_FILE} is encrypted; configure `encryption:`", refused.err)
        self.assert_unchanged(before, files)

    def test_an_unencrypted_state_is_encrypted_by_the_next_apply(self):
        self.write_stack({"encryption.yaml": None})
        self.apply(env=passphrase_env())
        self.assertIn(CANARY.encode(), self.state_bytes())

        self.use_env_key()
        plan = self.plinth_ok("plan", env=passphrase_env())
        self.assertIn("No changes", plan.out)
        self.assertIn(CANARY.encode(), self.state_bytes(), "plan does not write state")

        applied = self.apply_sealed()
        self.assertIn("State stored again, encrypted with the configured key.", applied.out)
        self.assert_sealed(STATE_FILE)
        self.assertIn("No changes", self.plinth_ok("plan", env=passphrase_env()).out)

    def test_rotating_the_passphrase_with_a_fallback(self):
        self.apply_sealed()
        self.write_stack({"encryption.yaml": ROTATED})
        rotate_env = passphrase_env(OTHER_PASSPHRASE, PLINTH_VAR_old_passphrase=PASSPHRASE)
        applied = self.apply(env=rotate_env)
        self.assertIn("State stored again", applied.out)

        # The new passphrase alone now opens the state; the old one no longer does.
        self.write_stack({"encryption.yaml": PBKDF2})
        self.assertIn("No changes", self.plinth_ok("plan", env=passphrase_env(OTHER_PASSPHRASE)).out)
        refused = self.run_plinth("plan", env=passphrase_env(PASSPHRASE))
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("cannot decrypt", refused.err)

    def test_state_push_encrypts_and_pull_prints_the_decrypted_state(self):
        self.use_env_key()
        self.apply_sealed()
        pulled = self.plinth_ok("state", "pull", env=passphrase_env(), shows_secrets=True).out
        self.assertIn(CANARY, pulled)
        with open(self.path("pulled.json"), "w", encoding="utf-8") as out:
            out.write(pulled)
        pushed = self.plinth_ok("state", "push", "pulled.json", env=passphrase_env())
        self.assertIn("Pushed pulled.json", pushed.out)
        self.assert_sealed(STATE_FILE)
        self.assertEqual(json.loads(self.plinth_ok("state", "pull", env=passphrase_env(), shows_secrets=True).out)["lineage"],
                         json.loads(pulled)["lineage"])

        # An encrypted file (as plinth.state.errored.json is) is decrypted before it is pushed.
        with open(self.path("sealed.json"), "wb") as out:
            out.write(self.raw(STATE_FILE))
        pushed = self.plinth_ok("state", "push", "sealed.json", env=passphrase_env())
        self.assertIn("Pushed sealed.json (2 objects)", pushed.out)

    def test_the_journal_of_an_interrupted_apply_is_encrypted_record_by_record(self):
        self.use_env_key()
        lines = ["  w%02d: { type: time_sleep, properties: { create_duration: 40ms } }" % i for i in range(60)]
        resources = RESOURCES.replace("outputs:", "\n".join(lines) + "\noutputs:")
        self.write_stack({"main.yaml": "stack: vault\n" + VARIABLES + resources})
        apply = self.start_plinth("apply", "--auto-approve", "--parallelism", "2", env=passphrase_env())
        journaled = wait_until(lambda: self.exists(JOURNAL_FILE) and self.raw(JOURNAL_FILE).count(b"\n") >= 6,
                               timeout=30)
        self.assertTrue(journaled)
        os.kill(apply.pid, signal.SIGKILL)
        self.finish(apply)

        records = self.raw(JOURNAL_FILE).splitlines()
        self.assertGreaterEqual(len(records), 6)
        for record in records[:-1]:  # the last may be torn by the kill
            self.assertEqual(json.loads(record)["method"], "aes_gcm")
        self.assertNotIn(CANARY.encode(), self.raw(JOURNAL_FILE))
        self.assertNotIn(b"time_sleep", self.raw(JOURNAL_FILE))

        recovered = self.apply_sealed()
        self.assertIn("Recovered the results of an interrupted run", recovered.err)
        self.assert_sealed(STATE_FILE)
        self.assertEqual(len(self.plinth_ok("state", "list", env=passphrase_env()).out.split()), 62)

    def test_workspaces_and_a_migrated_backend_stay_encrypted(self):
        self.use_env_key()
        self.apply_sealed()
        created = self.plinth_ok("workspace", "new", "staging", env=passphrase_env())
        self.assertIn("Created and selected workspace", created.out)
        staging = os.path.join("plinth.state.d", "staging", STATE_FILE)
        self.assertTrue(json.loads(self.raw(staging))["plinth_encrypted"])
        self.apply_sealed()
        self.assert_sealed(staging)
        self.plinth_ok("workspace", "select", "default")

        self.write_stack({"main.yaml": "stack: vault\nbackend: { type: local, path: moved/state.json }\n"
                                       + VARIABLES + RESOURCES})
        migrated = self.plinth_ok("init", "--migrate-state", env=passphrase_env())
        self.assertIn("copied workspace default", migrated.out)
        self.assert_sealed(os.path.join("moved", "state.json"))
        self.assertIn("No changes", self.plinth_ok("plan", env=passphrase_env()).out)

    # --- saved plans ---------------------------------------------------------------------------
    def test_a_saved_plan_is_encrypted_and_applies_with_the_passphrase(self):
        planned = self.plinth_ok("plan", "--out", "tonight.plan", env=passphrase_env())
        self.assertIn("Saved the plan to: tonight.plan", planned.out)
        self.assert_sealed("tonight.plan")
        self.assertNotIn(PASSPHRASE.encode(), self.raw("tonight.plan"))

        shown = self.plinth_ok("show", "tonight.plan", env=passphrase_env())
        self.assertIn("# note will be created", shown.out)

        refused = self.run_plinth("apply", "tonight.plan", env=passphrase_env(OTHER_PASSPHRASE))
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("cannot decrypt tonight.plan", refused.err)
        self.assertFalse(self.exists("out", "note.txt"))

        # The passphrase's variable may also come from --var.
        self.plinth_ok("apply", "tonight.plan", "--var", f"state_passphrase={PASSPHRASE}")
        self.assertEqual(self.read("out", "note.txt"), "pw=" + CANARY)

    def test_a_plan_shown_without_the_stack_key_asks_for_encryption(self):
        self.use_env_key()
        self.plinth_ok("plan", "--out", "tonight.plan", env=passphrase_env())
        self.write_stack({"encryption.yaml": None})
        refused = self.run_plinth("show", "tonight.plan")
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("tonight.plan is encrypted; configure `encryption:`", refused.err)

    def test_a_missing_or_short_passphrase_is_an_error_at_its_line(self):
        result = self.run_plinth("plan", env=passphrase_env("too short"))
        self.assertEqual(result.code, 1, result)
        self.assertIn("the passphrase of `encryption.key_provider` is too short", result.err)
        self.assert_location(result.err, "encryption.yaml", 3)
        self.assertNotIn("too short\n", result.out)

    def test_an_env_key_encrypts_too(self):
        self.use_env_key()
        self.plinth_ok("plan", "--out", "p.plan", env=passphrase_env())
        self.assert_sealed("p.plan")
        self.assertEqual(json.loads(self.raw("p.plan"))["kdf"], "none")
        self.plinth_ok("apply", "p.plan", env={"VAULT_KEY": VAULT_KEY})

        missing = self.run_plinth("plan", env={"PLINTH_VAR_state_passphrase": PASSPHRASE})
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("environment variable VAULT_KEY", missing.err)

if __name__ == "__main__":
    unittest.main()
