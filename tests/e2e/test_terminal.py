"""What apply looks like in a terminal: run under a pseudo-terminal, the live status area (a
spinner, the steps in progress with their elapsed time) is redrawn in place, completed steps
scroll above it, and it is gone before the summary. The bytes are replayed through a minimal
terminal model (cursor up, carriage return, erase to end of screen) to get what a user sees.
With TERM=dumb, or when stdout is not a terminal, output is plain lines with no escapes."""

import fcntl
import os
import re
import struct
import subprocess
import termios
import unittest

from plinth_e2e import StackTest, clean_environment

STACK = """
stack: terminal
resources:
  first:
    type: local_file
    properties:
      filename: first.txt
      content: one
  slow:
    type: time_sleep
    depends_on: [first]
    properties:
      create_duration: 1200ms
  last:
    type: local_file
    depends_on: [slow]
    properties:
      filename: last.txt
      content: two
"""

CONTROL = re.compile(r"\x1b\[(\d*)([A-Za-z])")


def screen_of(output):
    """The lines a terminal shows after `output`: the escapes plinth uses are cursor up (A),
    erase to the end of the screen (J) and colours (m, ignored)."""
    lines, row, column = [""], 0, 0
    position = 0
    while position < len(output):
        control = CONTROL.match(output, position)
        if control:
            count, command = int(control.group(1) or 1), control.group(2)
            if command == "A":
                row = max(0, row - count)
            elif command == "J":
                lines[row] = lines[row][:column]
                del lines[row + 1:]
            position = control.end()
            continue
        char = output[position]
        if char == "\r":
            column = 0
        elif char == "\n":
            row, column = row + 1, 0
            if row == len(lines):
                lines.append("")
        else:
            line = lines[row].ljust(column)
            lines[row] = line[:column] + char + line[column + 1:]
            column += 1
        position += 1
    return [line.rstrip() for line in lines]


class LiveProgressTest(StackTest):
    def setUp(self):
        super().setUp()
        self.write_stack({"main.yaml": STACK})

    def run_in_terminal(self, *args, env=None):
        """Runs plinth with a pseudo-terminal (100x24) as stdout and stderr; (exit code, output)."""
        controller, terminal = os.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        environment = clean_environment({"TERM": "xterm", "LANG": "C.UTF-8", **(env or {})})
        environment.pop("LC_ALL", None)
        process = subprocess.Popen(self.command(*args), stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                                   env=environment)
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(controller)
        code = process.wait(timeout=60)
        return code, b"".join(chunks).decode("utf-8")

    def test_status_area_redraws_in_place_and_leaves_completed_lines_and_summary(self):
        code, output = self.run_in_terminal("apply", "--auto-approve")
        self.assertEqual(code, 0, output)
        # While `slow` ran, the area showed it with the spinner, and was redrawn in place.
        self.assertRegex(output, r"[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Applying: 1 of 3 done, 1 in progress \(\d")
        self.assertRegex(output, r"  slow: creating\.\.\. \[\d\.\ds\]")
        self.assertGreater(output.count("\x1b[J"), 5, "the area is redrawn every 100 ms")
        spinner_frames = set(re.findall(r"([⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]) Applying", output))
        self.assertGreater(len(spinner_frames), 3, "the spinner turns")
        screen = screen_of(output)
        # What stays on the screen: each completed step in order, then the summary; no status.
        completed = [line for line in screen if "complete after" in line]
        self.assertEqual([line.split(":")[0] for line in completed], ["first", "slow", "last"], screen)
        self.assertRegex(completed[1], r"^slow: Creation complete after 1\.\ds \[id=")
        self.assertFalse([line for line in screen if "in progress" in line or "creating..." in line], screen)
        self.assertRegex(screen[-1] or screen[-2], r"^Apply complete! Resources: 3 added, 0 changed, 0 destroyed\. \(")
        self.assertEqual(self.read("last.txt"), "two")

    def test_destroy_heads_the_area_with_destroying(self):
        self.assertEqual(self.run_in_terminal("apply", "--auto-approve")[0], 0)
        code, output = self.run_in_terminal("destroy", "--auto-approve")
        self.assertEqual(code, 0, output)
        self.assertRegex(output, r"Destroying: \d of 3 done")
        screen = screen_of(output)
        self.assertEqual(len([line for line in screen if "Destruction complete after" in line]), 3, screen)
        self.assertTrue(any(line.startswith("Destroy complete! Resources: 3 destroyed.") for line in screen), screen)

    def test_dumb_terminal_gets_plain_lines(self):
        code, output = self.run_in_terminal("apply", "--auto-approve", env={"TERM": "dumb"})
        self.assertEqual(code, 0, output)
        self.assertNotIn("\x1b", output)
        self.assertIn("slow: Creating...", output)
        self.assertNotIn("in progress", output)

    def test_not_a_terminal_gets_plain_lines(self):
        result = self.run_plinth("apply", "--auto-approve", env={"TERM": "xterm"})
        self.assertEqual(result.code, 0, result)
        self.assertNotIn("\x1b", result.out + result.err)
        self.assertIn("slow: Creating...\n", result.out)
        self.assertRegex(result.out, r"slow: Creation complete after 1\.\ds")


if __name__ == "__main__":
    unittest.main()
