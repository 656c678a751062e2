"""The http provider's http_request data source against a misbehaving server of the tests' own
(fault_server.py): answers, retries after 500 and 429 (Retry-After), connection resets, timeouts,
bodies that are not JSON, POST never retried, one connection reused, and HTTPS with a certificate
of the test's own (ca_cert, insecure)."""

import json
import shutil
import unittest

from fault_server import CERTIFICATE, FaultServer
from plinth_e2e import StackTest

FAST_RETRY = "{ attempts: 2, min_delay: 10ms, max_delay: 50ms }"


def stack(url, extra=""):
    return f"""
stack: http
data:
  call:
    type: http_request
    properties:
      url: "{url}"
{extra}
outputs:
  status: {{ value: "${{data.call.status_code}}" }}
  body: {{ value: "${{data.call.response_body}}" }}
  json: {{ value: "${{data.call.response_json}}" }}
  headers: {{ value: "${{data.call.response_headers}}" }}
"""


class HttpRequestTest(StackTest):
    def setUp(self):
        super().setUp()
        self.server = FaultServer().__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)

    def fetch(self, path, extra=""):
        """Applies a stack reading `path`; the outputs as a dict."""
        self.write_stack({"main.yaml": stack(self.server.url + path, extra)})
        self.apply()
        return json.loads(self.plinth_ok("output", "--json").out)

    def outputs(self, result):
        return {name: output["value"] for name, output in result.items()}

    def test_json_answer(self):
        out = self.outputs(self.fetch("/ok"))
        self.assertEqual(out["status"], 200)
        self.assertEqual(out["json"], {"hello": "world", "n": 1})
        self.assertEqual(out["headers"]["x-fault-server"], "yes")
        self.assertEqual(out["headers"]["content-type"], "application/json")

    def test_body_that_is_not_json(self):
        out = self.outputs(self.fetch("/text"))
        self.assertEqual(out["body"], "plain words")
        self.assertIsNone(out["json"])
        self.server.script("GET", "/ok", [("invalid_json",)])
        out = self.outputs(self.fetch("/ok"))
        self.assertEqual(out["body"], "{not json")
        self.assertIsNone(out["json"])

    def test_500_then_200_is_retried(self):
        self.server.script("GET", "/ok", [("status", 500), ("status", 503)])
        out = self.outputs(self.fetch("/ok", f"      retry: {FAST_RETRY}"))
        self.assertEqual(out["status"], 200)
        self.assertEqual(len(self.server.seen("GET", "/ok")), 3)

    def test_a_status_is_an_answer_once_retries_run_out(self):
        self.server.script("GET", "/ok", [("status", 500)] * 5)
        out = self.outputs(self.fetch("/ok", "      retry: { attempts: 0 }"))
        self.assertEqual(out["status"], 500)
        self.assertEqual(len(self.server.seen("GET", "/ok")), 1)

    def test_429_waits_for_retry_after(self):
        self.server.script("GET", "/ok", [("retry_after", 1)])
        out = self.outputs(self.fetch("/ok", f"      retry: {FAST_RETRY}"))
        self.assertEqual(out["status"], 200)
        first, second = self.server.seen("GET", "/ok")
        self.assertGreaterEqual(second - first, 0.95)

    def test_connection_reset_is_retried(self):
        self.server.script("GET", "/ok", [("reset",)])
        out = self.outputs(self.fetch("/ok", f"      retry: {FAST_RETRY}"))
        self.assertEqual(out["status"], 200)
        self.assertEqual(len(self.server.seen("GET", "/ok")), 2)

    def test_resets_until_retries_run_out_are_an_error(self):
        self.server.script("GET", "/ok", [("reset",)] * 5)
        self.write_stack({"main.yaml": stack(self.server.url + "/ok", f"      retry: {FAST_RETRY}")})
        result = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"GET {self.server.url}/ok failed (after 3 tries)", result.err)
        self.assertIn("main.yaml:", result.err)

    def test_slow_answer_times_out(self):
        self.server.script("GET", "/ok", [("slow", 3)])
        self.write_stack({"main.yaml": stack(self.server.url + "/ok", "      timeout: 300ms\n      retry: { attempts: 0 }")})
        result = self.run_plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"GET {self.server.url}/ok timed out", result.err)

    def test_requests_share_connections(self):
        reads = "".join(f"""
  call_{n}:
    type: http_request
    properties: {{ url: "{self.server.url}/ok?n={n}" }}""" for n in range(6))
        self.write_stack({"main.yaml": f"stack: pool\ndata:{reads}\n"})
        self.plinth_ok("plan", "--parallelism", "1")
        self.assertEqual(len(self.server.seen("GET", "/ok")), 6)
        self.assertEqual(self.server.connections(), 1)

    def test_post_is_never_retried(self):
        self.server.script("POST", "/things", [("status", 500)])
        extra = f'      method: POST\n      request_body: "{{}}"\n      retry: {FAST_RETRY}'
        out = self.outputs(self.fetch("/things", extra))
        self.assertEqual(out["status"], 500)
        self.assertEqual(len(self.server.seen("POST", "/things")), 1)
        self.assertEqual(self.server.things, {})


class HttpsRequestTest(StackTest):
    def setUp(self):
        super().setUp()
        self.server = FaultServer(tls=True).__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)
        shutil.copy(CERTIFICATE, self.path("ca.pem"))

    def status_with(self, extra):
        self.write_stack({"main.yaml": stack(self.server.url + "/ok", extra)})
        return self.run_plinth("apply", "--auto-approve")

    def test_an_untrusted_certificate_is_refused_at_once(self):
        result = self.status_with(f"      retry: {FAST_RETRY}")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"GET {self.server.url}/ok failed", result.err)
        self.assertNotIn("tries", result.err)
        self.assertIn("certificate", result.err)

    def test_ca_cert_trusts_the_certificate(self):
        result = self.status_with('      ca_cert: ${file("ca.pem")}')
        self.assertEqual(result.code, 0, result)
        self.assertIn("status = 200", result.out)

    def test_insecure_skips_the_check(self):
        result = self.status_with("      insecure: true")
        self.assertEqual(result.code, 0, result)
        self.assertIn("status = 200", result.out)


if __name__ == "__main__":
    unittest.main()
