#!/usr/bin/env bash
# Times `crosscheck extract` and `grep -oE '[0-9][0-9,.]*'` on the same
# generated news-like corpus (examples/newsgen.rs, seed 42) and prints the
# throughput of each and their ratio. Usage: benches/vs_grep.sh [MEGABYTES]
# (default 100). Medians of three runs each; the machine is shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
corpus="$(mktemp -d)/corpus-${mb}mb.txt"
cargo build --release --quiet --bin crosscheck --example newsgen
target/release/examples/newsgen "$mb" 42 > "$corpus"
bytes=$(wc -c < "$corpus")

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

cc=$(seconds target/release/crosscheck extract --format jsonl "$corpus")
gr=$(seconds grep -oE '[0-9][0-9,.]*' "$corpus")
quantities=$(target/release/crosscheck extract --format jsonl "$corpus" | wc -l)
awk -v b="$bytes" -v c="$cc" -v g="$gr" -v q="$quantities" 'BEGIN {
  printf "corpus: %.1f MB, %d quantities\n", b / 1e6, q
  printf "crosscheck extract: %.2f s, %.1f MB/s\n", c, b / 1e6 / c
  printf "grep -oE:           %.2f s, %.1f MB/s\n", g, b / 1e6 / g
  printf "ratio (crosscheck time / grep time): %.1fx\n", c / g
}'
rm -f "$corpus"
