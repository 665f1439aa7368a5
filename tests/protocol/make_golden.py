#!/usr/bin/env python3
"""Regenerates tests/protocol/golden.jsonl from the real binary (run by hand
after a deliberate protocol change, then review the diff):

    python3 tests/protocol/make_golden.py build/bin/draftguard > tests/protocol/golden.jsonl

golden.jsonl: one {"name", "request", "reply"} a line, to be sent in file
order to ONE host started on an EMPTY store (revisions build on each other).
A "request" that is a JSON string is sent verbatim as the frame's payload
(malformed input); otherwise it is serialised as JSON.
Rule for fields that vary: in a reply, the string "<any>" matches any value.
It stands for version, rules, terms (the counts, not term lists),
elapsed_us, uptime_ms, hello's "org" (organisation policy, which depends on
the machine: see src/org/), findings' "ignore_key" (keyed per user), and for every
"message" and "suggestion" (texts for people, reworded freely); everything
else, including key sets, array lengths and types, must match exactly."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "host"))
import dghost  # noqa: E402

VARY = {"version", "rules", "terms", "elapsed_us", "uptime_ms", "message", "suggestion", "org", "ignore_key"}

CASES = [
    ("hello", {"id": 1, "type": "hello", "protocol": 1}),
    ("hello_newer_client", {"id": "h2", "type": "hello", "protocol": 2}),
    ("hello_protocol_0", {"id": 2, "type": "hello", "protocol": 0}),
    ("lists_get_empty", {"id": 3, "type": "lists.get"}),
    ("lists_put", {"id": 4, "type": "lists.put", "domain": "linkedin.com", "name": "codenames",
                   "category": "keyword", "severity": "high", "terms": ["Falcon", "Project Osprey"],
                   "base_revision": 0}),
    ("lists_put_global", {"id": 5, "type": "lists.put", "domain": "*", "name": "clients",
                          "category": "keyword", "severity": "medium", "terms": ["Acme"], "base_revision": 1}),
    ("lists_put_conflict", {"id": 6, "type": "lists.put", "domain": "*", "name": "x", "terms": ["Initech"],
                            "base_revision": 1}),
    ("lists_put_bad_term", {"id": 7, "type": "lists.put", "domain": "*", "name": "bad",
                            "terms": ["ok", "/proj-[/"], "base_revision": 2}),
    ("lists_get_domain", {"id": 8, "type": "lists.get", "domain": "www.LinkedIn.com"}),
    ("analyze_list_hit_utf16", {"id": 9, "type": "analyze", "domain": "www.linkedin.com", "revision": 7,
                                "editor": "share-box", "categories": ["keyword"],
                                "text": "🚀 Falcon ships with Acme\r\nsoon"}),
    ("analyze_other_site", {"id": 10, "type": "analyze", "domain": "example.org", "categories": ["keyword"],
                            "text": "Falcon ships with Acme"}),
    ("analyze_no_finding", {"id": 11, "type": "analyze", "text": "Happy Friday everyone", "revision": 1}),
    ("analyze_shared_texts", {"id": 40, "type": "analyze", "domain": "www.linkedin.com", "categories": ["keyword"],
                              "text": "Falcon ships with Acme, then Falcon again", "shared_texts": True}),
    ("settings_get_default", {"id": 12, "type": "settings.get", "domain": "www.linkedin.com"}),
    ("settings_put", {"id": 13, "type": "settings.put", "domain": "linkedin.com", "sensitivity": "low",
                      "categories": {"pii": False}, "base_revision": 0}),
    ("settings_put_conflict", {"id": 14, "type": "settings.put", "domain": "*", "base_revision": 0}),
    ("analyze_after_sensitivity_low", {"id": 15, "type": "analyze", "domain": "linkedin.com",
                                       "categories": ["keyword"], "text": "Falcon ships with Acme"}),
    ("settings_get", {"id": 16, "type": "settings.get", "domain": "linkedin.com"}),
    ("lists_import_csv", {"id": 17, "type": "lists.import", "format": "csv", "base_revision": 2,
                          "data": "domain,name,category,severity,term\r\n*,competitors,competitor,medium,Globex\r\n"
                                  "*,competitors,competitor,medium,\"Hooli, Inc.\"\r\n"}),
    ("lists_export_csv", {"id": 18, "type": "lists.export", "format": "csv", "domain": "*"}),
    ("lists_export_json", {"id": 19, "type": "lists.export", "format": "json", "domain": "linkedin.com"}),
    ("lists_import_bad_csv", {"id": 20, "type": "lists.import", "format": "csv", "base_revision": 3,
                              "data": "domain,name,category,severity,term\n*,x,nope,high,A\n"}),
    ("lists_delete", {"id": 21, "type": "lists.delete", "domain": "*", "name": "competitors", "base_revision": 3}),
    ("lists_delete_missing", {"id": 22, "type": "lists.delete", "domain": "*", "name": "competitors",
                              "base_revision": 4}),
    ("stats", {"id": 23, "type": "stats"}),
    ("error_bad_json", "{\"id\":1,"),
    ("error_not_object", "[1,2]"),
    ("error_no_type", {"id": 24}),
    ("error_unknown_type", {"id": 25, "type": "lists.explode"}),
    ("error_missing_text", {"id": 26, "type": "analyze"}),
    ("error_wrong_type", {"id": 27, "type": "analyze", "text": "x", "revision": "7"}),
    ("error_bad_category", {"id": 28, "type": "analyze", "text": "x", "categories": ["pii", "gossip"]}),
    ("error_shared_texts_not_boolean", {"id": 41, "type": "analyze", "text": "x", "shared_texts": "yes"}),
    ("error_ignore_keys_not_boolean", {"id": 42, "type": "analyze", "text": "x", "ignore_keys": 1}),
    ("error_lone_surrogate", "{\"id\":29,\"type\":\"analyze\",\"text\":\"\\ud800\"}"),
    ("error_too_deep", "[" * 40 + "]" * 40),
    ("error_bad_id", {"id": [1], "type": "stats"}),
]


def wildcard(v, key=None):
    if key in VARY and (key != "terms" or not isinstance(v, list)):
        return dghost.ANY
    if isinstance(v, dict):
        return {k: wildcard(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [wildcard(x) for x in v]
    return v


def main():
    home = dghost.TempHome()
    h = dghost.Host(sys.argv[1], home)
    try:
        for name, req in CASES:
            if isinstance(req, str):
                h.send_raw(dghost.frame(req.encode()))
            else:
                h.send(req)
            reply = h.recv()
            print(json.dumps({"name": name, "request": req, "reply": wildcard(reply)}, ensure_ascii=False))
    finally:
        h.kill()
        home.cleanup()


if __name__ == "__main__":
    main()
