"""python3 -m factlint.batch on Dask, against the CLI: the parts, concatenated, are byte for byte
what `factlint check --format jsonl` writes for the same files (so every id has the CLI's report,
exactly once); a worker killed by its pid mid-run loses nothing; a resumed run rewrites nothing.

Marked `batch` (the ctest entry python_batch). The clusters are real: LocalCluster worker
processes, or dask-scheduler and dask-worker processes started here on 127.0.0.1."""

import gzip
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from conftest import BBC, GOLDEN, ROOT, run_cli

pytestmark = pytest.mark.batch
distributed = pytest.importorskip("distributed", reason="Dask distributed (Debian python3-distributed) is not installed")

ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
BATCH = [sys.executable, "-m", "factlint.batch"]


def texts():
    return [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))] + [
        (ROOT / "examples" / "example-article.txt").read_text(encoding="utf-8")]


def write_corpus(folder, megabytes):
    """A folder of archives from the project's own articles: a.jsonl (about `megabytes` MB, with
    bad lines, blank lines, a CRLF line and no final newline) and sub/b.jsonl.gz."""
    base = texts()
    lines, size, n = [], 0, 0
    while size < megabytes * 1e6:
        text = base[n % len(base)]
        request = {"id": f"a/{n}", "text": text}
        if n % 3 == 0:
            request["date"] = f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 10}"
        line = json.dumps(request, ensure_ascii=n % 2 == 0)
        if n % 997 == 5:
            line = line[: len(line) // 2]  # cut: not JSON
        elif n % 997 == 6:
            line = json.dumps({"id": f"a/{n}", "text": None})
        elif n % 997 == 7:
            line = json.dumps({"id": f"a/{n}", "text": "x", "date": "2005-02-30"})
        elif n % 997 == 8:
            line = "   \t"
        elif n % 997 == 9:
            line += "\r"
        lines.append(line)
        size += len(line) + 1
        n += 1
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    (folder / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no final newline
    gz = [json.dumps({"id": f"b/{k}", "text": base[k % len(base)]}) for k in range(40)] + ["{bad", ""]
    with gzip.open(folder / "sub" / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(gz) + "\n")
    (folder / "ignored.txt").write_text("not an archive")
    return [folder / "a.jsonl", folder / "sub" / "b.jsonl.gz"]


def cli_jsonl(files, tmp_path):
    """The CLI's output for each file (a .gz file decompressed first)."""
    out = []
    for f in files:
        if f.suffix == ".gz":
            plain = tmp_path / (f.name[:-3])
            plain.write_bytes(gzip.decompress(f.read_bytes()))
            f = plain
        out.append(run_cli("check", "--format", "jsonl", "--fail-on", "never", f, check_rc=(0, 2))[0])
    return out


def parts(out_dir):
    return sorted(pathlib.Path(out_dir).glob("part-*.jsonl"))


def joined(out_dir):
    return b"".join(p.read_bytes() for p in parts(out_dir))


def summary(out_dir):
    return json.loads((pathlib.Path(out_dir) / "_summary.json").read_text())


def assert_each_id_once(output, count):
    ids = [json.loads(line)["id"] for line in output.splitlines()]
    named = [i for i in ids if i is not None]
    assert len(named) == len(set(named))
    assert len(ids) == count


def start(cmd, log):
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=ENV, start_new_session=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A Dask cluster as a user starts one: dask-scheduler and two dask-worker processes (each with
    its nanny) on 127.0.0.1. Yields (address, a client of it, the cluster's processes)."""
    tmp = tmp_path_factory.mktemp("cluster")
    scheduler_file = tmp / "scheduler.json"
    log = open(tmp / "cluster.log", "wb")
    procs = [start(["dask-scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                    "--scheduler-file", str(scheduler_file)], log)]
    client = None
    try:
        deadline = time.monotonic() + 120
        while not scheduler_file.exists() and time.monotonic() < deadline:
            assert procs[0].poll() is None, (tmp / "cluster.log").read_text()
            time.sleep(0.05)
        address = json.loads(scheduler_file.read_text())["address"]
        for k in range(2):
            procs.append(start(["dask-worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1",
                                "--no-dashboard", "--local-directory", str(tmp / f"w{k}")], log))
        client = distributed.Client(address, timeout="60s")
        client.wait_for_workers(2, timeout=120)
        yield address, client
    finally:
        if client is not None:
            client.close()
        for p in reversed(procs):
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        log.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    files = write_corpus(folder, 6)
    per_file = cli_jsonl(files, tmp_path_factory.mktemp("cli"))
    return folder, files, b"".join(per_file), per_file


@pytest.mark.skipif(not BBC.exists(), reason=f"{BBC} is absent (../shared)")
def test_bbc_with_two_workers_equals_cli(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([*BATCH, str(BBC), str(out), "--workers", "2", "--partition-mb", "1"],
                          capture_output=True, text=True, timeout=240, env=ENV)
    assert proc.returncode == 0, proc.stderr
    expected = run_cli("check", "--format", "jsonl", "--fail-on", "never", BBC)[0]
    assert joined(out) == expected
    assert_each_id_once(expected, 2225)
    s = summary(out)
    assert (s["articles"], s["reports"], s["errors"], s["partitions"], s["parts_written"]) == (2225, 2225, 0, 6, 6)
    assert len(s["this_run"]["worker_memory"]) == 2
    by_rule = {}
    for line in expected.splitlines():
        for f in json.loads(line)["report"]["findings"]:
            by_rule.setdefault(f["rule"], {}).setdefault(f["severity"], 0)
            by_rule[f["rule"]][f["severity"]] += 1
    assert s["rules"] == by_rule


def test_folder_glob_gz_and_bad_lines_equal_cli(corpus, cluster, tmp_path):
    folder, files, expected, per_file = corpus
    address, _ = cluster
    out = tmp_path / "folder"
    proc = subprocess.run([*BATCH, str(folder), str(out), "--scheduler", address, "--partition-mb", "0.7"],
                          capture_output=True, text=True, timeout=240, env=ENV)
    assert proc.returncode == 2, proc.stderr  # as the CLI: bad lines make exit code 2
    assert joined(out) == expected
    s = summary(out)
    assert s["inputs"] == [str(f) for f in files]
    assert s["errors"] == expected.count(b'{"error":') >= 4
    assert s["articles"] == len(expected.splitlines())
    assert s["partitions"] == len(parts(out)) >= 10
    plan = json.loads((out / "_plan.json").read_text())
    assert [c["first_line"] for c in plan["chunks"]][:3] != [1, 1, 1], "a.jsonl is split, its parts count on"

    # A glob (here: the .gz file only).
    out = tmp_path / "glob"
    proc = subprocess.run([*BATCH, str(folder / "**" / "*.jsonl.gz"), str(out), "--scheduler", address],
                          capture_output=True, text=True, timeout=240, env=ENV)
    assert proc.returncode == 2, proc.stderr
    assert joined(out) == per_file[1]
    assert summary(out)["inputs"] == [str(files[1])]

    # A single file, with options: equal to the CLI with the same options.
    small = tmp_path / "small.jsonl"
    small.write_bytes(b"\n".join(files[0].read_bytes().split(b"\n")[:1200]))
    out = tmp_path / "options"
    options = ["--min-severity", "warning", "--disable", "FORMER_BUT_IN_OFFICE", "--kb", str(GOLDEN / "golden-kb.json")]
    proc = subprocess.run([*BATCH, str(small), str(out), "--scheduler", address, "--partition-mb", "0.1", *options],
                          capture_output=True, text=True, timeout=240, env=ENV)
    assert proc.returncode == 2, proc.stderr
    expected_small = run_cli("check", "--format", "jsonl", "--fail-on", "never", *options, small, check_rc=(2,))[0]
    assert joined(out) == expected_small
    assert b'"findings":[{' in expected_small, "the options leave findings to compare"


BAD_RUNS = [
    (["{tmp}/nothing-here", "{tmp}/o"], "no such file, folder or glob match"),
    (["{tmp}/ignored.txt", "{tmp}/o"], "not a .jsonl or .jsonl.gz file"),
    (["{corpus}", "{tmp}/o", "--kb", "{root}/tests/fixtures/kb/fail_bad_date.json"], "[kb_invalid_value]"),
    (["{corpus}", "{tmp}/o", "--kb", "{tmp}/missing.json"], "--kb"),
    (["{corpus}", "{tmp}/o", "--workers", "0"], "--workers must be at least 1"),
    (["{corpus}", "{tmp}/o", "--partition-mb", "0"], "--partition-mb must be more than 0"),
    (["{corpus}", "{root}/tests"], "not empty and has no _plan.json"),
]


@pytest.mark.parametrize("args,words", BAD_RUNS, ids=[w for _, w in BAD_RUNS])
def test_bad_runs_are_named(args, words, corpus, tmp_path, capsys):
    from factlint import batch  # noqa: PLC0415 (in this process: these fail before any cluster starts)
    (tmp_path / "ignored.txt").write_text("x")
    fill = {"tmp": tmp_path, "corpus": corpus[0], "root": ROOT}
    assert batch.main([a.format(**fill) for a in args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.startswith("factlint.batch: error: ")
    assert not (tmp_path / "o").exists(), "nothing is written before the arguments are known to be good"


def test_unreadable_partition_is_named(corpus, cluster, tmp_path):
    folder, files, _, per_file = corpus
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl.gz").write_bytes(files[1].read_bytes())
    (tmp_path / "in" / "b.jsonl.gz").write_bytes(files[1].read_bytes()[:-30])  # truncated
    out = tmp_path / "out"
    proc = subprocess.run([*BATCH, str(tmp_path / "in"), str(out), "--scheduler", cluster[0]],
                          capture_output=True, text=True, timeout=240, env=ENV)
    assert proc.returncode == 2
    assert "part-00001.jsonl not written" in proc.stderr and "b.jsonl.gz" in proc.stderr
    assert [p.name for p in parts(out)] == ["part-00000.jsonl"]
    assert joined(out) == per_file[1]
    assert summary(out)["parts_failed"][0]["part"] == "part-00001.jsonl"


def test_resume_writes_nothing_twice(corpus, cluster, tmp_path):
    folder, files, expected, _ = corpus
    out = tmp_path / "out"
    args = [*BATCH, str(folder), str(out), "--workers", "2", "--partition-mb", "0.2"]
    # An interrupted run: the batch and its LocalCluster killed at once (as a crash) mid-run.
    first = subprocess.Popen([*args[:6], "1", *args[7:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
                             start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while len(parts(out)) < 2 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    total = len(json.loads((out / "_plan.json").read_text())["chunks"])
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in parts(out)}
    assert 0 < len(before) < total, f"the first run was stopped mid-run ({len(before)} of {total} parts)"

    second = subprocess.run(args, capture_output=True, text=True, timeout=240, env=ENV)
    assert second.returncode == 2, second.stderr
    for name, stamp in before.items():
        p = out / name
        assert (p.stat().st_ino, p.stat().st_mtime_ns) == stamp, f"{name} was written again"
    s = summary(out)
    assert (s["parts_skipped"], s["parts_written"], s["parts_failed"]) == (len(before), total - len(before), [])
    assert joined(out) == expected
    assert not list(out.glob(".*.tmp")) + list(out.glob("_stats/.*.tmp")), "no temporary file is left"

    # Once more, on another cluster: everything is there, nothing is written, the counts are the same.
    stamps = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in parts(out)}
    third = subprocess.run([*args[:5], "--scheduler", cluster[0], *args[7:]], capture_output=True, text=True,
                           timeout=240, env=ENV)
    assert third.returncode == 2, third.stderr
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in parts(out)} == stamps
    s3 = summary(out)
    assert (s3["parts_skipped"], s3["parts_written"], s3["this_run"]["articles"]) == (total, 0, 0)
    assert (s3["articles"], s3["errors"], s3["rules"]) == (s["articles"], s["errors"], s["rules"])

    # Other options on the same OUT are refused, not mixed in.
    other = subprocess.run([*args[:-1], "0.3"], capture_output=True, text=True, timeout=120, env=ENV)
    assert other.returncode == 2 and "other partition_bytes" in other.stderr


def test_worker_killed_mid_run_loses_nothing(corpus, cluster, tmp_path):
    """Runs last: it kills a worker of the shared cluster (its nanny starts a new one)."""
    folder, files, expected, _ = corpus
    address, client = cluster
    out = tmp_path / "out"
    batch = subprocess.Popen([*BATCH, str(folder), str(out), "--scheduler", address, "--partition-mb", "0.1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    # As soon as the first part is written, kill (SIGKILL, by its pid) a worker that is checking.
    victim = None
    deadline = time.monotonic() + 180
    while victim is None and batch.poll() is None and time.monotonic() < deadline:
        if parts(out):
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                victim = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(victim, signal.SIGKILL)
        time.sleep(0.01)
    stdout, stderr = batch.communicate(timeout=240)
    assert victim is not None, f"no worker was busy after the first part: {stderr.decode()}"
    assert batch.returncode == 2, stderr.decode()  # the corpus has bad lines; nothing else failed
    total = len(json.loads((out / "_plan.json").read_text())["chunks"])
    s = summary(out)
    assert (s["parts_written"], s["parts_skipped"], s["parts_failed"]) == (total, 0, [])
    assert joined(out) == expected
    assert_each_id_once(expected, s["articles"])
    assert not list(out.glob(".*.tmp")), "no temporary file is left"
    status = pathlib.Path(f"/proc/{victim}/status")
    assert not status.exists() or "\nState:\tZ" in status.read_text(), "the killed worker is gone"
    client.wait_for_workers(2, timeout=120)  # the nanny replaced the dead worker
    assert victim not in client.run(os.getpid).values()
