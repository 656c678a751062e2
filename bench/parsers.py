"""YAML and JSON parsers that Debian packages, timed on the largest benchmark's stack and state.

parsers/parse_bench.cpp loads one file into a document tree with one parser and walks it (or, as
`yaml-cpp-events` and `libyaml-events`, counts a parser's events without a tree; plinth's loader
reads libyaml's). It is
built here with g++ against yaml-cpp and nlohmann::json (what plinth uses) and libfyaml (the Debian
alternative for YAML: libfyaml-dev, installed when missing). simdjson is not timed: Debian 12's
libsimdjson-dev 3.0.1 crashes in a minimal DOM walk built with -O1 or more (it runs at -O0).
"""

import os
import subprocess

import measure

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "parsers", "parse_bench.cpp")
YAML_PARSERS = ["yaml-cpp", "yaml-cpp-events", "libyaml-events", "libfyaml", "libfyaml-allow-duplicate-keys"]
JSON_PARSERS = ["nlohmann"]
# libfyaml's duplicate-key check is quadratic in a mapping's size: it is only run up to this many resources.
LIBFYAML_CHECKED_MAX = 10_000


def build(work):
    measure.ensure_packages({"/usr/include/libfyaml.h": "libfyaml-dev", "/usr/include/yaml.h": "libyaml-dev"})
    binary = os.path.join(work, "parse_bench")
    subprocess.run(["g++", "-std=c++20", "-O2", "-o", binary, SOURCE, "-lyaml-cpp", "-lfyaml", "-lyaml"], check=True)
    return binary


def compare(runner, work, samples):
    """[(what, N, parser, Sample)] for samples = [(N, stack.yaml, plinth.state.json)]."""
    print("bench: YAML and JSON parsers", flush=True)
    binary = build(work)
    rows = []
    for count, stack, state in samples:
        for parser in YAML_PARSERS:
            if parser == "libfyaml" and count > LIBFYAML_CHECKED_MAX:
                continue
            rows.append(("stack.yaml", count, parser, runner.best_of([binary, parser, stack])))
        for parser in JSON_PARSERS:
            rows.append(("plinth.state.json", count, parser, runner.best_of([binary, parser, state])))
    return rows
