#!/usr/bin/env bash
# Times `crosscheck extract` and `grep -oE '[0-9][0-9,.]*'` on the same
# generated corpus (examples/newsgen.rs, seed 42) and prints the throughput
# of each and their ratio, for the news density (one figure per ~600 bytes,
# like the seed articles) and the dense one (one per ~115 bytes).
#
# Usage: benches/vs_grep.sh [MEGABYTES] [ROUNDS] (defaults 100 and 5).
#
# The machine is shared and its speed comes in spells, so the commands run
# in rounds, interleaved (crosscheck on one thread, on all cores, grep), and
# the script prints the best and the median of each; the ratios compare the
# medians, and the bests, of runs made side by side. crosscheck on one thread
# is the per-core figure; on all cores, what a user gets.
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
rounds="${2:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet --bin crosscheck --example newsgen

# wall time of "$@" in milliseconds, its output piped on (grep stops at the
# first match when it writes straight to /dev/null)
millis() {
  local start end
  start=$(date +%s%N)
  "$@" | wc -c > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# best and median of the numbers on stdin
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%d %d", v[1], v[int((NR + 1) / 2)] }'; }

cores=$(nproc)
for density in news dense; do
  corpus="$dir/corpus-$density.txt"
  target/release/examples/newsgen "$mb" 42 "$density" > "$corpus"
  bytes=$(wc -c < "$corpus")
  quantities=$(target/release/crosscheck extract --format jsonl "$corpus" | wc -l)
  one=() all=() gr=()
  for _ in $(seq "$rounds"); do
    one+=("$(millis target/release/crosscheck --threads 1 extract --format jsonl "$corpus")")
    all+=("$(millis target/release/crosscheck extract --format jsonl "$corpus")")
    gr+=("$(millis grep -oE '[0-9][0-9,.]*' "$corpus")")
  done
  read -r one_best one_med <<< "$(printf '%s\n' "${one[@]}" | stats)"
  read -r all_best all_med <<< "$(printf '%s\n' "${all[@]}" | stats)"
  read -r gr_best gr_med <<< "$(printf '%s\n' "${gr[@]}" | stats)"
  awk -v d="$density" -v b="$bytes" -v q="$quantities" -v n="$cores" -v r="$rounds" \
    -v ob="$one_best" -v om="$one_med" -v ab="$all_best" -v am="$all_med" \
    -v gb="$gr_best" -v gm="$gr_med" 'BEGIN {
    mb = b / 1e6
    printf "%s corpus: %.1f MB, %d quantities (one per %d bytes), %d rounds\n", d, mb, q, b / q, r
    printf "  %-32s %16s %16s\n", "", "best", "median"
    printf "  %-32s %7.2f s %5.0f MB/s %7.2f s %5.0f MB/s\n", "crosscheck extract, 1 thread:", ob / 1e3, mb / (ob / 1e3), om / 1e3, mb / (om / 1e3)
    printf "  %-32s %7.2f s %5.0f MB/s %7.2f s %5.0f MB/s\n", "crosscheck extract, " n " threads:", ab / 1e3, mb / (ab / 1e3), am / 1e3, mb / (am / 1e3)
    printf "  %-32s %7.2f s %5.0f MB/s %7.2f s %5.0f MB/s\n", "grep -oE:", gb / 1e3, mb / (gb / 1e3), gm / 1e3, mb / (gm / 1e3)
    printf "  ratio to grep, 1 thread:  %.1fx (best), %.1fx (median)\n", ob / gb, om / gm
    printf "  ratio to grep, %d threads: %.1fx (best), %.1fx (median)\n", n, ab / gb, am / gm
  }'
done
