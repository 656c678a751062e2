"""The same N files written by plinth, `puppet apply` and `ansible-playbook`: first apply, no-op, one drift repaired.

Every tool writes DIR/out/rNNNNNN.txt holding "rNNNNNN\\n" (the names and contents of generate.py's
independent `local_file` stack). The drift phase changes the first file's content and runs the tool
again; the tool must put the content back, which is checked.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

import measure

GENERATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate.py")
PHASES = ["first apply", "no-op", "drift repaired"]


@dataclass
class ComparisonRow:
    count: int
    tool: str
    phases: dict = field(default_factory=dict)


def file_name(index):
    return f"r{index:06d}"


def first_file(directory):
    return os.path.join(directory, "out", f"{file_name(0)}.txt")


def drift(directory):
    with open(first_file(directory), "w", encoding="utf-8") as out:
        out.write("changed outside the tool\n")


def check_repaired(directory, tool):
    with open(first_file(directory), encoding="utf-8") as source:
        if source.read() != f"{file_name(0)}\n":
            raise RuntimeError(f"{tool} did not repair the drifted file {first_file(directory)}")


def remove_outputs(directory, extra=()):
    shutil.rmtree(os.path.join(directory, "out"), ignore_errors=True)
    for name in extra:
        path = os.path.join(directory, name)
        if os.path.exists(path):
            os.remove(path)


def write_puppet_manifest(directory, count):
    with open(os.path.join(directory, "site.pp"), "w", encoding="utf-8") as out:
        out.write(f"file {{ '{directory}/out': ensure => directory }}\n")
        for index in range(count):
            name = file_name(index)
            out.write(f"file {{ '{directory}/out/{name}.txt': ensure => file, content => \"{name}\\n\" }}\n")


def puppet_command(directory):
    """`puppet apply` with its configuration, cache and logs inside `directory` (not /etc or /var)."""
    home = os.path.join(directory, "puppet")
    return ["puppet", "apply", "--color=false", f"--confdir={home}/conf", f"--vardir={home}/var",
            f"--codedir={home}/code", f"--logdir={home}/log", f"--rundir={home}/run",
            f"--publicdir={home}/public", os.path.join(directory, "site.pp")]


def write_ansible_playbook(directory, count):
    with open(os.path.join(directory, "playbook.yml"), "w", encoding="utf-8") as out:
        out.write("- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n")
        out.write("    - name: write the files\n      ansible.builtin.copy:\n")
        out.write(f"        dest: \"{directory}/out/r{{{{ '%06d' | format(item) }}}}.txt\"\n")
        out.write("        content: \"r{{ '%06d' | format(item) }}\\n\"\n")
        out.write(f"      loop: \"{{{{ range({count}) | list }}}}\"\n")
    os.makedirs(os.path.join(directory, "out"), exist_ok=True)


def ansible_environment(directory):
    return dict(os.environ, ANSIBLE_HOME=os.path.join(directory, "ansible"), ANSIBLE_NOCOLOR="1",
                ANSIBLE_LOCALHOST_WARNING="False", ANSIBLE_INVENTORY_UNPARSED_WARNING="False",
                ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_RETRY_FILES_ENABLED="False")


def run_tool(runner, tool, directory, command, environment=None, clean=()):
    """The three phases of one tool in `directory`."""
    print(f"bench: {tool}", flush=True)

    def start_empty():
        remove_outputs(directory, clean)
        os.makedirs(os.path.join(directory, "out"), exist_ok=True)

    phases = {"first apply": runner.best_of(command, before=start_empty, environment=environment)}
    phases["no-op"] = runner.best_of(command, environment=environment)
    phases["drift repaired"] = runner.best_of(command, before=lambda: drift(directory), environment=environment)
    check_repaired(directory, tool)
    return phases


def compare(runner, plinth, work, counts, ansible_counts):
    """ComparisonRows for plinth and Puppet at every N of `counts`, and Ansible at those of `ansible_counts`."""
    measure.ensure_packages({"puppet": "puppet", "ansible-playbook": "ansible"})
    rows = []
    for count in sorted(set(counts) | set(ansible_counts)):
        base = os.path.join(work, f"compare-{count}")
        plinth_dir = os.path.join(base, "plinth")
        subprocess.run([sys.executable, GENERATE, "--count", str(count), "--shape", "independent",
                        "--kind", "local_file", plinth_dir], check=True, stdout=subprocess.DEVNULL)
        command = [plinth, "--chdir", plinth_dir, "--no-color", "apply", "--auto-approve"]
        rows.append(ComparisonRow(count, "plinth", run_tool(runner, f"plinth N={count}", plinth_dir, command,
                                                            clean=["plinth.state.json"])))
        if count in counts:
            puppet_dir = os.path.join(base, "puppet")
            os.makedirs(puppet_dir)
            write_puppet_manifest(puppet_dir, count)
            rows.append(ComparisonRow(count, "puppet", run_tool(runner, f"puppet N={count}", puppet_dir,
                                                                puppet_command(puppet_dir))))
        if count in ansible_counts:
            ansible_dir = os.path.join(base, "ansible")
            os.makedirs(ansible_dir)
            write_ansible_playbook(ansible_dir, count)
            command = ["ansible-playbook", "-i", "localhost,", os.path.join(ansible_dir, "playbook.yml")]
            rows.append(ComparisonRow(count, "ansible", run_tool(runner, f"ansible N={count}", ansible_dir, command,
                                                                 ansible_environment(ansible_dir))))
        shutil.rmtree(base, ignore_errors=True)
    return rows
