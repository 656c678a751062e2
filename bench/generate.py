#!/usr/bin/env python3
"""Writes a benchmark stack of N resources into a directory.

Shapes:
  independent  N resources with no references between them.
  chain        N/10 chains of 10 resources; each resource refers to the one before it.
  fanout       one resource referred to by all N-1 others.
  modules      N/10 instances of one module (for_each over N/10 keys) holding a chain of 10
               resources; the module is written to DIR/modules/chain/.

Kinds:
  null_resource  resources with a `triggers` map (no I/O at all: measures plinth itself).
  local_file     small files under out/ (adds one file write per resource).

Usage: generate.py --count N --shape independent|chain|fanout|modules --kind null_resource|local_file DIR
"""

import argparse
import os
import sys

CHAIN_LENGTH = 10
SHAPES = ["independent", "chain", "fanout", "modules"]
MODULE_DIR = os.path.join("modules", "chain")


def resource_name(index):
    return f"r{index:06d}"


def predecessor(index, shape):
    """The resource `index` refers to, or None."""
    if shape == "fanout":
        return resource_name(0) if index != 0 else None
    if shape != "independent" and index % CHAIN_LENGTH != 0:
        return resource_name(index - 1)
    return None


def resource_yaml(index, shape, kind, prefix):
    """One resource; `prefix` goes before its unique text (an expression naming a module instance)."""
    name = resource_name(index)
    before = predecessor(index, shape)
    lines = [f"  {name}:", f"    type: {kind}", "    properties:"]
    if kind == "null_resource":
        lines.append("      triggers:")
        lines.append(f"        index: \"{prefix}{index}\"")
        if before:
            lines.append(f"        after: ${{{before}.id}}")
    else:
        lines.append(f"      filename: out/{prefix}{name}.txt")
        if before:
            lines.append(f"      content: \"{prefix}{name} after ${{{before}.id}}\\n\"")
        else:
            lines.append(f"      content: \"{prefix}{name}\\n\"")
    return "\n".join(lines)


def write_resources(out, count, shape, kind, prefix=""):
    out.write("resources:\n")
    for index in range(count):
        out.write(resource_yaml(index, shape, kind, prefix))
        out.write("\n")


def module_keys(instances):
    """An expression for the set of `instances` keys m000000, m000001, ...; range() gives at most
    1,024 elements, so larger sets are built from blocks of 1,000."""
    block = 1000
    if instances <= block:
        return f'toset([for i in range({instances}) : format("m%06d", i)])'
    if instances % block != 0:
        raise ValueError(f"{instances} module instances: more than {block} must be a multiple of {block}")
    return (f'toset(flatten([for b in range({instances // block}) : '
            f'[for i in range({block}) : format("m%06d", b * {block} + i)]]))')


def write_module(directory, kind):
    """The module of the `modules` shape: a chain of CHAIN_LENGTH resources named after its key."""
    module_dir = os.path.join(directory, MODULE_DIR)
    os.makedirs(module_dir, exist_ok=True)
    with open(os.path.join(module_dir, "stack.yaml"), "w", encoding="utf-8") as out:
        out.write("variables:\n  key: { type: string }\n")
        write_resources(out, CHAIN_LENGTH, "modules", kind, prefix="${var.key}-")
        out.write(f"outputs:\n  last:\n    value: ${{{resource_name(CHAIN_LENGTH - 1)}.id}}\n")


def write_stack(directory, count, shape, kind):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "stack.yaml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"stack: bench-{shape}-{kind}-{count}\n")
        out.write(f"description: {count} {kind} resources, shape {shape}\n")
        if shape == "modules":
            write_module(directory, kind)
            out.write("modules:\n  unit:\n")
            out.write(f"    source: ./{MODULE_DIR.replace(os.sep, '/')}\n")
            out.write(f"    for_each: '${{{module_keys(count // CHAIN_LENGTH)}}}'\n")
            out.write("    inputs:\n      key: ${each.key}\n")
        else:
            write_resources(out, count, shape, kind)
        out.write("outputs:\n")
        out.write(f"  count:\n    value: {count}\n")
    return path


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of resources")
    parser.add_argument("--shape", choices=SHAPES, default="independent")
    parser.add_argument("--kind", choices=["null_resource", "local_file"], default="null_resource")
    parser.add_argument("directory", help="where to write stack.yaml (created if missing)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    if args.shape in ("chain", "modules") and args.count % CHAIN_LENGTH != 0:
        parser.error(f"--count must be a multiple of {CHAIN_LENGTH} for chains and modules")
    print(write_stack(args.directory, args.count, args.shape, args.kind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
