"""`make bench`, the batch step: factlint.batch on Dask with 1 and 2 worker processes on the same
corpus as bench/run.mjs (BBC News 2004-05 from ../shared, else project-written articles repeated to
about 1 MB, said so), beside the module checking the same lines in this one process without Dask.

Prints a table and adds "batch" to bench/results/latest.json (written by bench/run.mjs just before;
created when absent). Figures, not pass/fail. Each worker count runs `passes` times on a fresh
LocalCluster; the best checking time counts (the machine is shared, its load changes). Reported:
  articles/s  articles checked / seconds from submitting the partitions to the last part written
              (the cluster's start is not in it; it is reported apart, as wall seconds)
  memory      each worker process's resident memory at the end and its peak (the worker with its
              Python, Dask and the KB), and what building its Checker (loading the KB) added

usage: PYTHONPATH=build/native/site /usr/bin/python3 bench/batch.py [--quick]
env:   FACTLINT_SHARED (default ../shared), FACTLINT_BENCH_OUT (default bench/results/latest.json)
"""

import json
import os
import pathlib
import shutil
import sys
import tempfile
import time

import factlint
from factlint import batch

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("FACTLINT_SHARED") or ROOT.parent / "shared")
BBC = SHARED / "data" / "bbc-news-2004-2005" / "bbc_news_2004_2005.jsonl"
OUT = pathlib.Path(os.environ.get("FACTLINT_BENCH_OUT") or ROOT / "bench" / "results" / "latest.json")
QUICK = "--quick" in sys.argv


def corpus(tmp):
    if BBC.exists():
        return BBC, f"BBC News 2004-05 ({os.path.relpath(BBC, ROOT)})"
    texts = [p.read_text(encoding="utf-8") for d in ("examples", "tests/golden") for p in sorted((ROOT / d).glob("*.txt"))]
    lines, size = [], 0
    while size < 1e6:
        line = json.dumps({"id": len(lines), "text": texts[len(lines) % len(texts)]})
        lines.append(line)
        size += len(line) + 1
    path = tmp / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, "project-written articles repeated to ~1 MB (../shared is absent, so NOT the BBC corpus)"


def in_process(path):
    """The module alone: one process, one thread, no Dask (what the workers do, without Dask)."""
    checker = factlint.Checker()
    lines = path.read_bytes().split(b"\n")
    best = None
    for _ in range(1 if QUICK else 3):
        start = time.perf_counter()
        n = sum(1 for k, line in enumerate(lines, 1) if line.strip() and checker.check_jsonl(line, k))
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return {"articles": n, "seconds": best, "articles_per_second": n / best}


def on_dask(path, workers, partition_mb, tmp):
    runs = []
    for k in range(1 if QUICK else 2):
        out = tmp / f"out-{workers}-{k}"
        summary = batch.run(str(path), str(out), workers=workers, partition_mb=partition_mb, log=open(os.devnull, "w"))
        shutil.rmtree(out)
        runs.append(summary)
    best = min(runs, key=lambda s: s["this_run"]["checking_seconds"])["this_run"]
    memory = sorted(best["worker_memory"].values(), key=lambda m: m["rss_mb"])
    return {
        "workers": workers, "articles": best["articles"], "partitions": runs[0]["partitions"],
        "checking_seconds": best["checking_seconds"], "articles_per_second": best["articles_per_second"],
        "wall_seconds_with_cluster_start": best["wall_seconds"],
        "passes_articles_per_second": [r["this_run"]["articles_per_second"] for r in runs],
        "worker_rss_mb": [m["rss_mb"] for m in memory], "worker_peak_rss_mb": [m["peak_rss_mb"] for m in memory],
        "worker_checker_mb": [sum(m["checker_mb"].values()) for m in memory],
    }


def main():
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="factlint-bench-batch-"))
    try:
        path, note = corpus(tmp)
        size = path.stat().st_size
        partition_mb = max(size / 1e6 / 12, 0.05)  # about 12 partitions, so that 2 workers share them
        result = {"corpus": {"note": note, "bytes": size}, "partition_mb": partition_mb,
                  "cpus": os.cpu_count(), "load_average": os.getloadavg(), "in_process": in_process(path),
                  "dask": [on_dask(path, w, partition_mb, tmp) for w in (1, 2)]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    one, two = result["dask"]
    result["speedup_2_over_1"] = two["articles_per_second"] / one["articles_per_second"]
    lines = [
        f"Batch (factlint.batch on Dask, LocalCluster): {note}, {one['articles']} articles, "
        f"{one['partitions']} partitions of ~{partition_mb:.2f} MB; {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        "",
        "| run | articles/s | seconds checking | wall s with cluster start | per worker: RSS MB at end (peak), of which Checker+KB |",
        "|---|---:|---:|---:|---|",
        f"| module in one process, no Dask | {result['in_process']['articles_per_second']:.0f} | "
        f"{result['in_process']['seconds']:.2f} | | |",
    ]
    for d in result["dask"]:
        memory = "; ".join(f"{r:.0f} ({p:.0f}), {c:.0f}" for r, p, c in
                           zip(d["worker_rss_mb"], d["worker_peak_rss_mb"], d["worker_checker_mb"]))
        lines.append(f"| Dask, {d['workers']} worker process{'es' if d['workers'] > 1 else ''} | "
                     f"{d['articles_per_second']:.0f} | {d['checking_seconds']:.2f} | "
                     f"{d['wall_seconds_with_cluster_start']:.2f} | {memory} |")
    lines += ["", f"2 workers / 1 worker: {result['speedup_2_over_1']:.2f}x (2 cores, shared with Dask's scheduler, "
              "the nannies and whatever else runs)."]
    table = "\n".join(lines)
    print(table)
    result["table"] = table
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data["batch"] = result
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=2) + "\n")
    print(f"\nwrote batch into {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
