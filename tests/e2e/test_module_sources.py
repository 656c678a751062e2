"""Modules from a real git repository (created by the test) and from a tarball served over HTTP on
127.0.0.1: `plinth init` fetches and pins them in plinth.lock.yaml; plan then needs no network."""

import functools
import http.server
import io
import os
import subprocess
import tarfile
import threading
import unittest

from plinth_e2e import StackTest

MODULE = """
variables:
  name: { type: string }
resources:
  page:
    type: local_file
    properties:
      filename: out/${var.name}.txt
      content: "{version}:${var.name}"
outputs:
  file: { value: "${page.filename}" }
"""


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class ModuleSourcesTest(StackTest):
    def make_repo(self):
        repo = self.path("repo")
        os.makedirs(os.path.join(repo, "site"))
        git(repo, "init", "-q")
        for version in ("v1", "v2"):
            with open(os.path.join(repo, "site", "main.yaml"), "w", encoding="utf-8") as out:
                out.write(MODULE.replace("{version}", version))
            git(repo, "add", ".")
            git(repo, "commit", "-q", "-m", version)
            git(repo, "tag", version)
        return repo

    def test_a_git_module_pinned_by_init(self):
        repo = self.make_repo()
        self.write_stack({"stack/main.yaml": f"""
stack: git-modules
modules:
  site:
    source: git::file://{repo}//site?ref=v1
    inputs: {{ name: home }}
"""})
        stack = self.path("stack")
        missing = self.run_plinth("--chdir", stack, "plan", chdir=False)
        self.assertEqual(missing.code, 1, missing)
        self.assertIn("plinth init", missing.err)
        self.plinth_ok("--chdir", stack, "init", chdir=False)
        self.assertIn("commit:", self.read("stack", "plinth.lock.yaml"))
        self.plinth_ok("--chdir", stack, "apply", "--auto-approve", chdir=False)
        self.assertEqual(self.read("stack", "out", "home.txt"), "v1:home")

    def test_a_tarball_module_over_http(self):
        archive = io.BytesIO()
        with tarfile.open(fileobj=archive, mode="w:gz") as tar:
            data = MODULE.replace("{version}", "tar").encode()
            info = tarfile.TarInfo("site/main.yaml")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        os.makedirs(self.path("served"))
        with open(self.path("served", "site.tar.gz"), "wb") as out:
            out.write(archive.getvalue())
        handler = functools.partial(QuietHandler, directory=self.path("served"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        url = f"http://127.0.0.1:{server.server_address[1]}/site.tar.gz//site"
        self.write_stack({"main.yaml": f"""
stack: tar-modules
modules:
  site:
    source: {url}
    inputs: {{ name: shop }}
"""})
        self.plinth_ok("init")
        self.assertIn("sha256:", self.read("plinth.lock.yaml"))
        server.shutdown()
        self.apply()
        self.assertEqual(self.read("out", "shop.txt"), "tar:shop")


if __name__ == "__main__":
    unittest.main()
