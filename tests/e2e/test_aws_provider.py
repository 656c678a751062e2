"""The `aws` provider against s3rver (S3, checking SigV4 signatures), dynalite (DynamoDB) and fauxqs
(SQS's JSON protocol, STS GetCallerIdentity) on 127.0.0.1, started once for the whole class: each
resource's life cycle (create, update in place, replace, destroy), drift, import, a wrong secret
key, a server dying mid-apply, a non-empty bucket, and examples/aws-site."""

import hashlib
import os
import shutil
import urllib.error
import urllib.request

from aws_servers import AwsServers, SECRET_KEY
from plinth_e2e import StackTest

EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "aws-site")


def unsigned(method, url, body=None):
    """An unsigned S3 request behind plinth's back (s3rver lets anonymous requests through)."""
    request = urllib.request.Request(url, data=body, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


class AwsProviderTest(StackTest):
    @classmethod
    def setUpClass(cls):
        cls.aws = AwsServers(sqs=True).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.aws.__exit__()

    def setUp(self):
        super().setUp()
        self.env = AwsServers.environment()

    def providers_block(self, sts=None, retries=1):
        aws = self.aws
        return (f"providers:\n  aws:\n    region: us-east-1\n    s3_use_path_style: true\n    max_retries: {retries}\n"
                f"    endpoints:\n      s3: {aws.s3_url}\n      dynamodb: {aws.dynamodb_url}\n      sqs: {aws.sqs_url}\n"
                f"      sts: {sts or aws.sqs_url}\n")

    def write(self, resources, data="", **kwargs):
        self.write_stack({"stack.yaml": "stack: aws\n" + self.providers_block(**kwargs) + data + resources})

    def run_ok(self, *args):
        return self.plinth_ok(*args, env=self.env)

    def apply_planning(self, summary):
        """Applies, checking the plan apply showed: (add, change, destroy)."""
        result = self.run_ok("apply", "--auto-approve")
        self.assertEqual(result.plan_summary(), summary, result)
        return result

    def assert_no_changes(self):
        result = self.run_plinth("plan", "--detailed-exitcode", env=self.env)
        self.assertEqual(result.code, 0, result)

    def object_url(self, bucket, key=""):
        return f"{self.aws.s3_url}/{bucket}/{key}"

    # --- S3 --------------------------------------------------------------------------------
    def test_bucket_and_objects_life_cycle_and_data_source(self):
        self.write_stack({"page.html": "<h1>from a file</h1>\n"})
        resources = """
resources:
  site:
    type: aws_s3_bucket
    properties: {{ bucket: life }}
  index:
    type: aws_s3_object
    properties:
      bucket: ${{site.bucket}}
      key: {key}
      content: "{content}"
      content_type: text/html
      metadata: {{ owner: web }}
  page:
    type: aws_s3_object
    properties: {{ bucket: "${{site.bucket}}", key: page.html, source: page.html }}
  raw:
    type: aws_s3_object
    properties: {{ bucket: "${{site.bucket}}", key: raw.bin, content_base64: AAEC }}
outputs:
  etag: {{ value: "${{index.etag}}" }}
"""
        self.write(resources.format(key="index.html", content="v1"))
        self.apply_planning((4, 0, 0))
        self.assertEqual(self.aws.object_bytes("life", "index.html"), b"v1")
        self.assertEqual(self.aws.object_bytes("life", "page.html"), b"<h1>from a file</h1>\n")
        self.assertEqual(self.aws.object_bytes("life", "raw.bin"), b"\x00\x01\x02")
        index = self.resources()["index"]["attributes"]
        self.assertEqual(index["etag"], hashlib.md5(b"v1").hexdigest())
        self.assertEqual((index["content_type"], index["metadata"], index["id"]), ("text/html", {"owner": "web"},
                                                                                   "life/index.html"))
        self.assertEqual(self.resources()["site"]["attributes"]["arn"], "arn:aws:s3:::life")
        self.assert_no_changes()

        self.write(resources.format(key="index.html", content="v2"))
        self.write_stack({"page.html": "<h1>changed</h1>\n"})
        self.apply_planning((0, 2, 0))
        self.assertEqual(self.aws.object_bytes("life", "index.html"), b"v2")
        self.assertEqual(self.aws.object_bytes("life", "page.html"), b"<h1>changed</h1>\n")

        self.write(resources.format(key="home.html", content="v2"))
        self.apply_planning((1, 0, 1))
        self.assertIsNone(self.aws.object_bytes("life", "index.html"))
        self.assertEqual(self.aws.object_bytes("life", "home.html"), b"v2")

        self.write_stack({"data.yaml": "data:\n  home:\n    type: aws_s3_object\n"
                                       "    properties: { bucket: life, key: home.html }\n"
                                       "outputs:\n  home: { value: \"${data.home.body}\" }\n"})
        self.run_ok("apply", "--auto-approve")
        self.assertEqual(self.state()["outputs"]["home"]["value"], "v2")

        self.write_stack({"data.yaml": None})
        self.run_ok("destroy", "--auto-approve")
        self.assertEqual(self.resources(), {})
        with self.assertRaises(urllib.error.HTTPError):
            unsigned("GET", self.object_url("life"))

    def test_object_changed_or_deleted_outside_plinth_is_drift(self):
        self.write("""
resources:
  bucket:
    type: aws_s3_bucket
    properties: { bucket: drift }
  note:
    type: aws_s3_object
    properties: { bucket: "${bucket.bucket}", key: note.txt, content: mine }
""")
        self.run_ok("apply", "--auto-approve")
        unsigned("PUT", self.object_url("drift", "note.txt"), b"theirs")
        self.assertIn("etag", self.apply_planning((0, 1, 0)).out)
        self.assertEqual(self.aws.object_bytes("drift", "note.txt"), b"mine")

        unsigned("DELETE", self.object_url("drift", "note.txt"))
        self.apply_planning((1, 0, 0))
        self.assertEqual(self.aws.object_bytes("drift", "note.txt"), b"mine")

    def test_import_bucket_and_object(self):
        unsigned("PUT", self.object_url("adopted"))
        unsigned("PUT", self.object_url("adopted", "a/b.txt"), b"hello")
        self.write("""
resources:
  bucket:
    type: aws_s3_bucket
    properties: { bucket: adopted, force_destroy: false }
  file:
    type: aws_s3_object
    properties: { bucket: "${bucket.bucket}", key: a/b.txt, content: hello }
""")
        self.run_ok("import", "bucket", "adopted")
        missing = self.run_plinth("import", "file", "adopted/none.txt", env=self.env)
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("No object s3://adopted/none.txt", missing.err)
        self.run_ok("import", "file", "adopted/a/b.txt")
        self.assertEqual(self.resources()["file"]["attributes"]["etag"], "5d41402abc4b2a76b9719d911017c592")
        self.assertEqual(self.resources()["bucket"]["id"], "adopted")
        plan = self.run_ok("plan")
        self.assertEqual(plan.plan_summary(), (0, 1, 0), plan)
        self.assertIn("content", plan.out)
        self.run_ok("destroy", "--auto-approve")

    def test_non_empty_bucket_needs_force_destroy(self):
        resources = "resources:\n  bucket:\n    type: aws_s3_bucket\n    properties: {{ bucket: full, force_destroy: {force} }}\n"
        self.write(resources.format(force="false"))
        self.run_ok("apply", "--auto-approve")
        unsigned("PUT", self.object_url("full", "left.txt"), b"behind")
        refused = self.run_plinth("destroy", "--auto-approve", env=self.env)
        self.assertEqual(refused.code, 1, refused)
        self.assertIn("Bucket full is not empty, so it was not deleted", refused.err)
        self.assertIn("BucketNotEmpty", refused.err)
        self.assertIn("force_destroy", refused.err)
        self.assertIn("bucket", self.resources())

        self.write(resources.format(force="true"))
        self.apply_planning((0, 1, 0))
        self.run_ok("destroy", "--auto-approve")
        self.assertEqual(self.resources(), {})

    # --- DynamoDB --------------------------------------------------------------------------
    def test_dynamodb_table_life_cycle_drift_and_import(self):
        table = """
resources:
  visits:
    type: aws_dynamodb_table
    properties:
      name: visits
      billing_mode: PROVISIONED
      hash_key: {hash_key}
      range_key: at
      attribute: [ {{ name: {hash_key}, type: S }}, {{ name: at, type: N }} ]
      read_capacity: {capacity}
      write_capacity: 1
"""
        self.write(table.format(hash_key="page", capacity=1))
        self.run_ok("apply", "--auto-approve")
        attributes = self.resources()["visits"]["attributes"]
        self.assertEqual((attributes["id"], attributes["read_capacity"]), ("visits", 1))
        self.assertTrue(attributes["arn"].endswith(":table/visits"), attributes)
        self.assert_no_changes()

        self.write(table.format(hash_key="page", capacity=2))
        self.apply_planning((0, 1, 0))
        status, described = self.aws.dynamodb_call("DescribeTable", {"TableName": "visits"})
        self.assertEqual(described["Table"]["ProvisionedThroughput"]["ReadCapacityUnits"], 2)

        self.write(table.format(hash_key="path", capacity=2))
        self.apply_planning((1, 0, 1))
        status, described = self.aws.dynamodb_call("DescribeTable", {"TableName": "visits"})
        self.assertEqual(described["Table"]["KeySchema"][0]["AttributeName"], "path")

        self.aws.dynamodb_call("DeleteTable", {"TableName": "visits"})
        self.apply_planning((1, 0, 0))

        self.run_ok("state", "rm", "visits")
        self.run_ok("import", "visits", "visits")
        self.assert_no_changes()
        self.run_ok("destroy", "--auto-approve")
        status, _ = self.aws.dynamodb_call("DescribeTable", {"TableName": "visits"})
        self.assertEqual(status, 400)

    # --- SQS -------------------------------------------------------------------------------
    def test_sqs_queue_life_cycle_drift_and_import(self):
        queue = """
resources:
  jobs:
    type: aws_sqs_queue
    properties: {{ name: {name}, fifo_queue: {fifo}, visibility_timeout_seconds: {timeout}, delay_seconds: 2 }}
"""
        self.write(queue.format(name="jobs", fifo="false", timeout=30))
        self.run_ok("apply", "--auto-approve")
        attributes = self.resources()["jobs"]["attributes"]
        url = attributes["url"]
        self.assertTrue(url.endswith("/jobs"), attributes)
        self.assertEqual((attributes["id"], attributes["arn"]), (url, "arn:aws:sqs:us-east-1:000000000000:jobs"))
        self.assert_no_changes()

        self.write(queue.format(name="jobs", fifo="false", timeout=60))
        self.apply_planning((0, 1, 0))
        _, answer = self.aws.sqs_call("GetQueueAttributes", {"QueueUrl": url, "AttributeNames": ["All"]})
        self.assertEqual(answer["Attributes"]["VisibilityTimeout"], "60")

        self.aws.sqs_call("SetQueueAttributes", {"QueueUrl": url, "Attributes": {"DelaySeconds": "9"}})
        self.assertIn("delay_seconds", self.apply_planning((0, 1, 0)).out)

        self.write(queue.format(name="jobs.fifo", fifo="true", timeout=60))
        self.apply_planning((1, 0, 1))
        self.assertTrue(self.resources()["jobs"]["attributes"]["fifo_queue"])

        self.run_ok("state", "rm", "jobs")
        self.run_ok("import", "jobs", "jobs.fifo")
        self.assert_no_changes()
        self.run_ok("destroy", "--auto-approve")
        status, _ = self.aws.sqs_call("GetQueueUrl", {"QueueName": "jobs.fifo"})
        self.assertEqual(status, 400)

    # --- identity, credentials, failures ---------------------------------------------------
    def test_caller_identity_where_the_endpoint_answers_it(self):
        data = "data:\n  me:\n    type: aws_caller_identity\noutputs:\n  account: { value: \"${data.me.account_id}\" }\n"
        self.write("", data=data)
        self.run_ok("apply", "--auto-approve")
        self.assertEqual(self.state()["outputs"]["account"]["value"], "000000000000")

        self.write("", data=data, sts=self.aws.dynamodb_url)
        result = self.run_plinth("plan", env=self.env)
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"aws_caller_identity is not supported by this endpoint ({self.aws.dynamodb_url})", result.err)

    def test_a_wrong_secret_key_is_a_clear_error_and_nothing_is_recorded(self):
        self.write("resources:\n  bucket:\n    type: aws_s3_bucket\n    properties: { bucket: never }\n")
        env = dict(self.env, AWS_SECRET_ACCESS_KEY=SECRET_KEY + "-wrong")
        result = self.run_plinth("apply", "--auto-approve", env=env)
        self.assertEqual(result.code, 1, result)
        self.assertIn("S3 CreateBucket s3://never/ failed", result.err)
        self.assertIn("SignatureDoesNotMatch", result.err)
        self.assertEqual(self.resources(), {})

    def test_a_server_dying_mid_apply_keeps_what_succeeded(self):
        self.write("""
resources:
  jobs:
    type: aws_sqs_queue
    properties: { name: survivor }
  pause:
    type: time_sleep
    properties: { create_duration: 2s }
  bucket:
    type: aws_s3_bucket
    properties: { bucket: late }
    depends_on: [pause]
""")
        process = self.start_plinth("apply", "--auto-approve", env=self.env)
        try:
            self.aws.stop_s3()
            result = self.finish(process)
        finally:
            self.aws.start_s3()
        self.assertEqual(result.code, 1, result)
        self.assertIn("S3 CreateBucket s3://late/ failed", result.err)
        self.assertEqual(set(self.resources()), {"jobs", "pause"})
        self.apply_planning((1, 0, 0))

    # --- the example -----------------------------------------------------------------------
    def test_the_aws_site_example_runs_against_the_emulators(self):
        shutil.copytree(EXAMPLE, self.path("aws-site"),
                        ignore=shutil.ignore_patterns("plinth.state.json*", ".plinth"))
        self.dir = self.path("aws-site")
        aws = self.aws
        env = dict(self.env, PLINTH_VAR_s3_endpoint=aws.s3_url, PLINTH_VAR_dynamodb_endpoint=aws.dynamodb_url,
                   PLINTH_VAR_sqs_endpoint=aws.sqs_url)
        self.plinth_ok("apply", "--auto-approve", env=env)
        self.assertIn(b"<h1>", aws.object_bytes("aws-site-example", "index.html"))
        result = self.run_plinth("plan", "--detailed-exitcode", env=env)
        self.assertEqual(result.code, 0, result)
        self.plinth_ok("destroy", "--auto-approve", env=env)
        self.assertEqual(self.resources(), {})
