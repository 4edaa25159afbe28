#!/usr/bin/env bash
# Past one machine, as a recipe (not run in CI): a seeded corpus of N
# articles (examples/gen_corpus.rs, folders of 1,000), `crosscheck facts`
# on each folder as tasks of a local Dask cluster (LocalCluster, 2 worker
# processes), `crosscheck check --facts` on the shards, and a diff with a
# plain `crosscheck check` of the corpus (scripts/dask_check.py).
#
# Usage: scripts/dask_check.sh [N] [--workers W] [--format F] [--keep]
#   N          articles (default 5000; 5k, 20k also read)
#   --workers  Dask worker processes (default 2)
#   --format   the `check --format` compared (default json: the findings
#              and every fact)
#   --keep     keep the corpus (target/dask/corpus-N) and the shards
#              (target/dask/out-N) for the next run
#
# Makes a virtual environment in target/dask/venv (pip install dask
# distributed) the first time.
set -euo pipefail
cd "$(dirname "$0")/.."

n=5000 workers=2 format=json keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers="${2:?--workers needs a count}"; shift ;;
    --format) format="${2:?--format needs a format}"; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "dask_check.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) n="$1" ;;
  esac
  shift
done
case "$n" in *[kK]) n=$(( ${n%[kK]} * 1000 )) ;; esac
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "dask_check.sh: N must be a number of articles" >&2; exit 2; }

venv=target/dask/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import dask.distributed' 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet dask distributed
fi
"$venv/bin/python" -c 'import dask, distributed; print(f"dask {dask.__version__}, distributed {distributed.__version__}")'

cargo build --release --quiet --bin crosscheck --example gen_corpus
corpus="target/dask/corpus-$n" out="target/dask/out-$n"
if [ ! -f "$corpus/gen_corpus.manifest" ]; then
  rm -rf "$corpus"
  target/release/examples/gen_corpus "$n" "$corpus" 2> /dev/null
fi
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$corpus" "$out"; fi; }
trap cleanup EXIT
rm -rf "$out"
echo "corpus: $corpus, $(awk '$1 == "articles" { a = $2 } $1 == "bytes" { b = $2 } END { printf "%d articles, %.1f MB", a, b / 1e6 }' "$corpus/gen_corpus.manifest")"

"$venv/bin/python" scripts/dask_check.py --bin target/release/crosscheck \
  --corpus "$corpus" --out "$out" --workers "$workers" --format "$format"
