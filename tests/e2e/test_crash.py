"""Crash safety: `apply` killed with SIGKILL part-way loses nothing; the next plan creates exactly
what is missing, and no file exists that state does not know. Also SIGINT stops cleanly."""

import os
import re
import signal
import unittest

from plinth_e2e import JOURNAL_FILE, StackTest, wait_until

CHAINS = 150
PARALLELISM = "4"
SHOWN = re.compile(r"(?m)^# (\S+):( \(creation unconfirmed\))?$")
CREATED = re.compile(r"# (\S+) (?:will be created|was being created when plinth stopped; it will be created)")


def many_chains_stack():
    """CHAINS independent chains: a short time_sleep, then a local_file that depends on it."""
    lines = ["stack: crash", "resources:"]
    for i in range(CHAINS):
        lines += [f"  c{i:03d}_wait:",
                  "    type: time_sleep",
                  "    properties: { create_duration: 30ms }",
                  f"  c{i:03d}_file:",
                  "    type: local_file",
                  f"    depends_on: [c{i:03d}_wait]",
                  f"    properties: {{ filename: out/f{i:03d}.txt, content: \"file {i}\" }}"]
    return {"main.yaml": "\n".join(lines) + "\n"}


def all_addresses():
    return {f"c{i:03d}_{kind}" for i in range(CHAINS) for kind in ("wait", "file")}


class CrashTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack(many_chains_stack())
        os.makedirs(self.path("out"))

    def finished_files(self):
        """Indexes of the output files that exist with their full content."""
        done = set()
        for name in os.listdir(self.path("out")):
            match = re.fullmatch(r"f(\d{3})\.txt", name)
            if match and self.read("out", name) == f"file {int(match.group(1))}":
                done.add(int(match.group(1)))
        return done

    def count_files(self):
        return sum(1 for name in os.listdir(self.path("out")) if not name.startswith("."))

    def interrupt_apply_after(self, files, signum):
        """Starts apply and sends `signum` once `files` output files exist; returns its Result."""
        apply = self.start_plinth("apply", "--auto-approve", "--parallelism", PARALLELISM)
        reached = wait_until(lambda: self.count_files() >= files or apply.poll() is not None, timeout=30)
        self.assertTrue(reached)
        self.assertIsNone(apply.poll(), f"apply finished before {files} files existed; the stack is too fast")
        os.kill(apply.pid, signum)
        result = self.finish(apply)
        self.assertLess(len(self.finished_files()), CHAINS, "apply finished before the signal arrived")
        return result

    def recorded(self):
        """(confirmed, unconfirmed) addresses, as `plinth show` reports the recovered state."""
        shown = self.plinth_ok("show").out
        confirmed, unconfirmed = set(), set()
        for address, note in SHOWN.findall(shown):
            (unconfirmed if note else confirmed).add(address)
        self.assertEqual(confirmed | unconfirmed, self.state_list())
        return confirmed, unconfirmed

    def check_recovery(self):
        """After an interrupted apply: plan wants exactly what is missing; apply completes it; no
        stray file remains."""
        confirmed, unconfirmed = self.recorded()
        existing = self.finished_files()
        self.assertLessEqual(confirmed | unconfirmed, all_addresses())
        self.assertLessEqual(len(unconfirmed), int(PARALLELISM), "only running operations may be unconfirmed")
        for i in range(CHAINS):
            if i in existing:
                self.assertIn(f"c{i:03d}_file", confirmed | unconfirmed,
                              f"out/f{i:03d}.txt exists but state does not know it")
            else:
                self.assertNotIn(f"c{i:03d}_file", confirmed, f"state says out/f{i:03d}.txt was created")

        # an unconfirmed file that exists is adopted; an unconfirmed sleep never finished
        missing = ({f"c{i:03d}_file" for i in range(CHAINS) if i not in existing}
                   | {f"c{i:03d}_wait" for i in range(CHAINS) if f"c{i:03d}_wait" not in confirmed})
        self.assertTrue(missing)
        planned = self.run_plinth("plan", "--detailed-exitcode", "--parallelism", PARALLELISM)
        self.assertEqual(planned.code, 2, planned)
        self.assertEqual(set(CREATED.findall(planned.out)), missing)
        self.assertEqual(planned.plan_summary(), (len(missing), 0, 0), planned.plan_summary())

        finished = self.apply("--parallelism", PARALLELISM)
        self.assertIn(f"Resources: {len(missing)} added, 0 changed, 0 destroyed", finished.out)
        self.assertEqual(self.finished_files(), set(range(CHAINS)))
        resources = self.resources()
        self.assertEqual(set(resources), all_addresses())
        self.assertTrue(all(r["status"] == "ready" for r in resources.values()))
        self.assertFalse(self.exists(JOURNAL_FILE), "the journal must be folded into state and removed")

        known = {os.path.normpath(r["attributes"]["filename"]) for r in resources.values()
                 if r["type"] == "local_file"}
        on_disk = {os.path.join("out", name) for name in self.files("out")}
        self.assertEqual(on_disk - known, set(), "files in out/ that state does not know")
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode").code, 0)

    def check_killed(self, files):
        result = self.interrupt_apply_after(files, signal.SIGKILL)
        self.assertEqual(result.code, -signal.SIGKILL, result)
        self.check_recovery()

    def test_sigkill_early(self):
        self.check_killed(5)

    def test_sigkill_midway(self):
        self.check_killed(CHAINS // 2)

    def test_sigkill_late(self):
        self.check_killed(CHAINS - 15)

    def test_sigint_stops_cleanly_and_saves_state(self):
        result = self.interrupt_apply_after(CHAINS // 3, signal.SIGINT)
        self.assertEqual(result.code, 130, result)
        self.assertIn("Apply interrupted", result.out)
        self.assertFalse(self.exists(JOURNAL_FILE), "an orderly stop writes state and removes the journal")
        recorded = {r["address"] for r in self.state()["resources"]}
        for i in self.finished_files():
            self.assertIn(f"c{i:03d}_file", recorded)
        self.check_recovery()


if __name__ == "__main__":
    unittest.main()
