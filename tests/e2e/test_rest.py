"""The rest provider's rest_object: the full life cycle against a real json-server (npm), import,
and faults (500, 429 with Retry-After, connection reset, slow answers, invalid JSON) against
fault_server.py. Stacks set base_url in their providers block, or REST_API_BASE_URL."""

import json
import os
import shutil
import unittest

from fault_server import FaultServer
from json_server import JsonServer
from plinth_e2e import StackTest


def post_stack(title, views=1, path="/posts", url=None):
    settings = f"""
providers:
  rest: {{ base_url: "{url}" }}""" if url else ""
    return f"""
stack: rest{settings}
resources:
  post:
    type: rest_object
    properties:
      path: {path}
      data:
        title: {title}
        views: {views}
        tags: {{ colour: blue }}
outputs:
  post_id: {{ value: "${{post.id}}" }}
  served_title: {{ value: "${{post.api_response.title}}" }}
"""


class RestObjectLifecycleTest(StackTest):
    def setUp(self):
        super().setUp()
        self.server = JsonServer({"posts": [], "comments": []}).__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)
        self.env = {}

    def plinth(self, *args):
        return self.run_plinth(*args, env=self.env)

    def stack(self, title, **kwargs):
        return {"main.yaml": post_stack(title, url=self.server.url, **kwargs)}

    def apply_ok(self):
        result = self.plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 0, result)
        return result

    def post_id(self):
        return self.resources()["post"]["attributes"]["id"]

    def served(self):
        status, body = self.server.request("GET", f"/posts/{self.post_id()}")
        return body if status == 200 else None

    def test_create_drift_update_delete(self):
        self.write_stack(self.stack("hello"))
        self.apply_ok()
        self.assertEqual(self.served(), {"id": int(self.post_id()), "title": "hello", "views": 1, "tags": {"colour": "blue"}})
        outputs = json.loads(self.plinth("output", "--json").out)
        self.assertEqual(outputs["served_title"]["value"], "hello")
        self.assertEqual(self.plinth("plan", "--detailed-exitcode").code, 0)

        # a field the stack does not manage changes: no drift
        self.server.request("PATCH", f"/posts/{self.post_id()}", {"author": "someone"})
        self.assertEqual(self.plinth("plan", "--detailed-exitcode").code, 0)

        # a managed field changes behind plinth's back: planned back
        self.server.request("PATCH", f"/posts/{self.post_id()}", {"title": "edited", "tags": {"colour": "red"}})
        planned = self.plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# post will be updated in-place", planned.out)
        self.assertIn('"edited"', planned.out)
        self.assertEqual(planned.plan_summary(), (0, 1, 0))
        self.apply_ok()
        self.assertEqual(self.served()["title"], "hello")
        self.assertEqual(self.served()["tags"], {"colour": "blue"})

        # the stack changes: updated in place, same id
        object_id = self.post_id()
        self.write_stack(self.stack("changed", views=2))
        applied = self.apply_ok()
        self.assertIn("1 changed", applied.out)
        self.assertEqual(self.post_id(), object_id)
        self.assertEqual(self.served()["title"], "changed")
        outputs = json.loads(self.plinth("output", "--json").out)
        self.assertEqual(outputs["served_title"]["value"], "changed")

        # deleted behind plinth's back: planned as a create
        self.server.request("DELETE", f"/posts/{object_id}")
        planned = self.plinth("plan", "--detailed-exitcode")
        self.assertEqual(planned.code, 2, planned)
        self.assertIn("# post will be created", planned.out)
        self.assertIn("1 added", self.apply_ok().out)
        self.assertEqual(self.served()["title"], "changed")

        destroyed = self.plinth("destroy", "--auto-approve")
        self.assertEqual(destroyed.code, 0, destroyed)
        status, posts = self.server.request("GET", "/posts")
        self.assertEqual(posts, [])

    def test_changing_the_collection_replaces_the_object(self):
        self.write_stack(self.stack("hello"))
        self.apply_ok()
        self.write_stack(self.stack("hello", path="/comments"))
        planned = self.plinth("plan")
        self.assertIn("must be replaced", planned.out)
        self.apply_ok()
        self.assertEqual(self.server.request("GET", "/posts")[1], [])
        self.assertEqual(len(self.server.request("GET", "/comments")[1]), 1)

    def test_base_url_from_the_environment(self):
        self.write_stack({"main.yaml": post_stack("from env")})
        self.env = {"REST_API_BASE_URL": self.server.url}
        self.apply_ok()
        self.assertEqual(self.served()["title"], "from env")
        self.assertEqual(self.plinth("destroy", "--auto-approve").code, 0)

    def test_import_by_collection_and_id(self):
        status, seeded = self.server.request("POST", "/posts", {"title": "hello", "views": 1, "tags": {"colour": "blue"}})
        self.assertEqual(status, 201)
        self.write_stack(self.stack("hello"))
        imported = self.plinth("import", "post", f"/posts/{seeded['id']}")
        self.assertEqual(imported.code, 0, imported)
        self.assertEqual(self.post_id(), str(seeded["id"]))
        planned = self.plinth("plan")
        self.assertEqual(planned.code, 0, planned)
        self.assertNotIn("# post", planned.out)  # the object matches; only the outputs are new
        self.assertIsNone(planned.plan_summary(), planned)

        self.write_stack(self.stack("renamed"))
        self.apply_ok()
        self.assertEqual(self.served()["title"], "renamed")
        self.assertEqual(len(self.server.request("GET", "/posts")[1]), 1)

        missing = self.plinth("import", "other", "/posts/999")
        self.assertEqual(missing.code, 1, missing)
        bad_id = self.plinth("import", "post", "999")
        self.assertEqual(bad_id.code, 1, bad_id)

    def test_missing_base_url_is_a_clear_error(self):
        self.write_stack({"main.yaml": post_stack("hello")})
        result = self.run_plinth("plan", env={"REST_API_BASE_URL": ""})
        self.assertEqual(result.code, 1, result)
        self.assertIn("The rest provider needs a base_url", result.err)
        self.assertIn("REST_API_BASE_URL", result.err)


THING_STACK = """
stack: faults
providers:
  rest:
    base_url: "{url}"
    bearer_token: s3cret-token
    retry_min_delay: 10ms
    retry_max_delay: 50ms
{settings}
resources:
  thing:
    type: rest_object
    properties:
      path: /things
      data: { name: "{name}" }
"""


class RestObjectFaultsTest(StackTest):
    def setUp(self):
        super().setUp()
        self.server = FaultServer().__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)

    def plinth(self, *args):
        return self.run_plinth(*args)

    def write(self, name, settings=""):
        text = THING_STACK.replace("{name}", name).replace("{url}", self.server.url).replace("{settings}", settings)
        self.write_stack({"main.yaml": text})

    def apply_thing(self, name="one"):
        self.write(name)
        result = self.plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 0, result)

    def test_refresh_retries_500_and_connection_resets(self):
        self.apply_thing()
        self.server.script("GET", "/things/1", [("status", 500), ("reset",)])
        planned = self.plinth("plan")
        self.assertEqual(planned.code, 0, planned)
        self.assertNotIn("# post", planned.out)  # the object matches; only the outputs are new
        self.assertIsNone(planned.plan_summary(), planned)
        self.assertEqual(len(self.server.seen("GET", "/things/1")), 3)

    def test_bearer_token_is_sent_and_masked(self):
        self.apply_thing()
        self.assertEqual(set(self.server.authorizations), {"Bearer s3cret-token"})
        self.write("two")
        planned = self.plinth("plan")
        self.assertEqual(planned.code, 0, planned)
        self.assertNotIn("s3cret-token", planned.out + planned.err)
        self.assertNotIn("s3cret-token", self.read("plinth.state.json"))

    def test_create_is_retried_when_the_stack_opts_in(self):
        self.server.script("POST", "/things", [("status", 500), ("reset",)])
        self.write("one", "    retry_non_idempotent: true")
        result = self.plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 0, result)
        self.assertEqual(len(self.server.seen("POST", "/things")), 3)
        self.assertEqual(list(self.server.things), [1])

    def test_slow_answer_times_out(self):
        self.apply_thing()
        self.server.script("GET", "/things/1", [("slow", 3)])
        self.write("one", "    timeout: 300ms\n    retries: 0")
        result = self.plinth("plan")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"GET {self.server.url}/things/1 timed out", result.err)

    def test_create_is_not_retried_after_500(self):
        self.server.script("POST", "/things", [("status", 500)])
        self.write("one")
        result = self.plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)
        self.assertIn(f"POST {self.server.url}/things answered HTTP 500", result.err)
        self.assertEqual(len(self.server.seen("POST", "/things")), 1)
        self.assertNotIn("thing", self.resources())

    def test_update_waits_for_retry_after(self):
        self.apply_thing()
        self.server.script("PUT", "/things/1", [("retry_after", 1)])
        self.apply_thing("two")
        first, second = self.server.seen("PUT", "/things/1")
        self.assertGreaterEqual(second - first, 0.95)
        self.assertEqual(self.server.things[1]["name"], "two")

    def test_an_answer_that_is_not_json_is_a_clear_error(self):
        self.server.script("POST", "/things", [("invalid_json",)])
        self.write("one")
        result = self.plinth("apply", "--auto-approve")
        self.assertEqual(result.code, 1, result)
        self.assertIn("The answer to POST /things is not JSON", result.err)
        self.assertIn("{not json", result.err)


EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "rest-api")


class RestApiExampleTest(StackTest):
    """examples/rest-api as its README runs it, against json-server seeded with its db.json."""

    def setUp(self):
        super().setUp()
        with open(os.path.join(EXAMPLE, "db.json"), encoding="utf-8") as seed:
            self.server = JsonServer(json.load(seed)).__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)
        shutil.copytree(EXAMPLE, self.path("rest-api"))
        self.dir = self.path("rest-api")
        self.env = {"PLINTH_VAR_api_url": self.server.url}

    def test_apply_plan_again_and_destroy(self):
        self.apply(env=self.env)
        posts = self.server.request("GET", "/posts")[1]
        self.assertEqual(sorted(p["slug"] for p in posts), ["changelog", "welcome"])
        comments = self.server.request("GET", "/comments")[1]
        self.assertEqual(sorted(c["postId"] for c in comments), sorted(str(p["id"]) for p in posts))
        outputs = json.loads(self.plinth_ok("output", "--json", env=self.env).out)
        self.assertEqual(sorted(outputs["titles_served"]["value"]), ["Welcome to plinth", "What changed this week"])
        self.assertEqual(self.run_plinth("plan", "--detailed-exitcode", env=self.env).code, 0)
        self.plinth_ok("destroy", "--auto-approve", env=self.env)
        self.assertEqual(self.server.request("GET", "/posts")[1], [])
        self.assertEqual(self.server.request("GET", "/comments")[1], [])


if __name__ == "__main__":
    unittest.main()
