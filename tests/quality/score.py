#!/usr/bin/env python3
"""Score the real `draftguard` binary on a labelled corpus (held-out quality gate).

usage: score.py --bin PATH/draftguard [--corpus FILE]... [--context FILE]
                [--show-misses] [--min-label-recall X] [--max-benign-fpr Y]

Design decision: the engine is scored only through the CLI contract of
DESIGN.md (`draftguard scan --jsonl --lists FILE`), never through its
internals, so this gate measures exactly what a user gets, and it reads
nothing but the files given on the command line (by default the corpus and
scenario that sit next to this script).

Corpus: one JSON object a line, {"id","lang","domain","text","labels":[
{"category","evidence"}],"note"}; a post without labels is benign. The
context file describes the scenario's keyword lists per domain scope
({"org", "domains": {scope: {"codenames"|"clients"|"projects"|"competitors":
[terms]}}}); it is turned into the lists file the CLI reads.

Metrics (the definitions of the shared evaluation tool):
  * a *warning* is a finding of severity medium or high;
  * a label is *found* when a warning of the same category overlaps its
    evidence, spans compared in UTF-16 code units (the protocol's offsets),
    the evidence being located at its first occurrence in the text;
  * label_recall = found labels / labels;
  * post_recall = labelled posts with at least one warning / labelled posts;
  * benign_fpr = benign posts with at least one warning / benign posts;
  * warnings_on_evidence = warnings on labelled posts that overlap some
    label's evidence (any category) / warnings on labelled posts.

The last line printed is the summary. Exit status: 0 when every bound given
holds, 1 when a bound fails, 2 when the corpus is malformed or the binary
cannot be run or answers outside the contract.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
WARNING_SEVERITIES = frozenset({"medium", "high"})
CATEGORIES = ("confidential", "case_study", "strategy", "prelaunch",
              "competitor", "keyword", "pii")
# Scenario list name -> (finding category, severity) in the CLI lists file.
LIST_KINDS = {
    "codenames": ("keyword", "high"),
    "clients": ("keyword", "high"),
    "projects": ("keyword", "high"),
    "competitors": ("competitor", "medium"),
}
DEFAULT_LIST_KIND = ("keyword", "medium")


class ScoreError(Exception):
    """The corpus, the scenario or the binary is unusable: exit status 2."""


def utf16_units(s):
    """Length of `s` in UTF-16 code units (what JavaScript strings index)."""
    return len(s.encode("utf-16-le")) // 2


def evidence_span(text, evidence):
    """UTF-16 [start, end) of the first occurrence of `evidence`, or None."""
    at = text.find(evidence)
    if at < 0:
        return None
    start = utf16_units(text[:at])
    return start, start + utf16_units(evidence)


def overlaps(finding, span):
    return finding["start"] < span[1] and span[0] < finding["end"]


def load_corpus(paths):
    posts, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    post = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ScoreError(f"{where}: not JSON: {e}") from None
                if not isinstance(post.get("id"), str) or not isinstance(post.get("text"), str):
                    raise ScoreError(f"{where}: needs string 'id' and 'text'")
                if post["id"] in seen:
                    raise ScoreError(f"{where}: duplicate id {post['id']}")
                seen.add(post["id"])
                labels = post.setdefault("labels", [])
                for label in labels:
                    if label.get("category") not in CATEGORIES:
                        raise ScoreError(f"{where}: unknown category {label.get('category')!r}")
                    if evidence_span(post["text"], label.get("evidence") or "\0") is None:
                        raise ScoreError(f"{where}: evidence {label.get('evidence')!r} "
                                         "is not a substring of the text")
                posts.append(post)
    return posts


def lists_file_from_context(context):
    """The scenario's per-scope term groups in the CLI's lists-file shape."""
    domains = {}
    for scope, groups in context.get("domains", {}).items():
        lists = []
        for name, terms in groups.items():
            if isinstance(terms, list):
                category, severity = LIST_KINDS.get(name, DEFAULT_LIST_KIND)
                lists.append({"name": name, "category": category,
                              "severity": severity, "terms": terms})
        domains[scope] = {"lists": lists}
    return {"version": 1, "domains": domains}


def scan(binary, posts, lists):
    """Run `draftguard scan --jsonl` once over all posts: {id: findings}."""
    feed = "".join(json.dumps({"id": p["id"], "domain": p.get("domain", "linkedin.com"),
                               "text": p["text"]}, ensure_ascii=False) + "\n"
                   for p in posts)
    fd, lists_path = tempfile.mkstemp(prefix="draftguard-lists-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(lists, f, ensure_ascii=False)
        cmd = [binary, "scan", "--jsonl", "--lists", lists_path]
        try:
            proc = subprocess.run(cmd, input=feed.encode("utf-8"),
                                  capture_output=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ScoreError(f"cannot run {' '.join(cmd)}: {e}") from None
    finally:
        os.unlink(lists_path)
    if proc.returncode not in (0, 1):
        raise ScoreError(f"{binary} scan exited {proc.returncode}: "
                         f"{proc.stderr.decode(errors='replace')[:500]}")
    results = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise ScoreError(f"scan output is not JSON lines: {e}: {line[:200]!r}") from None
        findings = record.get("findings", [])
        for finding in findings:
            if not (isinstance(finding.get("start"), int)
                    and isinstance(finding.get("end"), int)):
                raise ScoreError(f"finding without integer start/end in "
                                 f"{record.get('id')}: {finding}")
        results[record.get("id")] = findings
    missing = [p["id"] for p in posts if p["id"] not in results]
    if missing:
        raise ScoreError(f"no result for {len(missing)} posts, e.g. {missing[:3]}")
    return results


def score(posts, results):
    """Compare findings with labels; returns a dict of counts and lists."""
    s = {"found": Counter(), "total": Counter(), "misses": [], "false_alarms": [],
         "benign": 0, "benign_flagged": 0, "positive": 0, "positive_flagged": 0,
         "warnings": 0, "warnings_on_evidence": 0}
    for post in posts:
        warnings = [f for f in results[post["id"]] if f.get("severity") in WARNING_SEVERITIES]
        if not post["labels"]:
            s["benign"] += 1
            if warnings:
                s["benign_flagged"] += 1
                s["false_alarms"].append((post["id"], warnings))
            continue
        s["positive"] += 1
        s["positive_flagged"] += bool(warnings)
        spans = []
        for label in post["labels"]:
            span = evidence_span(post["text"], label["evidence"])
            spans.append(span)
            s["total"][label["category"]] += 1
            if any(w.get("category") == label["category"] and overlaps(w, span)
                   for w in warnings):
                s["found"][label["category"]] += 1
            else:
                s["misses"].append((post["id"], label))
        s["warnings"] += len(warnings)
        s["warnings_on_evidence"] += sum(any(overlaps(w, sp) for sp in spans)
                                         for w in warnings)
    return s


def ratio(num, den):
    return num / den if den else 0.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="path to the draftguard binary")
    ap.add_argument("--corpus", action="append",
                    help="labelled JSONL file; repeat for several "
                         "(default: holdout.jsonl next to this script)")
    ap.add_argument("--context", default=os.path.join(HERE, "holdout_context.json"),
                    help="scenario keyword lists (default: holdout_context.json "
                         "next to this script)")
    ap.add_argument("--show-misses", action="store_true",
                    help="list missed labels and warnings on benign posts")
    ap.add_argument("--min-label-recall", type=float)
    ap.add_argument("--max-benign-fpr", type=float)
    args = ap.parse_args(argv)

    try:
        posts = load_corpus(args.corpus or [os.path.join(HERE, "holdout.jsonl")])
        with open(args.context, encoding="utf-8") as f:
            lists = lists_file_from_context(json.load(f))
        results = scan(args.bin, posts, lists)
    except (OSError, ValueError, ScoreError) as e:
        print(f"score: {e}", file=sys.stderr)
        return 2
    s = score(posts, results)

    print(f"{'category':<14}{'found':>7}{'labels':>8}{'recall':>8}")
    for c in CATEGORIES:
        if s["total"][c]:
            print(f"{c:<14}{s['found'][c]:>7}{s['total'][c]:>8}"
                  f"{s['found'][c] / s['total'][c]:>8.2f}")
    if args.show_misses:
        for pid, label in s["misses"]:
            print(f"MISS {pid} {label['category']}: {label['evidence'][:80]!r}")
        for pid, warnings in s["false_alarms"]:
            for w in warnings:
                print(f"FALSE-ALARM {pid} {w.get('category')}/{w.get('rule')}: "
                      f"{w.get('message', '')[:80]!r}")

    labels = sum(s["total"].values())
    label_recall = ratio(sum(s["found"].values()), labels)
    post_recall = ratio(s["positive_flagged"], s["positive"])
    benign_fpr = ratio(s["benign_flagged"], s["benign"])
    on_evidence = ratio(s["warnings_on_evidence"], s["warnings"])
    print(f"summary: label_recall={label_recall:.3f} post_recall={post_recall:.3f} "
          f"benign_fpr={benign_fpr:.3f} warnings_on_evidence={on_evidence:.3f} "
          f"posts={len(posts)} labels={labels}")

    failed = []
    if args.min_label_recall is not None and label_recall < args.min_label_recall:
        failed.append(f"label_recall {label_recall:.3f} < {args.min_label_recall}")
    if args.max_benign_fpr is not None and benign_fpr > args.max_benign_fpr:
        failed.append(f"benign_fpr {benign_fpr:.3f} > {args.max_benign_fpr}")
    for f in failed:
        print(f"score: bound failed: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
