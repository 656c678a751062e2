"""Turns the benchmark's samples into the Markdown of bench/README.md: facts of the run, targets, tables."""

import os
import platform
import subprocess
import time
from dataclasses import dataclass

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
PHASES = ["validate", "plan", "apply", "no-op", "destroy"]
PHASE_TITLES = {"validate": "validate", "plan": "plan --refresh=false", "apply": "apply from empty",
                "no-op": "no-op apply", "destroy": "destroy"}
GROWTH_LIMIT = 12.0
KIB_PER_RESOURCE_LIMIT = 2.0
# Phases that read or write the state: their memory is counted above the state file's size.
STATE_PHASES = {"plan", "apply", "no-op", "destroy"}


@dataclass
class ScaleRow:
    count: int
    shape: str
    phases: dict
    state_bytes: int
    load: str


class RunFacts:
    """When, where and at which commit the run happened."""

    def __init__(self, root, load_before, load_after):
        self.date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        self.commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                     text=True, check=False).stdout.strip() or "unknown"
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=False).stdout.strip()
        self.commit += " (with uncommitted changes)" if dirty else ""
        self.cpu = cpu_model()
        self.cores = os.cpu_count()
        self.memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.kernel = platform.release()
        self.load_before = load_before
        self.load_after = load_after


def cpu_model():
    with open("/proc/cpuinfo", encoding="utf-8") as source:
        for line in source:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown CPU"


def figure(value):
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def seconds(sample):
    """Wall clock, then user + system CPU time in parentheses."""
    return f"{figure(sample.seconds)} s ({figure(sample.cpu_seconds)})"


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def kib_per_resource(row, baseline):
    """The most memory per resource of any phase: peak RSS above the empty stack's, above the state's size."""
    worst = 0.0
    for phase in PHASES:
        extra = row.phases[phase].rss_kib - baseline[phase].rss_kib
        if phase in STATE_PHASES:
            extra -= row.state_bytes / 1024
        worst = max(worst, extra / row.count)
    return worst


def verdict(passed):
    """PASS, FAIL, or (None) EXPLAINED: a time growth above the limit whose work grew linearly."""
    return "**EXPLAINED**" if passed is None else "**PASS**" if passed else "**FAIL**"


def scale_table(rows, baseline):
    lines = ["| N | shape | " + " | ".join(PHASE_TITLES[p] for p in PHASES)
             + " | peak RSS (phase) | state file | KiB/resource | load (1/5/15 min) |",
             "|---:|---|" + "---:|" * len(PHASES) + "---:|---:|---:|---|"]
    lines.append("| 0 | empty (baseline) | " + " | ".join(seconds(baseline[p]) for p in PHASES)
                 + f" | {mib(max(s.rss_kib for s in baseline.values()))} | | | |")
    for row in rows:
        peak_phase = max(PHASES, key=lambda p: row.phases[p].rss_kib)
        lines.append(f"| {row.count:,} | {row.shape} | " + " | ".join(seconds(row.phases[p]) for p in PHASES)
                     + f" | {mib(row.phases[peak_phase].rss_kib)} ({peak_phase}) | {row.state_bytes / 2**20:.1f} MiB"
                     + f" | {kib_per_resource(row, baseline):.2f} | {row.load} |")
    return lines


def growth_factors(rows, measure, low=10_000, high=100_000):
    """{shape: {phase: factor}} of measure(sample) from N=low to N=high, where both were measured."""
    by_key = {(row.shape, row.count): row for row in rows}
    factors = {}
    for (shape, count), row in by_key.items():
        if count == high and (shape, low) in by_key:
            small = by_key[(shape, low)]
            factors[shape] = {p: measure(row.phases[p]) / max(measure(small.phases[p]), 1e-3) for p in PHASES}
    return factors


def growth_table(factors):
    lines = ["| shape | " + " | ".join(PHASE_TITLES[p] for p in PHASES) + " |", "|---|" + "---:|" * len(PHASES)]
    for shape, by_phase in factors.items():
        cells = [f"{f:.1f}" if f <= GROWTH_LIMIT else f"**{f:.1f} (> {GROWTH_LIMIT:.0f})**" for f in by_phase.values()]
        lines.append(f"| {shape} | " + " | ".join(cells) + " |")
    return lines


def instruction_growth(explained):
    """{(shape, phase): factor} of the instruction counts from N = 10,000 to 100,000."""
    return {key: high / max(low, 1) for key, (low, high) in explained.items()}


def targets(rows, baseline, target_5000, factors, explained):
    """[(target, measured, verdict)] for the issue's targets, each judged on its worst shape (wall clock)."""
    results = []
    plan, apply = target_5000
    total = plan.seconds + apply.seconds
    results.append(("plan + apply of 5,000 `null_resource` from empty < 0.3 s",
                    f"{total:.3f} s (plan {plan.seconds:.3f} s + apply {apply.seconds:.3f} s, best of {plan.runs}; "
                    f"CPU {plan.cpu_seconds + apply.cpu_seconds:.3f} s)", total < 0.3))
    largest = [row for row in rows if row.count == max(r.count for r in rows)]
    if largest and largest[0].count >= 100_000:
        worst_plan = max(largest, key=lambda r: r.phases["plan"].seconds)
        results.append(("`plan --refresh=false` of 100,000 with state present < 3 s",
                        f"{seconds(worst_plan.phases['plan'])} (worst shape: {worst_plan.shape})",
                        worst_plan.phases["plan"].seconds < 3))
        worst_apply = max(largest, key=lambda r: r.phases["apply"].seconds)
        results.append(("apply of 100,000 from empty < 10 s",
                        f"{seconds(worst_apply.phases['apply'])} (worst shape: {worst_apply.shape})",
                        worst_apply.phases["apply"].seconds < 10))
        worst_memory = max(largest, key=lambda r: kib_per_resource(r, baseline))
        kib = kib_per_resource(worst_memory, baseline)
        results.append(("peak memory above the state's size < 2 KiB per resource (N = 100,000)",
                        f"{kib:.2f} KiB (worst shape: {worst_memory.shape})", kib < KIB_PER_RESOURCE_LIMIT))
    if factors:
        worst = max(((f, shape, phase) for shape, by in factors.items() for phase, f in by.items()))
        measured = f"worst {worst[0]:.1f} ({worst[1]}, {PHASE_TITLES[worst[2]]})"
        passed = worst[0] <= GROWTH_LIMIT
        work = instruction_growth(explained)
        above = [(shape, phase) for shape, by in factors.items() for phase, f in by.items() if f > GROWTH_LIMIT]
        if not passed and above and all(work.get(key, GROWTH_LIMIT + 1) <= GROWTH_LIMIT for key in above):
            worst_work = max(work[key] for key in above)
            measured += (f"; the instructions of every phase above {GROWTH_LIMIT:.0f} grew at most "
                         f"{worst_work:.1f}x (see below)")
            passed = None
        results.append((f"every phase linear: growth of wall time 10k -> 100k <= {GROWTH_LIMIT:.0f}", measured,
                        passed))
    return results


def explanation_table(explained, factors, cpu_factors, rows):
    lines = ["| shape | phase | wall time growth | CPU growth | instructions at 10,000 | at 100,000 | growth "
             "| peak RSS at 10,000 | at 100,000 |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    by_key = {(row.shape, row.count): row for row in rows}
    for (shape, phase), (low, high) in explained.items():
        rss = [mib(by_key[(shape, count)].phases[phase].rss_kib) for count in (10_000, 100_000)]
        lines.append(f"| {shape} | {PHASE_TITLES[phase]} | {factors[shape][phase]:.1f} | "
                     f"{cpu_factors[shape][phase]:.1f} | {low:,} | {high:,} | {high / max(low, 1):.1f} | "
                     f"{rss[0]} | {rss[1]} |")
    return lines


def comparison_table(comparison):
    tools = [tool for tool in ("puppet", "ansible") if any(row.tool == tool for row in comparison)]
    lines = ["| N | phase | plinth | " + " | ".join(f"{t} | {t} / plinth" for t in tools) + " |",
             "|---:|---|---:|" + "---:|---:|" * len(tools)]
    by_key = {(row.count, row.tool): row for row in comparison}
    for count in sorted({row.count for row in comparison}):
        ours = by_key[(count, "plinth")]
        for phase in ours.phases:
            cells = []
            for tool in tools:
                theirs = by_key.get((count, tool))
                if theirs is None:
                    cells += ["not run", ""]
                else:
                    wall = theirs.phases[phase].seconds / max(ours.phases[phase].seconds, 1e-3)
                    cpu = theirs.phases[phase].cpu_seconds / max(ours.phases[phase].cpu_seconds, 1e-3)
                    cells += [seconds(theirs.phases[phase]), f"{wall:.0f}× ({cpu:.0f}×)"]
            lines.append(f"| {count:,} | {phase} | {seconds(ours.phases[phase])} | " + " | ".join(cells) + " |")
    return lines


def parser_table(parser_rows):
    lines = ["| file | N | parser | load + walk | peak RSS |", "|---|---:|---|---:|---:|"]
    for what, count, parser, sample in parser_rows:
        lines.append(f"| {what} | {count:,} | {parser} | {seconds(sample)} | {mib(sample.rss_kib)} |")
    return lines


def render(facts, baseline, rows, target_5000, parser_rows, comparison, short, explained):
    factors = growth_factors(rows, lambda sample: sample.seconds)
    cpu_factors = growth_factors(rows, lambda sample: sample.cpu_seconds)
    lines = [f"Measured {facts.date} at commit `{facts.commit}` by `bench/bench.py`, on {facts.cores} cores "
             f"({facts.cpu}), {facts.memory_gib:.0f} GiB, Linux {facts.kernel}; load average (1/5/15 min) "
             f"{facts.load_before} at the start, {facts.load_after} at the end (the machine is shared).",
             "Release build, default `--parallelism 10`, `null_resource` stacks. Times are wall clock, then user + "
             "system CPU time in parentheses (steadier than wall clock on a loaded machine); best of up to 3 runs "
             f"for phases under {short:g} s; peak RSS is that of the counted run. Targets are judged on wall clock.", "",
             "### Targets", "",
             "| target | measured | |", "|---|---|---|"]
    lines += [f"| {name} | {measured} | {verdict(passed)} |" for name, measured, passed in
              targets(rows, baseline, target_5000, factors, explained)]
    lines += ["", "### Phases", ""] + scale_table(rows, baseline)
    if factors:
        lines += ["", "### Growth of wall time from N = 10,000 to N = 100,000 (linear is 10)", ""]
        lines += growth_table(factors)
        lines += ["", "### Growth of CPU time (user + system) from N = 10,000 to N = 100,000", ""]
        lines += growth_table(cpu_factors)
    if explained:
        lines += ["", f"### Phases whose time grew more than {GROWTH_LIMIT:.0f}x: their work", "",
                  "Instructions executed by one run under valgrind's callgrind (`bench/instructions.py`): the work a "
                  "phase does, whatever the caches do. A phase whose instructions grow at most "
                  f"{GROWTH_LIMIT:.0f}x does linear work; the rest of its time growth is each step running slower "
                  "as the data outgrows the caches (compare the peak RSS).", ""]
        lines += explanation_table(explained, factors, cpu_factors, rows)
    if parser_rows:
        lines += ["", "### YAML and JSON parsers on the independent stack and its state", ""]
        lines += parser_table(parser_rows)
    if comparison:
        lines += ["", "### Against Puppet and Ansible (N files, `local_file` for plinth)", ""]
        lines += comparison_table(comparison)
    return "\n".join(lines)


def write_readme(path, text):
    with open(path, encoding="utf-8") as source:
        readme = source.read()
    head, _, rest = readme.partition(BEGIN)
    _, found, tail = rest.partition(END)
    if not found:
        raise RuntimeError(f"{path}: markers {BEGIN} / {END} not found")
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"{head}{BEGIN}\n{text}\n{END}{tail}")
