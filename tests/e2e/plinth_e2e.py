"""Shared helpers for the end-to-end tests: run the real plinth binary on stacks in temp dirs.

The binary comes from the PLINTH_BIN environment variable (CTest sets it). Every test gets a
fresh stack directory; plinth is always run with --chdir pointing at it, --no-color, and a
closed stdin (so it never sees a terminal unless a test asks for one).

The secret canary: wherever a test gives plinth a sensitive value (a sensitive variable, a
provider's password, a passphrase) it uses CANARY. Every run also writes a debug log
(PLINTH_LOG=debug), and StackTest fails a test when the canary shows up in clear text in a run's
stdout or stderr (JSON and Markdown output included), in the debug log, or in a saved plan file.
Only commands asked to show a secret (`output --raw`, `state pull`) pass `shows_secrets=True`;
state may hold it where the resource needs it, and never when it is encrypted
(test_encryption.py checks that).
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

STATE_FILE = "plinth.state.json"
LOCK_FILE = STATE_FILE + ".lock"
JOURNAL_FILE = STATE_FILE + ".journal"
PLINTH_FILES = {STATE_FILE, LOCK_FILE, JOURNAL_FILE, STATE_FILE + ".backup"}

CANARY = "CANARY-plinth-e2e-s3cret"

PLAN_SUMMARY = re.compile(r"Plan: (\d+) to add, (\d+) to change, (\d+) to destroy\.")


def plinth_binary():
    path = os.environ.get("PLINTH_BIN")
    if not path:
        raise unittest.SkipTest("PLINTH_BIN is not set; run these tests through CTest")
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"PLINTH_BIN={path} is not an executable")
    return path


def clean_environment(extra=None):
    """The caller's environment without PLINTH_VAR_* (tests set their own), colour turned off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLINTH_VAR_") and k != "PLINTH_LOG"}
    env["NO_COLOR"] = "1"
    env.update(extra or {})
    return env


class Result:
    """The outcome of one plinth run."""

    def __init__(self, args, code, out, err):
        self.args = args
        self.code = code
        self.out = out
        self.err = err

    def plan_summary(self):
        """(add, change, destroy) from the "Plan: ..." line, or None when there is none."""
        match = PLAN_SUMMARY.search(self.out)
        return tuple(int(n) for n in match.groups()) if match else None

    def __repr__(self):
        return f"plinth {' '.join(self.args)} -> exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


class StackTest(unittest.TestCase):
    """A test case with its own stack directory in `self.dir`."""

    maxDiff = None

    def setUp(self):
        self.binary = plinth_binary()
        self.dir = tempfile.mkdtemp(prefix="plinth-e2e-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        log_dir = tempfile.mkdtemp(prefix="plinth-e2e-log-")
        self.addCleanup(shutil.rmtree, log_dir, ignore_errors=True)
        self.debug_log = os.path.join(log_dir, "plinth.log")
        self.addCleanup(self.assert_canary_kept_secret)  # first of the clean-ups: the files still exist

    # --- the stack -------------------------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write_stack(self, files):
        """Writes {file name: YAML text}; a value of None removes that file."""
        for name, text in files.items():
            target = self.path(name)
            if text is None:
                if os.path.exists(target):
                    os.remove(target)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                out.write(text)

    def read(self, *parts):
        with open(self.path(*parts), encoding="utf-8") as source:
            return source.read()

    def exists(self, *parts):
        return os.path.exists(self.path(*parts))

    # --- running plinth --------------------------------------------------------------------
    def command(self, *args, chdir=True):
        return [self.binary, "--no-color", *(["--chdir", self.dir] if chdir else []), *args]

    def environment(self, extra=None):
        """clean_environment(extra), with the debug log on unless `extra` sets PLINTH_LOG itself."""
        if extra and "PLINTH_LOG" in extra:
            return clean_environment(extra)
        return clean_environment({"PLINTH_LOG": "debug", "PLINTH_LOG_PATH": self.debug_log, **(extra or {})})

    def run_plinth(self, *args, env=None, timeout=60, stdin=subprocess.DEVNULL, chdir=True, shows_secrets=False):
        completed = subprocess.run(self.command(*args, chdir=chdir), stdin=stdin, capture_output=True, text=True,
                                   env=self.environment(env), timeout=timeout)
        return self.checked(Result(args, completed.returncode, completed.stdout, completed.stderr), shows_secrets)

    def start_plinth(self, *args, env=None):
        """Starts plinth in the background; stdout and stderr go to files the caller can read."""
        out = tempfile.TemporaryFile(mode="w+")
        err = tempfile.TemporaryFile(mode="w+")
        process = subprocess.Popen(self.command(*args), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   env=self.environment(env))
        process.e2e_output = (out, err)
        self.addCleanup(self._reap, process)
        return process

    def finish(self, process, timeout=60, shows_secrets=False):
        """Waits for a process from start_plinth and returns its Result."""
        code = process.wait(timeout=timeout)
        out, err = process.e2e_output
        out.seek(0)
        err.seek(0)
        return self.checked(Result(tuple(process.args[4:]), code, out.read(), err.read()), shows_secrets)

    def checked(self, result, shows_secrets):
        """`result`, once its output is known to keep the canary secret (unless it was asked to
        show secrets)."""
        if not shows_secrets:
            self.assertNotIn(CANARY, result.out, f"the secret canary in stdout\n{result!r}")
            self.assertNotIn(CANARY, result.err, f"the secret canary in stderr\n{result!r}")
        return result

    @staticmethod
    def _reap(process):
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in process.e2e_output:
            stream.close()

    def assert_location(self, err, file, lines):
        """`err` names a place in `file` on one of `lines` (an int or a tuple of ints) as
        FILE:LINE:COLUMN."""
        lines = (lines,) if isinstance(lines, int) else lines
        patterns = (r"([\w.-]+\.ya?ml):(\d+):(\d+)",)
        locations = [(m.group(1), int(m.group(2)), int(m.group(3))) for p in patterns for m in re.finditer(p, err)]
        self.assertTrue(any(f == file and l in lines and c >= 1 for f, l, c in locations),
                        f"expected a location {file}:{lines}:COLUMN in:\n{err}")

    def plinth_ok(self, *args, **kwargs):
        """Runs plinth and fails the test unless it exits 0."""
        result = self.run_plinth(*args, **kwargs)
        self.assertEqual(result.code, 0, result)
        return result

    def apply(self, *args, **kwargs):
        return self.plinth_ok("apply", "--auto-approve", *args, **kwargs)

    def assert_canary_kept_secret(self):
        """Neither the debug log nor any saved plan in the stack directory holds the canary."""
        if os.path.exists(self.debug_log):
            with open(self.debug_log, "rb") as log:
                self.assertNotIn(CANARY.encode(), log.read(), f"the secret canary in the debug log {self.debug_log}")
        for folder, _, names in os.walk(self.dir):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, "rb") as file:
                    content = file.read()
                if b'"plinth_plan_format"' in content[:200]:
                    self.assertNotIn(CANARY.encode(), content, f"the secret canary in the saved plan {path}")

    # --- state -----------------------------------------------------------------------------
    def state(self):
        """The state JSON as written on disk, or None when there is no state file."""
        if not self.exists(STATE_FILE):
            return None
        with open(self.path(STATE_FILE), encoding="utf-8") as source:
            return json.load(source)

    def state_bytes(self):
        if not self.exists(STATE_FILE):
            return None
        with open(self.path(STATE_FILE), "rb") as source:
            return source.read()

    def resources(self):
        """{address: resource} from the state file."""
        state = self.state()
        return {r["address"]: r for r in state["resources"]} if state else {}

    def state_list(self):
        """The addresses `plinth state list` prints."""
        result = self.plinth_ok("state", "list")
        return set(line.strip() for line in result.out.splitlines() if line.strip())

    def assert_unchanged(self, before_bytes, files_before):
        """State bytes and the set of files in the stack dir are what they were."""
        self.assertEqual(self.state_bytes(), before_bytes, "state file changed")
        self.assertEqual(self.files(), files_before, "files in the stack dir changed")

    def files(self, *under):
        """Relative paths of all files (including hidden ones) below the stack dir or `under`."""
        root = self.path(*under)
        found = set()
        for folder, _, names in os.walk(root):
            for name in names:
                found.add(os.path.relpath(os.path.join(folder, name), root))
        return found


def wait_until(condition, timeout=20.0, interval=0.005):
    """Polls `condition` until it is true; returns whether it became true in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
