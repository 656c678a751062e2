"""Runs a command under GNU time and keeps its wall clock and peak RSS; installs missing packages."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass
class Sample:
    seconds: float
    cpu_seconds: float  # user + system
    rss_kib: int
    runs: int = 1


def load_average():
    """The 1-, 5- and 15-minute load averages as text."""
    with open("/proc/loadavg", encoding="ascii") as source:
        return " ".join(source.read().split()[:3])


def ensure_packages(wanted):
    """Installs with apt-get each Debian package whose program ({path or name: package}) is missing."""
    missing = sorted({package for program, package in wanted.items()
                      if not (os.path.exists(program) if os.sep in program else shutil.which(program))})
    if not missing:
        return
    print(f"bench: installing {', '.join(missing)} with apt-get (needs root)", flush=True)
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                   check=True, env=environment, stdout=subprocess.DEVNULL)


def parse_time_report(text):
    """(wall seconds, user + system seconds, peak RSS in KiB) from the report of `/usr/bin/time -v`."""
    seconds, rss, cpu = None, None, 0.0
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):
                seconds = seconds * 60 + float(part)
        elif key in ("User time (seconds)", "System time (seconds)"):
            cpu += float(value)
        elif key == "Maximum resident set size (kbytes)":
            rss = int(value)
    if seconds is None or rss is None:
        raise RuntimeError(f"unexpected report of /usr/bin/time:\n{text}")
    return seconds, cpu, rss


class Runner:
    """Times commands; a run under `short` seconds is repeated until `repeat` runs, and the best counts."""

    def __init__(self, repeat=3, short=2.0):
        self.m_repeat = repeat
        self.m_short = short

    def once(self, command, cwd=None, environment=None):
        with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
            started = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *command], cwd=cwd, env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                sys.stderr.write(done.stdout[-4000:])
                raise RuntimeError(f"failed ({done.returncode}): {' '.join(command)}")
            _, cpu, rss = parse_time_report(report.read())
            # GNU time reports the wall clock in hundredths of a second: too coarse for a 0.08 s
            # phase, whose growth factor it would shift by up to 12%. The clock here adds about a
            # millisecond (starting GNU time) instead.
            return Sample(elapsed, cpu, rss)

    def best_of(self, command, before=None, cwd=None, environment=None):
        """The fastest of up to `repeat` runs (one if the first is not short); `before` runs before each."""
        best = None
        for run in range(self.m_repeat):
            if before:
                before()
            sample = self.once(command, cwd, environment)
            if best is None or sample.seconds < best.seconds:
                best = sample
            best.runs = run + 1
            if best.seconds >= self.m_short:
                break
        return best
