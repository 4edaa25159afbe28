#!/usr/bin/env bash
# Times `crosscheck extract` and `grep -oE '[0-9][0-9,.]*'` on the same
# generated corpus (examples/newsgen.rs, seed 42) and prints the throughput
# of each and their ratio, for the news density (one figure per ~600 bytes,
# like the seed articles) and the dense one (one per ~115 bytes).
# Usage: benches/vs_grep.sh [MEGABYTES] (default 100). Medians of three runs
# each; the machine is shared and noisy. crosscheck runs once on one thread
# (the per-core figure) and once on all cores (what a user gets).
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet --bin crosscheck --example newsgen

seconds() { # median wall time of three runs of "$@", its output piped on
  # (grep stops at the first match when it writes straight to /dev/null)
  local runs=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" | wc -c > /dev/null
    end=$(date +%s%N)
    runs+=("$(( (end - start) / 1000 ))")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | awk '{ printf "%.3f", $1 / 1e6 }'
}

cores=$(nproc)
for density in news dense; do
  corpus="$dir/corpus-$density.txt"
  target/release/examples/newsgen "$mb" 42 "$density" > "$corpus"
  bytes=$(wc -c < "$corpus")
  one=$(seconds target/release/crosscheck --threads 1 extract --format jsonl "$corpus")
  all=$(seconds target/release/crosscheck extract --format jsonl "$corpus")
  gr=$(seconds grep -oE '[0-9][0-9,.]*' "$corpus")
  quantities=$(target/release/crosscheck extract --format jsonl "$corpus" | wc -l)
  awk -v d="$density" -v b="$bytes" -v o="$one" -v a="$all" -v g="$gr" -v q="$quantities" -v n="$cores" 'BEGIN {
    printf "%s corpus: %.1f MB, %d quantities (one per %d bytes)\n", d, b / 1e6, q, b / q
    printf "  crosscheck extract, 1 thread:   %6.2f s, %6.1f MB/s\n", o, b / 1e6 / o
    printf "  crosscheck extract, %d threads:  %6.2f s, %6.1f MB/s\n", n, a, b / 1e6 / a
    printf "  grep -oE:                       %6.2f s, %6.1f MB/s\n", g, b / 1e6 / g
    printf "  ratio to grep: %.1fx on 1 thread, %.1fx on %d threads\n", o / g, a / g, n
  }'
done
