#!/usr/bin/env python3
"""Samples how far cascade-indexer is behind the node while a load runs (scripts/load/indexer-lib.sh).

    indexer-probe.py <node http url> <indexer http url>

Every 0.5 s: the node's finalized head and the indexer's /health (last block indexed, rows written
since it started, reconciliations run and how many differed). At SIGTERM or SIGINT — sent once the
indexer has caught up — prints one JSON line: blocks behind the finalized head (p50, p99, max over
the samples), rows written a second (mean over the intervals between samples in which it wrote,
and the best 5-second window), the reconciliations (every --check-every blocks) and how many found a difference.
"""
import json
import signal
import sys
import time
import urllib.request

node, indexer = sys.argv[1], sys.argv[2]
samples = []  # (time, finalized, indexed, rows, checks, differing)


def rpc(method):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": []}).encode()
    req = urllib.request.Request(node, body, {"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.load(r)["result"]


def finalized():
    head = rpc("chain_getFinalizedHead")
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "chain_getHeader", "params": [head]}).encode()
    req = urllib.request.Request(node, body, {"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return int(json.load(r)["result"]["number"], 16)


def health():
    try:
        with urllib.request.urlopen(indexer + "/health", timeout=5) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:  # 503: a reconciliation differed; the body says so
        return json.load(e)


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(*_):
    lags = [f - (i if i is not None else -1) for (_, f, i, *_rest) in samples]
    writing = [(t, r) for (t, _, _, r, *_rest) in samples]
    # Mean over the time it was writing: the intervals between samples in which rows were written.
    busy_rows = sum(r2 - r for (t, r), (t2, r2) in zip(writing, writing[1:]) if r2 > r)
    busy_time = sum(t2 - t for (t, r), (t2, r2) in zip(writing, writing[1:]) if r2 > r)
    mean = round(busy_rows / busy_time) if busy_time > 0 else None
    best = 0
    for i, (t, r) in enumerate(writing):
        for t2, r2 in writing[i + 1:]:
            if t2 - t >= 5:
                best = max(best, (r2 - r) / (t2 - t))
                break
    last = samples[-1] if samples else None
    print(json.dumps({
        "samples": len(samples),
        "behindFinalized": {"p50": percentile(lags, 50), "p99": percentile(lags, 99), "max": max(lags) if lags else None},
        "rowsPerSecond": {"mean": mean, "best5s": round(best)},
        "rowsWritten": last[3] if last else 0,
        "checks": last[4] if last else 0,
        "checksDiffering": last[5] if last else 0,
        "lastIndexed": last[2] if last else None,
    }))
    sys.exit(0)


signal.signal(signal.SIGTERM, report)
signal.signal(signal.SIGINT, report)
while True:
    try:
        f = finalized()
        h = health()
        samples.append((time.time(), f, h.get("indexed"), h.get("rowsWritten", 0), h.get("checks", 0), h.get("checksDiffering", 0)))
    except Exception as e:  # the node or the indexer not up yet, or busy: try again
        print(f"probe: {e}", file=sys.stderr)
    time.sleep(0.5)
