#!/usr/bin/env python3
"""Two real host processes (two browsers) put lists concurrently on the same
base_revision: exactly one wins, the other gets `conflict` carrying the
current revision and lists, retries on it, and no update is lost.

usage: concurrency_test.py DRAFTGUARD"""
import sys
import os
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dghost import Host, TempHome  # noqa: E402

ROUNDS = 25


def main(binary):
    home = TempHome()
    a, b = Host(binary, home), Host(binary, home)
    try:
        for h in (a, b):
            assert h.call({"id": 0, "type": "hello", "protocol": 1})["type"] == "hello"
        for rnd in range(ROUNDS):
            base = a.call({"id": 1, "type": "lists.get"})["revision"]
            assert b.call({"id": 1, "type": "lists.get"})["revision"] == base
            replies = {}
            barrier = threading.Barrier(2)

            def put(name, h):
                req = {"id": 2, "type": "lists.put", "domain": "*", "name": f"{name}{rnd}",
                       "terms": [f"Term{name}{rnd}"], "base_revision": base}
                barrier.wait()
                replies[name] = h.call(req)

            threads = [threading.Thread(target=put, args=(n, h)) for n, h in (("a", a), ("b", b))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            kinds = sorted(r["type"] for r in replies.values())
            assert kinds == ["error", "ok"], replies
            (winner,) = [n for n, r in replies.items() if r["type"] == "ok"]
            loser = "b" if winner == "a" else "a"
            conflict = replies[loser]
            assert conflict["code"] == "conflict", conflict
            assert conflict["revision"] == base + 1, conflict
            names = [l["name"] for l in conflict["domains"]["*"]["lists"]]
            assert f"{winner}{rnd}" in names, conflict
            # The loser merges and retries on the revision it was given.
            retry = {"a": a, "b": b}[loser].call({"id": 3, "type": "lists.put", "domain": "*", "name": f"{loser}{rnd}",
                                                  "terms": [f"Term{loser}{rnd}"], "base_revision": conflict["revision"]})
            assert retry == {"id": 3, "type": "ok", "revision": base + 2}, retry
        final = a.call({"id": 4, "type": "lists.get"})
        names = sorted(l["name"] for l in final["domains"]["*"]["lists"])
        assert names == sorted(f"{n}{r}" for n in "ab" for r in range(ROUNDS)), names
        assert final["revision"] == 2 * ROUNDS
        # Both hosts analyse with every list (each saw the other's commits).
        for h in (a, b):
            rules = {f["rule"] for f in h.call({"id": 5, "type": "analyze", "text": "Terma0 and Termb24"})["findings"]}
            assert {"list.a0", "list.b24"} <= rules, rules
        for h in (a, b):
            status, err, rest = h.close()
            assert status == 0 and rest == b"", err
        print(f"ok: {ROUNDS} rounds, one winner and one conflict each, {2 * ROUNDS} lists kept")
    finally:
        a.kill()
        b.kill()
        home.cleanup()


if __name__ == "__main__":
    main(sys.argv[1])
