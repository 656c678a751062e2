#!/usr/bin/env python3
"""Measures plinth on generated stacks, checks the scale targets, compares with Puppet and Ansible,
and writes the results into bench/README.md.

For each N (default 1,000, 10,000 and 100,000) and shape (independent, chain, fanout, modules) it
generates a `null_resource` stack with generate.py and times each phase under GNU time
(`/usr/bin/time -v`: CPU time and peak RSS; the wall clock is taken around it, to the millisecond),
one phase at a time:

  validate   `validate`
  plan       `plan --refresh=false` with the state of an apply present
  apply      `apply --auto-approve` from empty state
  no-op      `apply --auto-approve` again (with refresh): nothing to do
  destroy    `destroy --auto-approve`

A phase that takes under --short seconds is run --repeat times and the best run counts (apply and
destroy start from the same state each time). Memory per resource is the phase's peak RSS minus
the same phase's peak RSS on an empty stack (the binary, its libraries and its fixed tables),
minus the size of the state file, divided by N.

The stack and state of the independent shape at N >= 10,000 are then loaded by yaml-cpp, libfyaml
and nlohmann::json (parsers.py), unless --no-parsers. Then, unless --no-compare, the same N files
are written by plinth (`local_file`), `puppet apply` (`file` resources) and `ansible-playbook` (`copy` over a loop, local connection): first apply,
no-op run, and a run after one file's content was changed outside the tool (each tool must put it
back; the script checks). The Debian packages `time`, `puppet` and `ansible` are installed with
apt-get when missing (as root).

A phase whose wall time grows more than 12x from N = 10,000 to 100,000 is then run once more at
both N under valgrind's callgrind (instructions.py), unless --no-explain: its instruction count
says whether its work grew faster than N or only its time did.

Usage: bench.py [--counts 1000,10000,100000] [--shapes independent,chain,fanout,modules]
                [--compare-counts 1000,10000] [--ansible-counts 1000] [--no-compare] [--no-parsers] [--no-write]
                [--no-explain]
                [--build-dir DIR | --plinth BINARY] [--repeat 3] [--short 10]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import instructions
import measure
import parsers
import report
import rivals

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATE = os.path.join(ROOT, "bench", "generate.py")
PHASES = ["validate", "plan", "apply", "no-op", "destroy"]
STATE_FILE = "plinth.state.json"


def build_plinth(build_dir):
    """A Release build of plinth in build_dir; returns the binary's path."""
    print(f"bench: building plinth (Release, {build_dir}/)", flush=True)
    subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                    "-DPLINTH_TESTS=OFF", "-DPLINTH_WERROR=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "--target", "plinth", "-j", "2"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(build_dir, "plinth")


def generate(directory, count, shape, kind="null_resource"):
    subprocess.run([sys.executable, GENERATE, "--count", str(count), "--shape", shape, "--kind", kind,
                    directory], check=True, stdout=subprocess.DEVNULL)


def write_empty_stack(directory):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "stack.yaml"), "w", encoding="utf-8") as out:
        out.write("stack: bench-empty\noutputs:\n  count:\n    value: 0\n")


class PlinthStack:
    """Runs plinth's phases in one stack directory, keeping the state of the last apply aside."""

    def __init__(self, runner, plinth, directory):
        self.m_runner = runner
        self.m_plinth = plinth
        self.m_dir = directory
        self.m_state = os.path.join(directory, STATE_FILE)
        self.m_saved = os.path.join(directory, "saved.state.json")

    def command(self, *args):
        return [self.m_plinth, "--chdir", self.m_dir, "--no-color", *args]

    def forget_state(self):
        if os.path.exists(self.m_state):
            os.remove(self.m_state)

    def restore_state(self):
        with open(self.m_saved, "rb") as source, open(self.m_state, "wb") as target:
            target.write(source.read())

    def save_state(self):
        with open(self.m_state, "rb") as source, open(self.m_saved, "wb") as target:
            target.write(source.read())

    def state_size(self):
        return os.path.getsize(self.m_saved)

    def phase(self, name):
        """(command, before) of one phase; plan, no-op and destroy start from the saved state."""
        return {"validate": (self.command("validate"), None),
                "apply": (self.command("apply", "--auto-approve"), self.forget_state),
                "plan": (self.command("plan", "--refresh=false"), self.restore_state),
                "no-op": (self.command("apply", "--auto-approve"), self.restore_state),
                "destroy": (self.command("destroy", "--auto-approve"), self.restore_state)}[name]

    def run_phases(self):
        """{phase: Sample} for every phase, in order; the state is that of one apply afterwards."""
        results = {}
        for name in ["validate", "apply", "plan", "no-op", "destroy"]:  # apply makes the state the rest start from
            command, before = self.phase(name)
            results[name] = self.m_runner.best_of(command, before=before)
            if name == "apply":
                self.save_state()
        return {phase: results[phase] for phase in PHASES}

    def count_instructions(self, name):
        """Instructions one run of the phase executes (callgrind); applies once first for a phase that needs state."""
        if name not in ("validate", "apply"):
            self.forget_state()
            self.m_runner.once(self.command("apply", "--auto-approve"))
            self.save_state()
        return instructions.count(*self.phase(name))


def keep_for_parsers(directory, kept):
    """Moves the stack and saved state of `directory` to `kept`, for the parser comparison."""
    os.makedirs(kept)
    os.rename(os.path.join(directory, "stack.yaml"), os.path.join(kept, "stack.yaml"))
    os.rename(os.path.join(directory, "saved.state.json"), os.path.join(kept, STATE_FILE))
    return os.path.join(kept, "stack.yaml"), os.path.join(kept, STATE_FILE)


def measure_scale(runner, plinth, work, counts, shapes):
    """Rows of report.ScaleRow for every N and shape, the empty stack's baseline, and
    [(N, stack.yaml, state)] of the independent shape kept for the parser comparison."""
    empty_dir = os.path.join(work, "empty")
    write_empty_stack(empty_dir)
    print("bench: baseline (empty stack)", flush=True)
    baseline = PlinthStack(runner, plinth, empty_dir).run_phases()
    rows, kept = [], []
    for count in counts:
        for shape in shapes:
            directory = os.path.join(work, f"{shape}-{count}")
            generate(directory, count, shape)
            print(f"bench: N={count} {shape}", flush=True)
            stack = PlinthStack(runner, plinth, directory)
            phases = stack.run_phases()
            rows.append(report.ScaleRow(count, shape, phases, stack.state_size(), measure.load_average()))
            print("bench:   " + ", ".join(f"{p} {s.seconds:.2f} s ({s.cpu_seconds:.2f} CPU, {s.rss_kib // 1024} MiB)"
                                          for p, s in phases.items()), flush=True)
            if shape == "independent" and count >= 10_000:
                kept.append((count, *keep_for_parsers(directory, os.path.join(work, f"parsers-{count}"))))
            subprocess.run(["rm", "-rf", directory], check=True)
    return baseline, rows, kept


def explain_growth(runner, plinth, work, rows):
    """{(shape, phase): (instructions at N = 10,000, at N = 100,000)} for every phase whose wall time grew
    more than report.GROWTH_LIMIT times: whether its work grew more than linearly, or only its time."""
    flagged = [(shape, phase) for shape, by_phase in report.growth_factors(rows, lambda s: s.seconds).items()
               for phase, factor in by_phase.items() if factor > report.GROWTH_LIMIT]
    counted = {}
    for shape, phase in flagged:
        per_count = []
        for count in (10_000, 100_000):
            directory = os.path.join(work, f"explain-{shape}-{count}")
            generate(directory, count, shape)
            print(f"bench: instructions of {phase} at N={count} {shape} (callgrind)", flush=True)
            per_count.append(PlinthStack(runner, plinth, directory).count_instructions(phase))
            subprocess.run(["rm", "-rf", directory], check=True)
        counted[(shape, phase)] = tuple(per_count)
    return counted


# Runs of each half of the 5,000 target (best counts). A quarter-second phase on a shared machine
# varies by a fifth from run to run; three runs left the best at the mercy of the neighbours.
TARGET_5000_RUNS = 10


def measure_target_5000(plinth, work):
    """Seconds of `plan` plus `apply --auto-approve` of 5,000 independent null_resources from empty."""
    runner = measure.Runner(repeat=TARGET_5000_RUNS, short=10.0)
    directory = os.path.join(work, "target-5000")
    generate(directory, 5000, "independent")
    stack = PlinthStack(runner, plinth, directory)
    print("bench: N=5000 independent (plan + apply target)", flush=True)
    plan = runner.best_of(stack.command("plan"), before=stack.forget_state)
    apply = runner.best_of(stack.command("apply", "--auto-approve"), before=stack.forget_state)
    subprocess.run(["rm", "-rf", directory], check=True)
    return plan, apply


def parse_list(text):
    return [item.strip() for item in text.split(",") if item.strip()]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,10000,100000")
    parser.add_argument("--shapes", default="independent,chain,fanout,modules")
    parser.add_argument("--compare-counts", default="1000,10000", help="N for the plinth/Puppet comparison")
    parser.add_argument("--ansible-counts", default="1000", help="N for the plinth/Ansible comparison")
    parser.add_argument("--no-compare", action="store_true", help="skip Puppet and Ansible")
    parser.add_argument("--no-parsers", action="store_true", help="skip the YAML and JSON parser comparison")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave README.md")
    parser.add_argument("--no-explain", action="store_true",
                        help="skip counting the instructions of phases that grow more than 12x (callgrind)")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build-release"))
    parser.add_argument("--plinth", help="use this binary instead of building one")
    parser.add_argument("--repeat", type=int, default=3, help="runs of a short phase (best counts)")
    # Every phase of the table is best of 3 by default: a single run at N = 100,000 against the best
    # of 3 at N = 10,000 made the growth factors read high whenever the shared machine was busy.
    parser.add_argument("--short", type=float, default=10.0, help="a phase under this many seconds is short")
    args = parser.parse_args(argv)

    measure.ensure_packages({"/usr/bin/time": "time"})
    plinth = os.path.abspath(args.plinth) if args.plinth else build_plinth(args.build_dir)
    runner = measure.Runner(repeat=args.repeat, short=args.short)
    load_before = measure.load_average()
    with tempfile.TemporaryDirectory(prefix="plinth-bench.") as work:
        baseline, rows, kept = measure_scale(runner, plinth, work, [int(c) for c in parse_list(args.counts)],
                                             parse_list(args.shapes))
        explained = {} if args.no_explain else explain_growth(runner, plinth, work, rows)
        target_5000 = measure_target_5000(plinth, work)
        parser_rows = parsers.compare(runner, work, kept) if kept and not args.no_parsers else None
        comparison = None
        if not args.no_compare:
            comparison = rivals.compare(runner, plinth, work, [int(c) for c in parse_list(args.compare_counts)],
                                        [int(c) for c in parse_list(args.ansible_counts)])
    facts = report.RunFacts(ROOT, load_before, measure.load_average())
    text = report.render(facts, baseline, rows, target_5000, parser_rows, comparison, args.short, explained)
    print(text)
    if not args.no_write:
        report.write_readme(os.path.join(ROOT, "bench", "README.md"), text)
        print("bench: wrote the results into bench/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
