"""A small HTTP server of the tests' own, on 127.0.0.1, that misbehaves on request.

It serves a JSON collection (`/things`, `/things/<id>`: POST creates with a numeric id, GET, PUT,
PATCH, DELETE) and a few fixed answers (`/ok` is a JSON object, `/text` plain text). Before
answering a request it takes the next scripted fault for that method and path, if any:

    server.script("GET", "/ok", [("status", 500), ("retry_after", 1), ("reset",),
                                 ("slow", 3), ("invalid_json",)])

With tls=True it speaks HTTPS with the certificate in tls/ (for 127.0.0.1, self-signed, valid
until 2126; tls/cert.pem is what a client must trust).

Every request is recorded with its time.monotonic() and the client's port, which tells
connections apart. Runs in a thread of the test process; use it as a context manager so it
always stops.
"""

import json
import os
import socket
import ssl
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


TLS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tls")
CERTIFICATE = os.path.join(TLS_DIR, "cert.pem")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that refuses our certificate or hangs up is what some tests want


class FaultServer:
    def __init__(self, tls=False):
        self.lock = threading.Lock()
        self.faults = {}
        self.requests = []
        self.things = {}
        self.next_id = 1
        self.authorizations = []  # the Authorization header of each request, or None
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self.scheme = "https" if tls else "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(CERTIFICATE, os.path.join(TLS_DIR, "key.pem"))
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True, do_handshake_on_connect=False)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self):
        return f"{self.scheme}://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)

    def script(self, method, path, faults):
        with self.lock:
            self.faults.setdefault((method, path), []).extend(faults)

    def seen(self, method=None, path=None):
        """Times of the recorded requests matching method and path (None matches any)."""
        with self.lock:
            return [t for (m, p, t, _) in self.requests if method in (None, m) and path in (None, p)]

    def connections(self):
        """How many client connections the recorded requests came over."""
        with self.lock:
            return len({port for (_, _, _, port) in self.requests})

    def take_fault(self, method, path, port):
        with self.lock:
            self.requests.append((method, path, time.monotonic(), port))
            queue = self.faults.get((method, path))
            return queue.pop(0) if queue else None

    def handle_collection(self, method, path, body):
        """(status, JSON value or None) for the /things collection."""
        parts = [p for p in path.split("/") if p]
        with self.lock:
            if parts == ["things"] and method == "POST":
                thing = dict(body or {}, id=self.next_id)
                self.next_id += 1
                self.things[thing["id"]] = thing
                return 201, thing
            if len(parts) == 2 and parts[0] == "things" and parts[1].isdigit():
                key = int(parts[1])
                if key not in self.things:
                    return 404, {}
                if method == "GET":
                    return 200, self.things[key]
                if method in ("PUT", "PATCH"):
                    base = {} if method == "PUT" else self.things[key]
                    self.things[key] = dict(base, **(body or {}), id=key)
                    return 200, self.things[key]
                if method == "DELETE":
                    del self.things[key]
                    return 200, {}
        return 404, {"error": f"no route {method} {path}"}


def _handler_for(server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self, status, body, content_type="application/json", headers=()):
            data = body.encode() if isinstance(body, str) else body
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up waiting (a timeout test)

        def _reset(self):
            # SO_LINGER with a zero timeout makes close() send a TCP RST.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True

        def _serve(self):
            path = self.path.split("?")[0]
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            fault = server.take_fault(self.command, path, self.client_address[1])
            with server.lock:
                server.authorizations.append(self.headers.get("Authorization"))
            if fault and fault[0] == "reset":
                return self._reset()
            if fault and fault[0] == "slow":
                time.sleep(fault[1])
            if fault and fault[0] == "status":
                return self._answer(fault[1], json.dumps({"error": "scripted failure"}))
            if fault and fault[0] == "retry_after":
                return self._answer(429, json.dumps({"error": "slow down"}), headers=[("Retry-After", str(fault[1]))])
            if fault and fault[0] == "invalid_json":
                return self._answer(200, "{not json")
            if path == "/ok":
                return self._answer(200, json.dumps({"hello": "world", "n": 1}), headers=[("X-Fault-Server", "yes")])
            if path == "/text":
                return self._answer(200, "plain words", content_type="text/plain")
            status, value = server.handle_collection(self.command, path, json.loads(raw) if raw else None)
            self._answer(status, json.dumps(value))

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    return Handler
