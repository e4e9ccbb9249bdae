"""Check archives on Dask: python3 -m factlint.batch IN OUT --workers N [options].

IN is a JSONL archive (.jsonl or .jsonl.gz), a folder of them, or a glob. Each line is a request of
`factlint check --format jsonl` ({"id", "text", "date"?}). OUT is a folder that receives, per
partition of the input, one part file part-NNNNN.jsonl whose lines are byte for byte what the CLI
writes for those input lines ({"id", "report"} or {"id", "error"}), plus _summary.json.

How it runs (docs/BATCH.md):
- The inputs are cut into partitions: a .jsonl file into byte ranges of about --partition-mb MB
  (a line belongs to the range where it starts), a .jsonl.gz file whole. Line numbers in error
  lines are those of the file, as the CLI gives them: for a file cut in several ranges, the lines
  before each range are counted first (one pass over the bytes, on the workers).
- The articles are a Dask bag (one element per input line, one bag partition per input
  partition). Each partition is checked on a worker and written as its part file; the KB is loaded
  once per worker process (a worker plugin builds the worker's Checker, also on workers that join
  or replace a dead one later).
- Without --scheduler, a LocalCluster of N worker processes (one thread each) runs the bag; with
  --scheduler ADDRESS (tcp://host:port) the run joins that cluster (dask-scheduler/dask-worker).
- Nothing is lost: a bad line gives an error line; a partition whose worker died is re-run by
  Dask on another worker; a part is written to a temporary file and renamed when complete, after
  its counts (_stats/part-NNNNN.json). A run started again on the same OUT with the same inputs and
  options skips the complete parts and writes only the others (OUT/_plan.json pins both).

Exit codes, as the CLI with --fail-on never: 0 every line was checked, 2 some line was not a valid
request (its error line is in the output) or a partition could not be read; 2 also for usage, KB
and output-folder errors, with a message naming the problem.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import gzip
import hashlib
import json
import os
import resource
import sys
import time
import uuid
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

PLAN = "_plan.json"
SUMMARY = "_summary.json"
STATS = "_stats"
PLAN_VERSION = 1
SEVERITIES = ("info", "warning", "error")


class BatchError(Exception):
    """A problem with the arguments, the inputs, the KB or OUT, named for the user (exit 2)."""


# --- planning ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Chunk:
    """One partition: lines of `path` that start in [start, end) (whole file when end is None)."""
    index: int
    path: str
    start: int
    end: Optional[int]
    first_line: int  # the file's line number of the partition's first line (0 until counted)

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.jsonl"


def expand_inputs(spec: str) -> List[str]:
    """The archive files named by IN (a file, a folder searched recursively, or a glob), sorted."""
    if os.path.isdir(spec):
        found = [os.path.join(d, f) for d, _, files in os.walk(spec) for f in files]
    elif glob.has_magic(spec):
        found = [p for p in glob.glob(spec, recursive=True) if os.path.isfile(p)]
    elif os.path.isfile(spec):
        if not spec.endswith((".jsonl", ".jsonl.gz")):
            raise BatchError(f"{spec}: not a .jsonl or .jsonl.gz file")
        return [os.path.abspath(spec)]
    else:
        raise BatchError(f"{spec}: no such file, folder or glob match")
    files = sorted(os.path.abspath(p) for p in found if p.endswith((".jsonl", ".jsonl.gz")))
    if not files:
        raise BatchError(f"{spec}: no .jsonl or .jsonl.gz files there")
    return files


def plan_chunks(files: Sequence[str], partition_bytes: int) -> List[Chunk]:
    """Partitions in input order; first_line is 1 for the first partition of a file, else 0."""
    chunks: List[Chunk] = []
    for path in files:
        size = os.path.getsize(path)
        if path.endswith(".gz"):
            chunks.append(Chunk(len(chunks), path, 0, None, 1))
            continue
        for start in range(0, size, partition_bytes):
            end = min(start + partition_bytes, size)
            chunks.append(Chunk(len(chunks), path, start, end, 1 if start == 0 else 0))
    return chunks


def count_newlines(path: str, start: int, end: int) -> int:
    """Newlines in bytes [start, end) of a file (runs on a worker)."""
    count = 0
    with open(path, "rb") as f:
        f.seek(start)
        left = end - start
        while left > 0:
            block = f.read(min(left, 1 << 22))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return count


def number_chunks(chunks: List[Chunk], count: Any) -> List[Chunk]:
    """Sets first_line of every chunk. A line starting at byte p belongs to the chunk holding p, so
    the lines of a file before its chunk starting at s > 0 are those starting in [0, s): one plus the
    newlines in [0, s - 1); the chunk's first line is the next. The ranges between consecutive
    chunk starts tile [0, s - 1); `count` maps [(path, a, b)] to their newline counts."""
    ranges, owners = [], []
    previous: Dict[str, int] = {}
    for c in chunks:
        if c.end is None:
            continue
        if c.start > 0:
            ranges.append((c.path, max(previous[c.path] - 1, 0), c.start - 1))
            owners.append(c.index)
        previous[c.path] = c.start
    by_index = dict(zip(owners, count(ranges) if ranges else []))
    out = list(chunks)
    before: Dict[str, int] = {}  # newlines of the file before the current chunk's start - 1
    for i, c in enumerate(out):
        if c.end is None or c.start == 0:
            before[c.path] = 0
            continue
        before[c.path] += by_index[c.index]
        out[i] = dataclasses.replace(c, first_line=before[c.path] + 2)
    return out


def read_chunk(chunk: Chunk) -> List[Tuple[int, bytes]]:
    """The lines of one partition as (line number in the file, bytes without the newline)."""
    out: List[Tuple[int, bytes]] = []
    line_no = chunk.first_line
    if chunk.end is None:
        with gzip.open(chunk.path, "rb") if chunk.path.endswith(".gz") else open(chunk.path, "rb") as f:
            for raw in f:
                out.append((line_no, raw[:-1] if raw.endswith(b"\n") else raw))
                line_no += 1
        return out
    with open(chunk.path, "rb") as f:
        position = chunk.start
        if chunk.start > 0:
            f.seek(chunk.start - 1)
            skipped = f.readline()  # the rest of the line that started in the previous chunk
            position = chunk.start - 1 + len(skipped)
        while position < chunk.end:
            raw = f.readline()
            if not raw:
                break
            out.append((line_no, raw[:-1] if raw.endswith(b"\n") else raw))
            position += len(raw)
            line_no += 1
    return out


# --- on the workers ------------------------------------------------------------------------------

_CHECKERS: Dict[str, Any] = {}  # KB key -> the worker process's Checker
_KB_RSS: Dict[str, int] = {}    # KB key -> bytes of resident memory the Checker added


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def checker_for(key: str, kb_json: Optional[bytes]) -> Any:
    """The Checker of this process for the KB `key`, built on first use."""
    checker = _CHECKERS.get(key)
    if checker is None:
        import factlint  # noqa: PLC0415 (on the worker)
        before = _rss_bytes()
        checker = factlint.Checker(kb_json)
        _KB_RSS[key] = _rss_bytes() - before
        _CHECKERS[key] = checker
    return checker


class CheckerPlugin:
    """A Dask worker plugin (distributed takes any object with `setup`): builds the Checker once on
    every worker process of the cluster, including workers that join (or replace a dead one) after
    the run started. Not a WorkerPlugin subclass, so that this module imports without distributed."""

    def __init__(self, key: str, kb_json: Optional[bytes]) -> None:
        self.key = key
        self.kb_json = kb_json

    def setup(self, worker: Any) -> None:
        checker_for(self.key, self.kb_json)


def _atomic_write(path: str, data: bytes) -> None:
    tmp = f"{os.path.dirname(path)}/.{os.path.basename(path)}.{uuid.uuid4().hex}.tmp"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def empty_stats() -> Dict[str, Any]:
    return {"articles": 0, "reports": 0, "errors": 0, "findings": {s: 0 for s in SEVERITIES}, "rules": {},
            "bytes": 0, "seconds": 0.0}


def add_stats(total: Dict[str, Any], part: Dict[str, Any]) -> None:
    for k in ("articles", "reports", "errors", "bytes", "seconds"):
        total[k] += part[k]
    for s in SEVERITIES:
        total["findings"][s] += part["findings"][s]
    for rule, by_severity in part["rules"].items():
        mine = total["rules"].setdefault(rule, {})
        for s, n in by_severity.items():
            mine[s] = mine.get(s, 0) + n


def check_partition(lines: Iterable[Tuple[int, bytes]], chunks: List[Chunk], out_dir: str, key: str,
                    min_severity: Optional[str], disable: Sequence[str]) -> List[Dict[str, Any]]:
    """Checks one partition of the bag and writes its part (then renames it into place), with the
    Checker that CheckerPlugin built on this worker (the KB never travels with the tasks)."""
    (chunk,) = chunks
    started = time.perf_counter()
    checker = _CHECKERS.get(key)
    if checker is None:
        raise RuntimeError(f"no Checker for KB {key} on this worker: the factlint worker plugin did not run")
    stats = empty_stats()
    stats["part"] = chunk.name
    out: List[str] = []
    for line_no, line in lines:
        stats["bytes"] += len(line) + 1
        if not line.strip(b" \t\r"):
            continue  # as the CLI: blank lines give no output line
        result = checker.check_jsonl(line, line_no, min_severity, disable)
        stats["articles"] += 1
        out.append(result)
        if result.startswith('{"error":'):
            stats["errors"] += 1
            continue
        stats["reports"] += 1
        # Parse only reports with findings. The last raw `"findings":` of the line is the report's
        # key: keys are sorted, only "kb" and "sentences" follow it, and quotes inside strings
        # (the id's, the findings') are escaped.
        at = result.rfind('"findings":')
        if result.startswith("[]", at + len('"findings":')):
            continue
        for finding in json.loads(result)["report"]["findings"]:
            severity, rule = finding["severity"], finding["rule"]
            stats["findings"][severity] += 1
            by_severity = stats["rules"].setdefault(rule, {})
            by_severity[severity] = by_severity.get(severity, 0) + 1
    stats["seconds"] = time.perf_counter() - started
    data = "".join(line + "\n" for line in out).encode()
    _atomic_write(os.path.join(out_dir, STATS, chunk.name[:-len(".jsonl")] + ".json"), json.dumps(stats).encode())
    _atomic_write(os.path.join(out_dir, chunk.name), data)  # the part exists only when complete
    return [stats]


def worker_memory() -> Dict[str, Any]:
    """This worker process's resident memory now and at its peak, and the share of its Checker."""
    return {"rss_mb": _rss_bytes() / 1e6, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,
            "checker_mb": {k: v / 1e6 for k, v in _KB_RSS.items()}}


# --- the run -------------------------------------------------------------------------------------


def _input_fingerprint(files: Sequence[str]) -> List[Dict[str, Any]]:
    return [{"path": p, "size": os.path.getsize(p), "mtime_ns": os.stat(p).st_mtime_ns} for p in files]


def _load_plan(out_dir: str, expected: Dict[str, Any]) -> Optional[List[Chunk]]:
    """The chunks of an earlier run on OUT when it had the same inputs and options; None when OUT
    is new or empty; BatchError when OUT holds something else."""
    path = os.path.join(out_dir, PLAN)
    if not os.path.exists(path):
        if os.path.isdir(out_dir) and any(not n.startswith(".") for n in os.listdir(out_dir)):
            raise BatchError(f"{out_dir}: the output folder is not empty and has no {PLAN} (not a factlint.batch output)")
        return None
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    for field in ("version", "inputs", "partition_bytes", "options"):
        if plan.get(field) != expected[field]:
            raise BatchError(f"{out_dir}: holds a run with other {field} (see {PLAN}); "
                             "give a new OUT, or delete this one to start over")
    return [Chunk(**c) for c in plan["chunks"]]


def _remove_temporary_files(out_dir: str) -> None:
    for folder in (out_dir, os.path.join(out_dir, STATS)):
        for name in os.listdir(folder):
            if name.startswith(".part-") and name.endswith(".tmp"):
                os.remove(os.path.join(folder, name))


def _count_on_cluster(ranges: List[Tuple[str, int, int]]) -> List[int]:
    import dask.bag as db  # noqa: PLC0415
    return db.from_sequence(ranges, partition_size=max(1, len(ranges) // 64 or 1)).starmap(count_newlines).compute()


def run(in_spec: str, out_dir: str, workers: int = 2, scheduler: Optional[str] = None, kb_path: Optional[str] = None,
        partition_mb: float = 32.0, min_severity: Optional[str] = None, disable: Sequence[str] = (),
        progress: bool = False, log: Any = sys.stderr) -> Dict[str, Any]:
    """Runs a batch; returns the summary (also written to OUT/_summary.json)."""
    import factlint  # noqa: PLC0415

    if workers < 1:
        raise BatchError("--workers must be at least 1")
    if not partition_mb > 0:
        raise BatchError("--partition-mb must be more than 0")
    if min_severity is not None and min_severity not in SEVERITIES:
        raise BatchError(f"--min-severity: '{min_severity}' is not one of info, warning, error")
    kb_json: Optional[bytes] = None
    if kb_path:
        try:
            with open(kb_path, "rb") as f:  # bytes: the core reads the KB as UTF-8 and names bad bytes
                kb_json = f.read()
        except OSError as e:
            raise BatchError(f"--kb {kb_path}: cannot read ({e.strerror})") from e
        errors = factlint.kb_check(kb_json)
        if errors:
            raise BatchError("\n".join(f"{kb_path}:{e.line}:{e.column}: error: [{e.kind}] "
                                       f"{e.path + ': ' if e.path else ''}{e.message}" for e in errors))
    # The KB's identity, pinned in OUT/_plan.json: its text, or for the bundled KB the built module
    # that embeds it (a rebuild may change the reports, so a resume across it is refused).
    if kb_json is not None:
        key = "kb-" + hashlib.sha256(kb_json).hexdigest()[:16]
    else:
        import importlib.util  # noqa: PLC0415
        spec = importlib.util.find_spec("factlint._factlint")
        assert spec is not None and spec.origin is not None
        with open(spec.origin, "rb") as f:
            key = "bundled-" + hashlib.sha256(f.read()).hexdigest()[:16]

    files = expand_inputs(in_spec)
    partition_bytes = max(1, int(partition_mb * 1e6))
    expected = {"version": PLAN_VERSION, "inputs": _input_fingerprint(files), "partition_bytes": partition_bytes,
                "options": {"kb": key, "min_severity": min_severity, "disable": sorted(disable)}}
    chunks = _load_plan(out_dir, expected)
    os.makedirs(os.path.join(out_dir, STATS), exist_ok=True)

    import dask  # noqa: PLC0415 (Dask only once the arguments are known to be good: it takes a while)
    import dask.bag as db  # noqa: PLC0415
    from distributed import Client, LocalCluster, wait  # noqa: PLC0415

    _remove_temporary_files(out_dir)  # of writers that died

    cluster = None
    started = time.perf_counter()
    with dask.config.set({"distributed.scheduler.allowed-failures": 5}):
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=40)
            client = Client(cluster)
        try:
            client.register_worker_plugin(CheckerPlugin(key, kb_json), name=f"factlint-{key}", nanny=False)
            n_workers = len(client.scheduler_info()["workers"])
            if chunks is None:
                chunks = number_chunks(plan_chunks(files, partition_bytes), _count_on_cluster)
                _atomic_write(os.path.join(out_dir, PLAN), json.dumps(
                    {**expected, "chunks": [dataclasses.asdict(c) for c in chunks]}, indent=1).encode())
            done = {c.name for c in chunks if os.path.exists(os.path.join(out_dir, c.name))
                    and os.path.exists(os.path.join(out_dir, STATS, c.name[:-len(".jsonl")] + ".json"))}
            pending = [c for c in chunks if c.name not in done]
            print(f"factlint.batch: {len(files)} file(s), {len(chunks)} partition(s), {len(done)} already written; "
                  f"{n_workers} worker(s) at {client.scheduler.address}", file=log)

            checking_started = time.perf_counter()
            failed: List[Tuple[str, str]] = []
            if pending:
                articles = db.from_delayed([dask.delayed(read_chunk, pure=True)(c) for c in pending])
                specs = db.from_sequence(pending, partition_size=1)
                written = articles.map_partitions(check_partition, specs, out_dir, key, min_severity, list(disable))
                futures = client.compute(written.to_delayed())
                if progress:
                    from distributed import progress as show_progress  # noqa: PLC0415
                    show_progress(futures)
                wait(futures)
                for chunk, future in zip(pending, futures):
                    if future.status != "finished":
                        try:
                            reason = repr(future.exception())
                        except Exception as e:  # noqa: BLE001 (cancelled: the reason is the status)
                            reason = f"{future.status} ({e!r})"
                        failed.append((chunk.name, f"{chunk.path}: {reason}"))
            checking_seconds = time.perf_counter() - checking_started
            memory = client.run(worker_memory)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    _remove_temporary_files(out_dir)  # of tasks whose worker died mid-write

    total = empty_stats()
    this_run = empty_stats()
    for c in chunks:
        stats_path = os.path.join(out_dir, STATS, c.name[:-len(".jsonl")] + ".json")
        if not os.path.exists(os.path.join(out_dir, c.name)) or not os.path.exists(stats_path):
            continue
        with open(stats_path, encoding="utf-8") as f:
            part = json.load(f)
        add_stats(total, part)
        if c.name not in done:
            add_stats(this_run, part)
    summary = {
        "inputs": files, "partitions": len(chunks), "parts_skipped": len(done),
        "parts_written": len(pending) - len(failed), "parts_failed": [{"part": p, "error": e} for p, e in failed],
        "articles": total["articles"], "reports": total["reports"], "errors": total["errors"],
        "findings": total["findings"], "rules": dict(sorted(total["rules"].items())),
        "this_run": {"articles": this_run["articles"], "workers": n_workers, "checking_seconds": checking_seconds,
                     "wall_seconds": time.perf_counter() - started,
                     "articles_per_second": this_run["articles"] / checking_seconds if checking_seconds > 0 else None,
                     "worker_memory": memory},
    }
    _atomic_write(os.path.join(out_dir, SUMMARY), (json.dumps(summary, indent=1) + "\n").encode())
    return summary


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m factlint.batch", description=(
        "Check JSONL archives ({\"id\", \"text\", \"date\"?} per line; .jsonl or .jsonl.gz) on Dask. "
        "Writes OUT/part-NNNNN.jsonl (the lines of `factlint check --format jsonl`) and OUT/_summary.json; "
        "run again on the same OUT to resume."))
    parser.add_argument("input", metavar="IN", help="a .jsonl/.jsonl.gz file, a folder of them, or a glob")
    parser.add_argument("output", metavar="OUT", help="the output folder (created; resumed when it holds this run)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes of the local cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="join this Dask scheduler (tcp://host:port) instead")
    parser.add_argument("--kb", metavar="FILE", help="the KB (default: the bundled kb/world.json)")
    parser.add_argument("--partition-mb", type=float, default=32.0, metavar="M", help="about M MB of input per part (default 32)")
    parser.add_argument("--min-severity", choices=SEVERITIES, help="drop findings below this severity")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE", help="silence a rule (repeatable)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    args = parser.parse_args(argv)
    try:
        summary = run(args.input, args.output, workers=args.workers, scheduler=args.scheduler, kb_path=args.kb,
                      partition_mb=args.partition_mb, min_severity=args.min_severity, disable=args.disable,
                      progress=sys.stdout.isatty() and not args.no_progress)
    except BatchError as e:
        print(f"factlint.batch: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"factlint.batch: interrupted; complete parts are kept in {args.output}: run the same command again "
              "to resume", file=sys.stderr)
        return 130
    run_ = summary["this_run"]
    findings = summary["findings"]
    rate = run_["articles_per_second"]
    print(f"factlint.batch: {summary['articles']} articles ({summary['reports']} reports, {summary['errors']} bad lines) "
          f"in {summary['partitions']} parts ({summary['parts_written']} written, {summary['parts_skipped']} skipped); "
          f"findings: {findings['error']} error, {findings['warning']} warning, {findings['info']} info")
    print(f"factlint.batch: this run: {run_['articles']} articles in {run_['checking_seconds']:.2f} s on "
          f"{run_['workers']} worker(s) ({rate:.0f} articles/s; {run_['wall_seconds']:.2f} s with the cluster's start)"
          if rate else f"factlint.batch: this run: nothing to check ({run_['wall_seconds']:.2f} s)")
    for address, mem in sorted(run_["worker_memory"].items()):
        checker = sum(mem["checker_mb"].values())
        print(f"factlint.batch: worker {address}: {mem['rss_mb']:.0f} MB resident (peak {mem['peak_rss_mb']:.0f} MB), "
              f"of which its Checker (KB loaded) {checker:.0f} MB")
    print(f"factlint.batch: summary in {os.path.join(args.output, SUMMARY)}")
    for failure in summary["parts_failed"]:
        print(f"factlint.batch: error: {failure['part']} not written: {failure['error']}", file=sys.stderr)
    if summary["parts_failed"]:
        print("factlint.batch: run the same command again to retry the parts not written", file=sys.stderr)
    return 2 if summary["errors"] or summary["parts_failed"] else 0


if __name__ == "__main__":
    # Run the copy imported as factlint.batch, not this __main__ module: the functions and the plugin
    # shipped to the workers must be found there by name (and share that module's Checker cache).
    from factlint.batch import main as _main
    sys.exit(_main())
