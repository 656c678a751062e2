"""A small server for Terraform's http state backend protocol, as Terraform documents it, for the
tests of plinth's `http` backend (Python standard library only, nothing shared with plinth).

Each state has a NAME; its lock is reached both at /state/NAME and at /lock/NAME:

    GET    /state/NAME        200 with the stored bytes, 404 when there are none
    POST   /state/NAME[?ID=]  stores the body (PUT too); while NAME is locked the ID must be the
                              lock's, else 409 with the holder's lock info
    DELETE /state/NAME[?ID=]  removes the state, with the same ID rule
    LOCK   /state/NAME        body: lock info JSON (ID, Operation, Who, Version, Created, Path);
                              200 when taken, 423 with the holder's lock info when already held
    UNLOCK /state/NAME        body: lock info JSON; 200 when released (or when nothing is locked),
                              409 with the holder's lock info when its ID is another lock's. A body
                              without an ID releases any lock (Terraform's old force-unlock).
    GET    /states?prefix=P   not part of Terraform's protocol: plinth's `workspaces_address`, a
                              JSON array of the names that start with P and hold a state, with P
                              taken off

With a username and password every request must carry them as basic auth (else 401).

Tests make it fail on purpose: fail_next(count, method) (or POST /_control/fail with
{"count": N, "method": "POST"} when it runs as its own process) makes the next N requests with
that method (any method when null) answer 500 before touching anything.

Run it alone with `python3 http_state_server.py [--port N] [--username U --password P]`; in a test,
use HttpStateServer as a context manager (it serves from a thread on 127.0.0.1 and a free port).
"""

import argparse
import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True


class HttpStateServer:
    def __init__(self, port=0, username=None, password=None):
        self.mutex = threading.Lock()
        self.states = {}  # name -> bytes
        self.locks = {}  # name -> lock info (a dict)
        self.failures = []  # [method or None, remaining count]
        self.requests = []  # (method, path with query) in arrival order
        self.credentials = None
        if username is not None:
            self.credentials = "Basic " + base64.b64encode(f"{username}:{password or ''}".encode()).decode()
        self.httpd = _QuietServer(("127.0.0.1", port), _handler_for(self))
        self.thread = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def backend_block(self, name, locking=True, extra=()):
        """A stack's `backend:` block for the state `name` here (its lock too, unless told not to),
        with `extra` setting lines."""
        lines = ["backend:", "  type: http", f"  address: {self.url}/state/{name}"]
        if locking:
            lines += [f"  lock_address: {self.url}/lock/{name}", f"  unlock_address: {self.url}/lock/{name}"]
        return "\n".join(lines + list(extra)) + "\n"

    def __enter__(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.thread is None:
            return
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)
        self.thread = None

    # --- for tests ----------------------------------------------------------------------------
    def fail_next(self, count, method=None):
        with self.mutex:
            self.failures.append([method, count])

    def state(self, name):
        """The stored bytes of NAME, or None."""
        with self.mutex:
            return self.states.get(name)

    def lock_of(self, name):
        """The lock info of NAME's holder, or None."""
        with self.mutex:
            return self.locks.get(name)

    def seen(self, method):
        """The paths (with query) of the requests with `method`, in order."""
        with self.mutex:
            return [path for (m, path) in self.requests if m == method]

    # --- the protocol -------------------------------------------------------------------------
    def _take_failure(self, method):
        for failure in self.failures:
            if failure[0] in (None, method) and failure[1] > 0:
                failure[1] -= 1
                return True
        return False

    def handle(self, method, path, query, body, authorization):
        """The answer to one request: (status, body bytes)."""
        with self.mutex:
            self.requests.append((method, path + ("?" + query if query else "")))
            if path == "/_control/fail" and method == "POST":
                order = json.loads(body or b"{}")
                self.failures.append([order.get("method"), int(order.get("count", 1))])
                return 200, b"armed\n"
            if self.credentials is not None and authorization != self.credentials:
                return 401, b"authentication required\n"
            if self._take_failure(method):
                return 500, b"injected failure\n"
            if path == "/states" and method == "GET":
                return 200, json.dumps(self._names(parse_qs(query).get("prefix", [""])[0])).encode()
            parts = path.strip("/").split("/", 1)
            if len(parts) != 2 or parts[0] not in ("state", "lock") or not parts[1]:
                return 404, b"no such endpoint\n"
            kind, name = parts
            if method in ("LOCK", "UNLOCK"):
                return self._lock(method, name, body)
            if kind != "state":
                return 405, b"only LOCK and UNLOCK on /lock/\n"
            return self._state(method, name, parse_qs(query).get("ID", [""])[0], body)

    def _names(self, prefix):
        return sorted(name[len(prefix):] for name, data in self.states.items() if name.startswith(prefix) and data)

    def _holder(self, name):
        return json.dumps(self.locks[name]).encode()

    def _lock(self, method, name, body):
        try:
            info = json.loads(body or b"{}")
        except ValueError:
            return 400, b"the body is not lock info JSON\n"
        if not isinstance(info, dict):
            return 400, b"the body is not lock info JSON\n"
        held = self.locks.get(name)
        if method == "LOCK":
            if not info.get("ID"):
                return 400, b"lock info without an ID\n"
            if held is not None:
                return 423, self._holder(name)
            self.locks[name] = info
            return 200, b""
        if held is not None and info.get("ID") and info["ID"] != held.get("ID"):
            return 409, self._holder(name)
        self.locks.pop(name, None)
        return 200, b""

    def _state(self, method, name, lock_id, body):
        if method == "GET":
            if name not in self.states:
                return 404, b"no state\n"
            return 200, self.states[name]
        if method not in ("POST", "PUT", "DELETE"):
            return 405, f"{method} is not supported\n".encode()
        held = self.locks.get(name)
        if held is not None and lock_id != held.get("ID"):
            return 409, self._holder(name)
        if method == "DELETE":
            self.states.pop(name, None)
        else:
            self.states[name] = body
        return 200, b""


def _handler_for(server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            status, answer = server.handle(self.command, parts.path, parts.query, body,
                                           self.headers.get("Authorization"))
            self.send_response(status)
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="state"')
            if answer.startswith(b"{"):
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_GET = do_POST = do_PUT = do_DELETE = do_LOCK = do_UNLOCK = _serve

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--username")
    parser.add_argument("--password")
    options = parser.parse_args()
    server = HttpStateServer(options.port, options.username, options.password)
    print(f"serving Terraform http state on {server.url}/state/NAME", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
