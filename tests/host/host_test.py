#!/usr/bin/env python3
"""Protocol tests against the real binary over real pipes: the golden
pairs, every message type, every error path, superseded analyses, the
caller check, the reply cap, a corrupt store.

usage: host_test.py DRAFTGUARD GOLDEN_JSONL"""
import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dghost  # noqa: E402
from dghost import Host, TempHome  # noqa: E402

BINARY = GOLDEN = None


class HostTest(unittest.TestCase):
    def setUp(self):
        self.home = TempHome()
        self.hosts = []

    def tearDown(self):
        for h in self.hosts:
            h.kill()
        self.home.cleanup()

    def start(self, args=None, **env):
        h = Host(BINARY, self.home, args=args, env=self.home.env(**env))
        self.hosts.append(h)
        return h

    def assertClean(self, h):
        status, err, rest = h.close()
        self.assertEqual(status, 0, err)
        self.assertEqual(rest, b"", "stdout carries frames only")
        return err

    def test_golden_pairs(self):
        h = self.start()
        n = 0
        with open(GOLDEN, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                case = json.loads(line)
                if isinstance(case["request"], str):  # malformed payloads are sent verbatim
                    h.send_raw(dghost.frame(case["request"].encode("utf-8")))
                    reply = h.recv()
                else:
                    reply = h.call(case["request"])
                diffs = dghost.matches(case["reply"], reply)
                self.assertEqual(diffs, [], f"{case['name']}: {reply}")
                n += 1
        self.assertGreater(n, 10)
        self.assertClean(h)

    def test_every_type_answers_and_stdout_is_frames_only(self):
        h = self.start()
        types = ["hello", "analyze", "lists.get", "lists.put", "lists.delete", "lists.import",
                 "lists.export", "settings.get", "settings.put", "stats"]
        for i, t in enumerate(types):
            r = h.call({"id": i, "type": t})
            self.assertEqual(r["id"], i)
            self.assertIn(r["type"], ("error", "lists", "settings", "stats"), r)
            if t in ("lists.get", "settings.get", "stats"):
                self.assertEqual(r["type"], t.split(".")[0] if t != "stats" else "stats")
            else:
                self.assertEqual(r["code"], "bad_field", r)
                self.assertIn("field", r)
        self.assertClean(h)

    def test_bad_input_gets_an_error_and_the_next_request_is_served(self):
        h = self.start(DRAFTGUARD_MAX_FRAME_BYTES=4096)
        cases = [
            (dghost.frame(b"{nope"), "bad_json"),
            (dghost.frame(b'{"id":1,"type":"analyze","text":"\xff\xfe"}'), "invalid_utf8"),
            (dghost.frame(b"[" * 100 + b"]" * 100), "too_deep"),
            (dghost.frame(b'{"id":1,"type":"analyze","text":"' + b"a" * 5000 + b'"}'), "too_large"),
            (dghost.frame(b"42"), "bad_request"),
            (dghost.frame(b'{"id":1,"type":"lists.explode"}'), "unknown_type"),
            (dghost.frame(b'{"id":1,"type":"analyze","text":["a"]}'), "bad_field"),
            (dghost.frame(b'{"id":{},"type":"hello","protocol":1}'), "bad_field"),
        ]
        for raw, code in cases:
            h.send_raw(raw)
            r = h.recv()
            self.assertEqual(r["type"], "error", r)
            self.assertEqual(r["code"], code, r)
            self.assertTrue(r["message"])
            # ... and the host still serves.
            self.assertEqual(h.call({"id": "ok", "type": "hello", "protocol": 1})["type"], "hello")
        stats = h.call({"id": 1, "type": "stats"})
        self.assertEqual(stats["errors"], len(cases))
        self.assertClean(h)

    def test_truncated_frame_at_eof_ends_cleanly(self):
        h = self.start()
        h.send_raw(dghost.encode({"id": 1, "type": "hello", "protocol": 1})[:-3])
        err = self.assertClean(h)
        self.assertIn("inside a frame", err)

    def test_eof_ends_with_status_0(self):
        self.assertClean(self.start())

    def test_newer_analyses_supersede_queued_ones_per_editor(self):
        h = self.start()
        burst = b""
        for rev in range(1, 6):
            burst += dghost.encode({"id": rev, "type": "analyze", "editor": "share", "revision": rev,
                                    "text": f"draft {rev} NDA"})
        burst += dghost.encode({"id": 99, "type": "analyze", "editor": "comment", "revision": 1, "text": "x"})
        h.send_raw(burst)  # all queued while the engine compiles
        replies = [h.recv() for _ in range(6)]
        self.assertEqual([r["id"] for r in replies], [1, 2, 3, 4, 5, 99])
        self.assertEqual(replies[4]["type"], "result")
        self.assertEqual(replies[4]["revision"], 5)
        self.assertEqual(replies[5]["type"], "result")  # another editor
        skipped = [r for r in replies[:4] if r["type"] == "superseded"]
        self.assertTrue(skipped, replies)
        for r in skipped:
            self.assertEqual(r["revision"], r["id"])
        self.assertEqual(h.call({"id": 7, "type": "stats"})["superseded"], len(skipped))
        self.assertClean(h)

    def test_unknown_caller_is_refused_with_an_error_frame(self):
        h = self.start(args=["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"])
        r = h.recv()
        self.assertEqual((r["type"], r["code"]), ("error", "forbidden_origin"))
        status, err, rest = h.close()
        self.assertEqual(status, 1)
        self.assertEqual(rest, b"")
        h = self.start(args=["/x/com.draftguard.host.json", "evil@example.com"])
        self.assertEqual(h.recv()["code"], "forbidden_origin")
        self.assertEqual(h.close()[0], 1)

    def test_firefox_caller_and_configured_ids_are_accepted(self):
        h = self.start(args=["/x/com.draftguard.host.json", dghost.FIREFOX_ID])
        self.assertEqual(h.call({"id": 1, "type": "hello", "protocol": 1})["type"], "hello")
        self.assertClean(h)
        os.makedirs(self.home.store, exist_ok=True)
        with open(os.path.join(self.home.store, "config.json"), "w") as f:
            json.dump({"schema": 1, "allowed_extensions": ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]}, f)
        h = self.start(args=["chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/", "--parent-window=0"])
        self.assertEqual(h.call({"id": 1, "type": "hello", "protocol": 1})["type"], "hello")
        self.assertClean(h)

    def test_a_reply_never_exceeds_1_mib(self):
        h = self.start()
        self.assertEqual(h.call({"id": 1, "type": "lists.put", "domain": "*", "name": "c", "terms": ["Acme"],
                                 "base_revision": 0})["type"], "ok")
        text = "Acme " * 50000  # 50 000 findings: far over 1 MiB of JSON
        raw = h.call({"id": 2, "type": "analyze", "text": text}, timeout=120)
        self.assertEqual(raw["type"], "result")
        self.assertTrue(raw["truncated"])
        self.assertGreater(len(raw["findings"]), 1000)
        h.send({"id": 3, "type": "analyze", "text": text})
        self.assertLessEqual(len(h.recv_raw(120)), 1 << 20)
        # lists: 80 000 terms do not fit either; lists.get cuts, export pages.
        terms = [f"Term{i:05d}xyzw" for i in range(80000)]
        self.assertEqual(h.call({"id": 4, "type": "lists.put", "domain": "*", "name": "big", "terms": terms,
                                 "base_revision": 1}, timeout=60)["type"], "ok")
        h.send({"id": 5, "type": "lists.get"})
        raw = h.recv_raw()
        self.assertLessEqual(len(raw), 1 << 20)
        got = json.loads(raw)
        self.assertTrue(got["truncated"])
        exported, offset = "", 0
        while offset is not None:
            h.send({"id": 6, "type": "lists.export", "format": "csv", "offset": offset})
            raw = h.recv_raw()
            self.assertLessEqual(len(raw), 1 << 20)
            chunk = json.loads(raw)
            exported += chunk["data"]
            offset = chunk["next_offset"]
        self.assertEqual(exported.count("\n"), 1 + 80000 + 1)  # header, big, Acme
        self.assertClean(h)

    def test_corrupt_store_is_moved_aside_and_reported(self):
        os.makedirs(self.home.store)
        with open(os.path.join(self.home.store, "lists.json"), "w") as f:
            f.write('{"schema":1,"revision":')
        h = self.start()
        r = h.call({"id": 1, "type": "hello", "protocol": 1})
        self.assertFalse(r["store"]["ok"])
        (p,) = r["store"]["problems"]
        self.assertEqual(p["file"], "lists.json")
        self.assertTrue(os.path.exists(p["moved_to"]))
        self.assertEqual(h.call({"id": 2, "type": "lists.put", "domain": "*", "name": "c", "terms": ["Acme"],
                                 "base_revision": 0})["type"], "ok")
        self.assertClean(h)

    def test_a_commit_by_another_host_is_seen_before_the_next_analysis(self):
        a, b = self.start(), self.start()
        self.assertEqual(b.call({"id": 1, "type": "analyze", "text": "we met Initech"})["findings"], [])
        self.assertEqual(a.call({"id": 2, "type": "lists.put", "domain": "*", "name": "clients",
                                 "terms": ["Initech"], "base_revision": 0})["type"], "ok")
        time.sleep(0.01)  # distinct mtime is not needed (inode changes), but be kind to coarse clocks
        rules = [f["rule"] for f in b.call({"id": 3, "type": "analyze", "text": "we met Initech"})["findings"]]
        self.assertIn("list.clients", rules)
        self.assertClean(a)
        self.assertClean(b)


if __name__ == "__main__":
    BINARY, GOLDEN = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
