#!/usr/bin/env bash
# Instructions per article of `crosscheck check`, counted by valgrind
# (cachegrind, no cache simulation): it moves by less than 0.01% from run
# to run (hash seeds), so a change of a few percent shows on a shared,
# noisy machine where wall times do not. Complements benches/scale.sh, which gives wall time and memory.
#
# Usage: benches/instructions.sh [N] [--against BIN] [--seed S]
#   N          articles of the seeded corpus (examples/gen_corpus.rs; default
#              2000, written to target/instructions/N and kept)
#   --against  another build of crosscheck, counted the same way; the last
#              line gives the ratio of its instructions per article to this
#              build's
#   --seed     the generator's seed (default 42)
#
# `check --threads 1` runs once on the whole corpus and once on its first
# article alone (loading the rules and starting up); the difference over
# N - 1 articles is the cost of an article. Needs valgrind
# (Debian/Ubuntu: apt-get install valgrind). About a minute for 2000.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "instructions.sh: $*" >&2; exit 2; }

n=2000 other="" seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --against) other="${2:?--against needs a binary}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) n="$1" ;;
  esac
  shift
done
[[ "$n" =~ ^[1-9][0-9]*$ ]] && [ "$n" -ge 2 ] || die "N must be a number of articles, 2 or more, not '$n'"
command -v valgrind > /dev/null || die "valgrind is not installed (Debian/Ubuntu: apt-get install valgrind)"
[ -z "$other" ] || [ -x "$other" ] || die "--against: $other is not an executable"

cargo build --release --quiet --bin crosscheck --example gen_corpus
bin=target/release/crosscheck

dir="target/instructions/$n"
stamp="$dir.stamp"
want="seed $seed generator $(cksum < examples/gen_corpus.rs | cut -d' ' -f1)"
if ! { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }; then
  rm -rf "$dir" "$stamp"
  mkdir -p target/instructions
  target/release/examples/gen_corpus "$n" "$dir" --seed "$seed" 2> /dev/null
  echo "$want" > "$stamp"
fi
first=$(find "$dir" -name '*.md' | sort | awk 'NR == 1')
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# instructions of `check --threads 1 PATH` by BIN
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$1" check --threads 1 "$2" > /dev/null 2> "$work/err" || true
  awk '/I *refs:/ { gsub(",", "", $NF); print $NF }' "$work/err"
}

# one line for BIN: whole corpus, one article, per article
measure() {
  local all one
  all=$(count "$1" "$dir")
  one=$(count "$1" "$first")
  [ -n "$all" ] && [ -n "$one" ] || die "valgrind gave no count for $1 (see its output: $work/err)"
  awk -v b="$1" -v a="$all" -v o="$one" -v n="$n" 'BEGIN {
    printf "%-40s %15.0f %13.0f %11.0f\n", b, a, o, (a - o) / (n - 1)
  }'
}

printf "%-40s %15s %13s %11s\n" "build ($n articles, 1 thread)" "instructions" "startup" "per article"
line=$(measure "$bin")
echo "$line"
if [ -n "$other" ]; then
  against=$(measure "$other")
  echo "$against"
  awk -v a="$(echo "$line" | awk '{ print $NF }')" -v b="$(echo "$against" | awk '{ print $NF }')" \
    'BEGIN { printf "per article, --against / this build: %.3f\n", b / a }'
fi
