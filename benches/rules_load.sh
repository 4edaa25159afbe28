#!/usr/bin/env bash
# Times loading many rules, and matching text against them: rule folders of
# 100 and 1,000 metrics from the seeded generator examples/rulesgen.rs (two
# fifths from templates, patterns like the shipped and held-out rules), and
# 2 MB of generated news (examples/newsgen.rs, seed 42) in 473 articles.
#
#   load:  crosscheck --threads 1 facts --rules DIR <one short article>
#   match: crosscheck --threads 1 facts --format jsonl --rules DIR <news>
#
# Each is run ROUNDS times; the script prints the median wall time, CPU
# time (user + system) and peak resident memory (GNU time's maximum RSS).
# The machine is shared, so wall time comes in spells; CPU time less so.
#
# Usage: benches/rules_load.sh [ROUNDS] (default 5). CROSSCHECK=path times
# another build of the binary (an older commit's) on the same inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet --bin crosscheck --example rulesgen --example newsgen
bin="${CROSSCHECK:-target/release/crosscheck}"
if [ ! -x /usr/bin/time ]; then
  echo "rules_load.sh: needs GNU time at /usr/bin/time" >&2
  exit 2
fi

mkdir -p "$dir/empty" "$dir/news"
printf 'Nothing to read here.\n' > "$dir/empty/a.md"
# the news text in articles of eight paragraphs
target/release/examples/newsgen 2 42 news |
  awk -v out="$dir/news" 'BEGIN { RS = "\n\n" } { f = sprintf("%s/a%04d.md", out, int(NR / 8)); print $0 "\n" >> f; close(f) }'

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# runs "$@" $rounds times; prints median wall s, cpu s, max RSS MB
measure() {
  local walls=() cpus=() rss=() w u s m
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$dir/time" -f "%e %U %S %M" "$@" > /dev/null 2>&1 || true
    read -r w u s m < <(tail -1 "$dir/time")
    walls+=("$w")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
    rss+=("$m")
  done
  printf '%6.2f s %6.2f s %7.1f MB' \
    "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(awk -v k="$(printf '%s\n' "${rss[@]}" | median)" 'BEGIN { print k / 1024 }')"
}

echo "$bin, $rounds rounds, medians"
printf '%-22s %8s %8s %10s\n' "" "wall" "cpu" "peak RSS"
for n in 100 1000; do
  target/release/examples/rulesgen "$n" "$dir/rules-$n"
  printf '%-22s %s\n' "load $n metrics:" \
    "$(measure "$bin" --threads 1 facts --rules "$dir/rules-$n" "$dir/empty")"
  printf '%-22s %s\n' "match $n metrics:" \
    "$(measure "$bin" --threads 1 facts --format jsonl --rules "$dir/rules-$n" "$dir/news")"
done
