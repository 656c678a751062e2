"""Counts the instructions one run of a command executes (valgrind's callgrind, Debian `valgrind`).

A phase whose wall time grows more than 12x from N = 10,000 to N = 100,000 either does more than
linear work or does linear work that runs slower per step at the larger N (its data no longer fits
the caches). The instruction count tells them apart: it measures the work, whatever the caches do.
"""

import re
import subprocess
import sys
import tempfile

import measure


def count(command, before=None):
    """Instructions executed by one run of `command` (after `before`, when given)."""
    measure.ensure_packages({"valgrind": "valgrind"})
    if before:
        before()
    with tempfile.TemporaryDirectory(prefix="plinth-callgrind.") as work:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/callgrind.out",
                               *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        sys.stderr.write(done.stderr[-4000:])
        raise RuntimeError(f"callgrind failed ({done.returncode}): {' '.join(command)}")
    return int(found.group(1))
