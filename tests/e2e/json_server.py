"""json-server (npm, 0.17.4) on a free port of 127.0.0.1, with its db file in a temp dir.

scripts/install-deps.sh installs it on PATH; PLINTH_JSON_SERVER may name another executable (a
project-local npm install). When it is missing, starting one FAILS the test with a message saying
how to install it: a test that needs it must never be skipped silently.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

VERSION = "0.17.4"


def json_server_command():
    """The json-server executable, or raises AssertionError naming the fix."""
    found = os.environ.get("PLINTH_JSON_SERVER") or shutil.which("json-server")
    if not found:
        raise AssertionError(
            f"json-server {VERSION} is not installed (no json-server on PATH, PLINTH_JSON_SERVER unset); "
            f"run scripts/install-deps.sh or `npm install -g json-server@{VERSION}`")
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class JsonServer:
    """Start with a seed {collection: [objects]}; use as a context manager."""

    def __init__(self, seed):
        self.dir = tempfile.mkdtemp(prefix="plinth-json-server-")
        self.db = os.path.join(self.dir, "db.json")
        with open(self.db, "w", encoding="utf-8") as out:
            json.dump(seed, out)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = None

    def __enter__(self):
        command = json_server_command()
        self.log = open(os.path.join(self.dir, "server.log"), "w+")
        self.process = subprocess.Popen([command, "--host", "127.0.0.1", "--port", str(self.port), "--quiet", self.db],
                                        stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/db", timeout=1):
                    return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        self.__exit__()
        raise AssertionError(f"json-server did not answer on {self.url}: {self.output()}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def output(self):
        if not self.log:
            return ""
        self.log.seek(0)
        return self.log.read()

    def request(self, method, path, body=None):
        """(status, parsed JSON) of a request made behind plinth's back."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, None
