#!/usr/bin/env python3
"""A host saving lists in a loop is killed with SIGKILL at random moments;
after each kill the store must parse and hold either the old or the new
lists (never a mix, never a torn file), and a new host must start cleanly.

usage: sigkill_test.py DRAFTGUARD [ITERATIONS]"""
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dghost import Host, TempHome  # noqa: E402


def check_store(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)  # a torn file would not parse
    rev = doc["revision"]
    assert doc["schema"] == 1
    lists = doc["domains"]["*"]["lists"]
    (lst,) = [l for l in lists if l["name"] == "v"]
    # Every save writes revision r together with terms for r: both or neither.
    assert lst["terms"] == [f"Term{rev}", f"Word{rev}"] + [f"Pad{i}x{rev}" for i in range(2000)], rev
    return rev


def main(binary, iterations):
    rnd = random.Random(1234)
    home = TempHome()
    lists_json = os.path.join(home.store, "lists.json")
    last = 0
    try:
        for it in range(iterations):
            h = Host(binary, home)
            stop = threading.Event()
            saving = threading.Event()

            def writer():
                try:
                    while not stop.is_set():
                        base = h.call({"id": 1, "type": "lists.get", "domain": "example.org"})["revision"]
                        saving.set()  # the host is up and its lists are loaded
                        r = base + 1
                        h.call({"id": 2, "type": "lists.put", "domain": "*", "name": "v",
                                "terms": [f"Term{r}", f"Word{r}"] + [f"Pad{i}x{r}" for i in range(2000)],
                                "base_revision": base})
                except (EOFError, OSError, TimeoutError, ValueError):
                    pass

            t = threading.Thread(target=writer, daemon=True)
            t.start()
            # Kill while saves are under way: after the host is up and a
            # save cycle has started, at a random moment.
            saving.wait(60)
            time.sleep(rnd.uniform(0.0, 0.5))
            h.kill()
            stop.set()
            t.join(5)
            if os.path.exists(lists_json):
                rev = check_store(lists_json)
                assert rev >= last, (rev, last)
                last = rev
        assert last >= iterations // 3, f"only {last} saves in {iterations} runs: the kills did not hit saves"
        leftovers = [n for n in os.listdir(home.store) if ".corrupt-" in n]
        assert not leftovers, leftovers
        # A fresh host finds a healthy store and cleans up dead writers' temp files.
        h = Host(binary, home)
        hello = h.call({"id": 1, "type": "hello", "protocol": 1})
        assert hello["store"]["ok"], hello
        assert hello["store"]["lists_revision"] == last
        status, err, _ = h.close()
        assert status == 0, err
        assert not [n for n in os.listdir(home.store) if ".tmp." in n], os.listdir(home.store)
        print(f"ok: {iterations} kills, store always whole, {last} saves committed")
    finally:
        home.cleanup()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
