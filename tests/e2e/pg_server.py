"""A throwaway PostgreSQL server for end-to-end tests, on 127.0.0.1 with a free port.

PostgresServer runs Debian's `initdb` into a temp dir (trust authentication, superuser `postgres`)
and starts `postgres` on it; stop() ends it and removes the dir. As root, the server runs as the
`postgres` user (PostgreSQL refuses to run as root). Any test that needs a database uses it:
the pg state backend's tests, the postgresql provider's.

    server = PostgresServer.start_or_skip()   # unittest.SkipTest when the binaries are missing
    server.create_database("t1")
    server.conn_str("t1")                     # "host=127.0.0.1 port=N user=postgres dbname=t1"
    server.sql("t1", "SELECT 1")              # rows as lists of strings
    server.scalar("t1", "SELECT data ...")    # one value as text, newlines and all
    server.stop()

Outside CI a machine without the server binaries skips the tests with a message saying what to
install; in CI (CI=true) missing binaries fail, so a broken install is never a green run.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

INSTALL_HINT = "install Debian's postgresql package (scripts/install-deps.sh does)"


def find_server_binaries():
    """The directory holding initdb, postgres and psql (the newest Debian version), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(os.path.dirname(on_path))
    for folder in candidates:
        if all(os.access(os.path.join(folder, tool), os.X_OK) for tool in ("initdb", "postgres", "psql")):
            return folder
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    def __init__(self, bindir):
        self.bindir = bindir
        self.root = tempfile.mkdtemp(prefix="plinth-pg-")
        self.data = os.path.join(self.root, "data")
        self.log = os.path.join(self.root, "server.log")
        self.port = None
        self.process = None
        # PostgreSQL will not run as root: the server's files and process belong to `postgres`.
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    @classmethod
    def start_or_skip(cls):
        bindir = find_server_binaries()
        if bindir is None:
            message = f"the PostgreSQL server binaries (initdb, postgres, psql) are not installed: {INSTALL_HINT}"
            if os.environ.get("CI") == "true":
                raise RuntimeError(message)
            raise unittest.SkipTest(message)
        server = cls(bindir)
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        return server

    def tool(self, name):
        return os.path.join(self.bindir, name)

    def start(self):
        subprocess.run([self.tool("initdb"), "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync",
                        "-E", "UTF8", "--locale=C"], check=True, capture_output=True, user=self.user)
        for _ in range(5):
            self.port = free_port()
            with open(self.log, "w") as log:
                self.process = subprocess.Popen(
                    [self.tool("postgres"), "-D", self.data, "-k", self.root, "-h", "127.0.0.1", "-p", str(self.port),
                     "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, user=self.user)
            if self._wait_ready():
                return
            self._end_process()
        with open(self.log) as log:
            raise RuntimeError(f"PostgreSQL did not start; its log:\n{log.read()}")

    def _wait_ready(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            ready = subprocess.run([self.tool("psql"), *self._connect_args("postgres"), "-c", "SELECT 1"],
                                   capture_output=True, stdin=subprocess.DEVNULL)
            if ready.returncode == 0:
                return True
            time.sleep(0.1)
        return False

    def _end_process(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # SIGTERM: smart shutdown would wait for clients; use fast
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(2)  # SIGINT: fast shutdown, disconnecting clients
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    # --- clients ------------------------------------------------------------------------------
    def _connect_args(self, dbname):
        return ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", dbname, "-X", "-q"]

    def conn_str(self, dbname):
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def url(self, dbname):
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def psql(self, dbname, *args, stdin=subprocess.DEVNULL, **popen):
        """Starts psql on `dbname` (unaligned, tuples only, stopping at the first error)."""
        return subprocess.Popen([self.tool("psql"), *self._connect_args(dbname), "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                 *args], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                **popen)

    def sql(self, dbname, statement):
        """Runs `statement`; returns its rows as lists of strings (fields split on `|`)."""
        process = self.psql(dbname, "-c", statement)
        out, err = process.communicate(timeout=30)
        if process.returncode != 0:
            raise RuntimeError(f"psql failed on {statement!r}: {err}")
        return [line.split("|") for line in out.splitlines() if line]

    def scalar(self, dbname, statement):
        """Runs `statement` and returns its output as one text (a single value, even multi-line)."""
        process = self.psql(dbname, "-c", statement)
        out, err = process.communicate(timeout=30)
        if process.returncode != 0:
            raise RuntimeError(f"psql failed on {statement!r}: {err}")
        return out[:-1] if out.endswith("\n") else out

    def create_database(self, dbname):
        self.sql("postgres", f'CREATE DATABASE "{dbname}"')


class ModuleServer:
    """One PostgreSQL server shared by the tests of a module, started before the first and stopped
    after the last; its attributes are the running PostgresServer's:

        server = ModuleServer()
        setUpModule, tearDownModule = server.start, server.stop
    """

    def __init__(self):
        self._running = None

    def start(self):
        self._running = PostgresServer.start_or_skip()

    def stop(self):
        if self._running is not None:
            self._running.stop()
            self._running = None

    def __getattr__(self, name):
        if self._running is None:
            raise RuntimeError(f"the PostgreSQL server is not running (server.{name})")
        return getattr(self._running, name)
