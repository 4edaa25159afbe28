"""Past one machine, as a recipe: `crosscheck facts` on each shard of a
corpus as tasks of a Dask cluster, in parallel, then `crosscheck check
--facts` on the shards, and the same output as a plain `crosscheck check`
on the whole corpus (compared byte for byte).

Run by scripts/dask_check.sh, which makes the virtual environment, builds
crosscheck and writes the corpus. Here the cluster is a LocalCluster of
worker processes on this machine; on a real cluster, pass the scheduler's
address (`--scheduler tcp://host:8786`) and put the corpus, the rules and
the binary where every worker sees them at the same paths (a shared file
system), or let each task fetch its shard and upload its facts.

Usage: python scripts/dask_check.py --bin target/release/crosscheck
       --corpus DIR --out DIR [--workers 2] [--scheduler ADDRESS]
       [--format json]
Run from the project's folder: the default rules (`rules/`) and the
articles' paths are read from there, by the workers too.
"""

import argparse
import filecmp
import os
import subprocess
import sys
import time


def facts(binary, shard, out, cwd):
    """One task: `crosscheck facts SHARD --format jsonl > OUT`, one thread
    (the cluster runs the tasks side by side). Returns the shard, its wall
    time, exit status, facts and the errors it printed."""
    start = time.monotonic()
    with open(out, "wb") as sink:
        done = subprocess.run(
            [binary, "--threads", "1", "facts", shard, "--format", "jsonl"],
            stdout=sink,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
    seconds = time.monotonic() - start
    with open(out, "rb") as f:
        lines = sum(1 for _ in f)
    return shard, seconds, done.returncode, lines - 1, done.stderr.decode()


def timed(args, out, cwd):
    """`args` with standard output to the file `out`: wall time, status."""
    start = time.monotonic()
    with open(out, "wb") as sink:
        done = subprocess.run(args, stdout=sink, cwd=cwd)
    return time.monotonic() - start, done.returncode


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bin", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--scheduler", default=None)
    p.add_argument("--format", default="json")
    a = p.parse_args()

    from dask.distributed import Client, LocalCluster

    cwd = os.getcwd()
    binary = os.path.abspath(a.bin)
    os.makedirs(a.out, exist_ok=True)
    # the shards: the corpus's folders (gen_corpus writes folders of 1,000
    # articles), named as a run on the corpus names them
    shards = sorted(
        os.path.join(a.corpus, d)
        for d in os.listdir(a.corpus)
        if os.path.isdir(os.path.join(a.corpus, d))
    ) or [a.corpus]
    outs = [
        os.path.join(a.out, f"shard-{i:04d}.jsonl") for i in range(len(shards))
    ]

    begun = time.monotonic()
    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=a.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    where = f"scheduler {a.scheduler}" if a.scheduler else "LocalCluster"
    print(f"dask: {workers} workers ({where}, up in {time.monotonic() - begun:.2f} s), "
          f"{len(shards)} shards of {a.corpus}")

    start = time.monotonic()
    futures = client.map(
        facts, [binary] * len(shards), shards, outs, [cwd] * len(shards), pure=False
    )
    results = client.gather(futures)
    facts_wall = time.monotonic() - start
    failed = False
    for shard, seconds, code, n, errors in results:
        # every shard when there are few, else those that failed
        if len(results) <= 10 or code != 0:
            print(f"  facts {shard}: {n} facts in {seconds:.2f} s, exit {code}")
        if errors:
            print("    " + errors.strip().replace("\n", "\n    "))
        failed |= code != 0
    times = sorted(r[1] for r in results)
    print(f"  tasks: {sum(r[3] for r in results)} facts; {times[0]:.2f} s to "
          f"{times[-1]:.2f} s a shard, {sum(times):.2f} s in all")
    client.close()
    if cluster is not None:
        cluster.close()
    print(f"dask facts: {len(shards)} shards in {facts_wall:.2f} s wall")

    fmt = ["--format", a.format]
    shard_out = os.path.join(a.out, f"check-facts.{a.format}")
    plain_out = os.path.join(a.out, f"check-plain.{a.format}")
    t_shards, c_shards = timed([binary, "check", *fmt, "--facts", *outs], shard_out, cwd)
    print(f"check --facts {len(outs)} shards: {t_shards:.2f} s, exit {c_shards}")
    t_plain, c_plain = timed([binary, "check", a.corpus, *fmt], plain_out, cwd)
    print(f"check {a.corpus} (plain): {t_plain:.2f} s, exit {c_plain}")
    same = c_shards == c_plain and filecmp.cmp(shard_out, plain_out, shallow=False)
    size = os.path.getsize(plain_out) / 1e6
    print(f"dask total (facts + check --facts): {facts_wall + t_shards:.2f} s; plain check: {t_plain:.2f} s")
    if same:
        print(f"same output: check --format {a.format} ({size:.1f} MB) is byte for byte "
              f"the same, and so is the exit status ({c_plain})")
        return 1 if failed else 0
    print(f"DIFFERENT: {shard_out} and {plain_out} (exit {c_shards} and {c_plain})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
