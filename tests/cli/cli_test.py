#!/usr/bin/env python3
"""`draftguard scan` through the real binary: the CLI contract of DESIGN.md.

usage: cli_test.py PATH/TO/draftguard SAMPLES_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = SAMPLES = None


# No test may see the user's stored lists: point the store at an empty folder.
ENV = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="dg-cli-test-"))


def run(*args, stdin=b"", env=None):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=120, env=env or ENV)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def utf16_span(text, needle):
    i = text.index(needle)
    start = len(text[:i].encode("utf-16-le")) // 2
    return start, start + len(needle.encode("utf-16-le")) // 2


class Scan(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.tmp.name, name)
        with open(path, mode) as f:
            f.write(content)
        return path

    def lists(self, terms):
        return self.write("lists.json", json.dumps({"version": 1, "domains": {"*": {"lists": [
            {"name": "codenames", "category": "keyword", "severity": "high", "terms": terms}]}}}))

    def test_sample_text_report(self):
        code, out, err = run("scan", "--lists", os.path.join(SAMPLES, "lists.json"),
                             os.path.join(SAMPLES, "leaky-post.txt"))
        self.assertEqual(code, 1, err)
        self.assertIn("leaky-post.txt:5:22: high keyword (list.codenames)", out)
        self.assertIn("[[Falcon]]", out)
        # The case study's figures: "case study from …" is not a public source.
        self.assertIn("case_study", out)
        self.assertIn("why:", out)
        self.assertIn("safer:", out)
        self.assertNotIn("\x1b[", out, "no colour when stdout is not a terminal")
        self.assertRegex(out.splitlines()[-1], r"\d+ findings: \d+ high")

    def test_colour_on_request(self):
        code, out, _ = run("scan", "--color", "always", "-", stdin="Strictly confidential".encode())
        self.assertEqual(code, 1)
        self.assertIn("\x1b[1;31m", out)

    def test_clean_post_exits_zero(self):
        code, out, err = run("scan", os.path.join(SAMPLES, "clean-post.txt"))
        self.assertEqual(code, 0, out + err)
        self.assertIn("no leaks found", out)

    def test_json_offsets_are_utf16(self):
        text = "🚀🚀 Caf\u00e9 news: Project Falcon ships\r\nsoon"
        code, out, err = run("scan", "--format", "json", "--lists", self.lists(["Falcon"]), "-",
                             stdin=text.encode())
        self.assertEqual(code, 1, err)
        findings = json.loads(out)["findings"]
        hit = [f for f in findings if f["rule"] == "list.codenames"]
        self.assertEqual(len(hit), 1)
        self.assertEqual((hit[0]["start"], hit[0]["end"]), utf16_span(text, "Falcon"))
        for f in findings:
            self.assertEqual(set(f), {"category", "severity", "rule", "start", "end", "message", "suggestion"})
            self.assertIsInstance(f["start"], int)

    def test_jsonl_batch_keeps_going_after_a_bad_line(self):
        lines = [json.dumps({"id": "a", "domain": "linkedin.com", "text": "Project Falcon"}),
                 "{not json",
                 json.dumps({"id": "c", "text": 42}),
                 "",
                 json.dumps({"id": "d", "domain": "x.com", "text": "nothing to see"})]
        code, out, err = run("scan", "--jsonl", "--lists", self.lists(["Falcon"]),
                             stdin=("\n".join(lines) + "\n").encode())
        self.assertEqual(code, 2, "a bad line makes the batch exit 2")
        recs = [json.loads(l) for l in out.splitlines()]
        self.assertEqual(len(recs), 4)
        self.assertEqual(recs[0]["id"], "a")
        self.assertEqual(recs[0]["findings"][0]["rule"], "list.codenames")
        self.assertIn("not valid JSON", recs[1]["error"])
        self.assertEqual(recs[2]["id"], "c")
        self.assertIn("'text' must be a string", recs[2]["error"])
        self.assertEqual(recs[3], {"id": "d", "findings": []})
        self.assertIn("line 2:", err)
        self.assertIn("line 3:", err)

    def test_domain_scopes_lists(self):
        path = os.path.join(SAMPLES, "lists.json")
        code, out, _ = run("scan", "--format", "json", "--lists", path, "--domain", "www.linkedin.com", "-",
                           stdin=b"We beat Shopwave again")
        self.assertEqual([f["rule"] for f in json.loads(out)["findings"]], ["list.competitors"])
        code, out, _ = run("scan", "--format", "json", "--lists", path, "--domain", "x.com", "-",
                           stdin=b"We beat Shopwave again")
        self.assertEqual(json.loads(out)["findings"], [])

    def test_french_messages(self):
        code, out, _ = run("scan", "--lang", "fr", "--lists", self.lists(["Falcon"]), "-", stdin=b"Projet Falcon")
        self.assertIn("figure dans votre liste", out)

    def test_invalid_utf8_names_the_offset(self):
        code, out, err = run("scan", "-", stdin=b"caf\xc3 au lait")
        self.assertEqual(code, 2)
        self.assertIn("not valid UTF-8", err)
        self.assertIn("offset 3", err)

    def test_usage_errors(self):
        for args, needle in [(["--format", "xml"], "--format must be text or json"),
                             (["--bogus"], "unknown option --bogus"),
                             (["--lists"], "needs a value"),
                             (["a.txt", "b.txt"], "more than one input"),
                             (["/nonexistent/draft.txt"], "/nonexistent/draft.txt")]:
            code, out, err = run("scan", *args)
            self.assertEqual(code, 2, args)
            self.assertIn(needle, err, args)
        code, out, err = run("frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown command", err)

    def test_help(self):
        code, out, _ = run("scan", "--help")
        self.assertEqual(code, 0)
        self.assertIn("--jsonl", out)
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        self.assertIn("scan", out)

    def test_bad_lists_file_is_an_error_naming_the_problem(self):
        code, _, err = run("scan", "--lists", self.write("l.json", "{\"version\": 1, \"domains\": ["), "-", stdin=b"x")
        self.assertEqual(code, 2)
        self.assertIn("not valid JSON", err)
        code, _, err = run("scan", "--lists", self.lists(["ok", "/proj-(/"]), "-", stdin=b"x")
        self.assertEqual(code, 2)
        self.assertIn("/proj-(/", err)
        self.assertIn("codenames", err)
        code, _, err = run("scan", "--lists", self.write("l2.json", json.dumps(
            {"version": 1, "domains": {"*": {"lists": [{"name": "x", "terms": "Falcon"}]}}})), "-", stdin=b"x")
        self.assertEqual(code, 2)
        self.assertIn("domains.*.lists[0].terms", err)

    def test_bad_extra_pack_warns_and_the_rest_loads(self):
        pack = self.write("mine.json", json.dumps({"pack": "mine", "rules": [
            {"id": "ok", "category": "strategy", "severity": "high", "pattern": "operation sunrise",
             "message": "m", "suggestion": "s"},
            {"id": "broken", "category": "strategy", "pattern": "(unclosed", "message": "m"}]}))
        code, out, err = run("scan", "--packs", pack, "-", stdin=b"Operation Sunrise starts Monday")
        self.assertEqual(code, 1, err)
        self.assertIn("mine.json: rule broken: RE2 rejects the pattern", err)
        self.assertIn("mine.ok", out)

    def test_stored_lists_are_the_default(self):
        store = os.path.join(self.tmp.name, "config", "draftguard")
        os.makedirs(store)
        with open(os.path.join(store, "lists.json"), "w") as f:
            json.dump({"schema": 1, "revision": 3, "version": 1, "domains": {"*": {"lists": [
                {"name": "projects", "category": "keyword", "severity": "high", "terms": ["Kingfisher"]}]}}}, f)
        env = dict(ENV, XDG_CONFIG_HOME=os.path.join(self.tmp.name, "config"))
        code, out, _ = run("scan", "--format", "json", "-", stdin=b"Kingfisher ships", env=env)
        self.assertEqual(code, 1)
        self.assertEqual(json.loads(out)["findings"][0]["rule"], "list.projects")
        # --lists replaces them.
        code, out, _ = run("scan", "--format", "json", "--lists", self.lists(["Falcon"]), "-",
                           stdin=b"Kingfisher ships", env=env)
        self.assertEqual(json.loads(out)["findings"], [])

    def test_huge_draft(self):
        chunk = "An ordinary sentence about our team, the weather and coffee. "
        text = chunk * (8 * 1024 * 1024 // len(chunk)) + "Project Falcon"
        code, out, err = run("scan", "--format", "json", "--lists", self.lists(["Falcon"]), "-",
                             stdin=text.encode())
        self.assertEqual(code, 1, err[:300])
        findings = json.loads(out)["findings"]
        self.assertEqual(findings[-1]["rule"], "list.codenames")
        self.assertEqual(findings[-1]["end"], len(text))


if __name__ == "__main__":
    BIN, SAMPLES = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=1)
