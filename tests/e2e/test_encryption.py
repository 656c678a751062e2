"""Encryption at rest: with `encryption:` the state, its backup, the crash journal and saved plans
hold no value in clear text; a wrong key is a clear error that writes nothing; keys rotate with a
fallback; an unencrypted state is taken over and encrypted by the next write."""

import base64
import json
import os
import signal
import unittest

from plinth_e2e import JOURNAL_FILE, STATE_FILE, StackTest, wait_until

PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "a different passphrase, quite long"
CANARY = "CANARY-7f3a-db-password"

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

ROTATED = """
encryption:
  key_provider: { type: pbkdf2, passphrase: "${var.state_passphrase}" }
  fallback: { type: pbkdf2, passphrase: "${var.old_passphrase}" }
"""


def stack(encryption):
    return {"main.yaml": "stack: vault\n" + VARIABLES + RESOURCES, "encryption.yaml": encryption}


def passphrase_env(passphrase=PASSPHRASE, **more):
    env = {"PLINTH_VAR_state_passphrase": passphrase}
    env.update(more)
    return env


class EncryptionTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack(stack(PBKDF2))

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
        self.assertEqual(header["kdf"], "pbkdf2_sha512")
        self.assertGreaterEqual(header["iterations"], 600000)
        for secret in (CANARY, "note.txt", "local_file", "random_password") + secrets:
            self.assertNotIn(secret.encode(), content, f"{secret} in clear text in {name}")

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
        key = base64.b64encode(os.urandom(32)).decode()
        self.write_stack({"encryption.yaml": "encryption:\n  key_provider: { type: env, variable: VAULT_KEY }\n"})
        self.plinth_ok("plan", "--out", "p.plan", env=passphrase_env(VAULT_KEY=key))
        header = json.loads(self.raw("p.plan"))
        self.assertEqual((header["key_provider"], header["kdf"]), ("env", "none"))
        self.assertNotIn(CANARY.encode(), self.raw("p.plan"))
        self.plinth_ok("apply", "p.plan", env={"VAULT_KEY": key})

        missing = self.run_plinth("plan", env=passphrase_env())
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("environment variable VAULT_KEY", missing.err)


if __name__ == "__main__":
    unittest.main()
