#!/usr/bin/env bash
# The scale benchmark: `crosscheck check` on a seeded corpus of N news
# articles (examples/gen_corpus.rs: about 2.5 KB each, folders of 1,000, at
# least three figures the shipped rules claim in each, about 2.5% of the
# articles stating one conflicting figure), timed with /usr/bin/time for the
# wall time and the peak resident memory.
#
# Usage: benches/scale.sh N [--keep] [--threads T] [--seed S] [--runs R]
#                           [--timeout SECONDS] [--max-mem GB] [--warm]
#                           [--jsonl]
#   N          articles: 10000, or 10k, 100k, 1M
#   --keep     keep the corpus in target/scale/N for the next run (by default
#              it is deleted at the end; a corpus kept from an earlier run
#              with the same N, seed and generator is reused)
#   --threads  passed to `crosscheck check` (default: one per core)
#   --seed     the generator's seed (default 42)
#   --runs     how many times to run `check` (default 3 for N <= 100k, else
#              1); the line shows the median wall time and the median peak
#   --timeout  stop a run after SECONDS (`timeout`); --max-mem caps its
#              virtual memory (`ulimit -v`), so that an engine that blows up
#              fails the run instead of the machine
#   --jsonl    check the same articles as one gzip-compressed JSON Lines
#              file (target/scale/N.jsonl.gz, written by gen_corpus --jsonl
#              and kept like the folders) instead of 1,000 files a folder: no
#              file to open per article, a fifth of the bytes to read
#   --warm     read every file of the corpus once before the runs, so that
#              the first run finds them in the page cache as the others do
#              (a run that reads part of the corpus from disk takes up to
#              twice the wall and system time on this machine; with one run,
#              the default above 100k, that is the only run)
#
# Prints the corpus, the facts per article of the first folder (as
# `crosscheck facts` reads them), each run, and one line:
#   N, MB of input, facts, wall s, MB/s, peak RSS MB, user s, sys s
# (the CPU time too: where the files come from disk, the wall time is the
# disk's as much as crosscheck's)
# The output of `check` is not kept: its size and exit status are shown
# (1, findings, is what a corpus with conflicts gives).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "scale.sh: $*" >&2; exit 2; }

n="" keep=0 warm=0 jsonl=0 threads="" seed=42 runs="" timeout_s="" max_mem=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --warm) warm=1 ;;
    --jsonl) jsonl=1 ;;
    --threads) threads="${2:?--threads needs a count}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    --runs) runs="${2:?--runs needs a count}"; shift ;;
    --timeout) timeout_s="${2:?--timeout needs seconds}"; shift ;;
    --max-mem) max_mem="${2:?--max-mem needs gigabytes}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$n" ] || die "one N only"; n="$1" ;;
  esac
  shift
done
[ -n "$n" ] || die "usage: benches/scale.sh N [--keep] [--threads T] [--seed S] [--runs R] [--timeout S] [--max-mem GB] [--warm] [--jsonl]"
case "$n" in
  *[kK]) n=$(( ${n%[kK]} * 1000 )) ;;
  *M) n=$(( ${n%M} * 1000000 )) ;;
esac
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a number of articles (10000, 10k, 1M), not '$n'"
[[ "$seed" =~ ^[0-9]+$ ]] || die "--seed must be a number"
if [ -z "$runs" ]; then
  if [ "$n" -le 100000 ]; then runs=3; else runs=1; fi
fi

# /usr/bin/time (GNU time) gives the peak RSS; without it, bash's `time`
# gives the wall time only.
gnu_time=1
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f '%e' true 2>/dev/null; then
  gnu_time=0
  echo "scale.sh: WARNING: /usr/bin/time (GNU time) is not installed (Debian/Ubuntu: apt-get install time);" >&2
  echo "scale.sh: WARNING: timing with bash's 'time' instead, peak RSS will be n/a" >&2
fi
[ -z "$timeout_s" ] || command -v timeout > /dev/null || die "--timeout needs the 'timeout' command (coreutils)"

cargo build --release --quiet --bin crosscheck --example gen_corpus
bin=target/release/crosscheck

# The corpus: reused when the stamp (seed and the generator's checksum)
# matches, else written anew.
dir="target/scale/$n"
stamp="target/scale/$n.stamp"
want="seed $seed generator $(cksum < examples/gen_corpus.rs | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$dir/gen_corpus.manifest" ]; then
  how="reused"
else
  rm -rf "$dir" "$stamp"
  mkdir -p target/scale
  start=$(date +%s%N)
  target/release/examples/gen_corpus "$n" "$dir" --seed "$seed" 2> /dev/null
  end=$(date +%s%N)
  echo "$want" > "$stamp"
  # the corpus written out to disk before any run: a million articles are
  # 2.5 GB of dirty pages, whose write-back would otherwise be timed with
  # the first run of check
  sync
  how="generated in $(awk -v t=$(( (end - start) / 1000000 )) 'BEGIN { printf "%.1f", t / 1e3 }') s"
fi
# The same articles as one .jsonl.gz, kept and reused like the folders.
input="$dir"
if [ "$jsonl" = 1 ]; then
  input="target/scale/$n.jsonl.gz"
  if [ ! -f "$input" ] || [ "$(cat "$input.stamp" 2> /dev/null)" != "$want" ]; then
    rm -f "$input" "$input.stamp"
    target/release/examples/gen_corpus "$n" "$input" --jsonl --seed "$seed" 2> /dev/null
    echo "$want" > "$input.stamp"
    sync
  fi
  awk -v f="$input" -v b="$(wc -c < "$input")" 'BEGIN { printf "as JSON Lines: %s, %.1f MB gzipped\n", f, b / 1e6 }'
fi
cleanup() {
  if [ "$keep" = 0 ]; then
    rm -rf "$dir" "$stamp"
    [ "$jsonl" = 0 ] || rm -f "$input" "$input.stamp"
  fi
  rm -rf "${work:-}"
}
work="$(mktemp -d)"
trap cleanup EXIT

manifest() { awk -v k="$1" '$1 == k { print $2 }' "$dir/gen_corpus.manifest"; }
articles=$(manifest articles)
bytes=$(manifest bytes)
figures=$(manifest figures)
conflicts=$(manifest conflicts)
folders=$(( (articles + 999) / 1000 ))
awk -v a="$articles" -v b="$bytes" -v f="$figures" -v c="$conflicts" -v d="$folders" \
  -v s="$seed" -v how="$how" -v dir="$dir" 'BEGIN {
  printf "corpus: %s, seed %d, %d articles in %d folder%s, %.1f MB (%.0f bytes per article), %d figures written (%.2f per article), %d articles with a conflicting figure (%.1f%%); %s\n",
    dir, s, a, d, (d == 1 ? "" : "s"), b / 1e6, b / a, f, f / a, c, 100 * c / a, how
}'

# What the rules make of the first folder: facts per article.
first="$dir/0000"
in_first=$(find "$first" -name '*.md' | wc -l)
"$bin" facts --format jsonl "$first" | grep -o '"id":"[^"]*"' | sort | uniq -c | awk '{ print $1 }' > "$work/per-article"
awk -v n="$in_first" '{ s += $1; if (min == "" || $1 < min) min = $1; k++ }
  END {
    if (k < n) min = 0
    printf "facts per article (crosscheck facts, first folder, %d articles): average %.2f, fewest %d%s\n",
      n, s / n, min, (min < 3 ? "  <-- WARNING: fewer than 3" : "")
  }' "$work/per-article"

if [ "$warm" = 1 ]; then
  start=$(date +%s%N)
  find "$input" -type f -exec cat {} + > /dev/null
  end=$(date +%s%N)
  awk -v t=$(( (end - start) / 1000000 )) 'BEGIN { printf "warm: every file read once in %.1f s\n", t / 1e3 }'
fi

# The runs.
cores=$(nproc 2> /dev/null || echo "?")
echo "check: $bin check $input${threads:+ --threads $threads} (${threads:-$cores} threads of $cores cores), $runs run(s)${timeout_s:+, timeout $timeout_s s}${max_mem:+, at most $max_mem GB of virtual memory}"
cmd=("$bin" check "$input")
[ -z "$threads" ] || cmd+=(--threads "$threads")
walls=() rsss=() users=() syss=()
for r in $(seq "$runs"); do
  set +e
  (
    [ -z "$max_mem" ] || ulimit -v $(( max_mem * 1024 * 1024 ))
    limit=()
    [ -z "$timeout_s" ] || limit=(timeout "$timeout_s")
    if [ "$gnu_time" = 1 ]; then
      exec "${limit[@]}" /usr/bin/time -f '%e %M %U %S' -o "$work/time" "${cmd[@]}" > "$work/out" 2> "$work/err"
    else
      TIMEFORMAT='%R n/a %U %S'
      { time "${limit[@]}" "${cmd[@]}" > "$work/out" 2> "$work/err"; } 2> "$work/time"
    fi
  )
  rc=$?
  set -e
  out_bytes=$(wc -c < "$work/out")
  summary=$(tail -n 1 "$work/out")
  rm -f "$work/out"
  if [ "$rc" -gt 1 ]; then
    # a run that fails still gets its line: how long it ran, how much memory
    # it held when it stopped
    case "$rc" in
      124) reason="timed out after $timeout_s s" ;;
      134) reason="aborted (exit 134)"
           ! grep -q 'memory allocation of .* failed' "$work/err" || reason="out of memory: an allocation failed${max_mem:+ under the $max_mem GB limit}" ;;
      137) reason="killed (exit 137)" ;;
      *) reason="exit $rc" ;;
    esac
    echo "run $r: FAILED: $reason; the end of its stderr:" >&2
    tail -n 3 "$work/err" | sed 's/^/  /' >&2
    read -r wall rss <<< "$(grep -v '^Command' "$work/time" 2> /dev/null | tail -n 1)" || true
    [ "$rc" != 124 ] || wall=">$timeout_s"
    printf '\n%10s %10s %10s %10s %10s %12s\n' "N" "MB" "facts" "wall s" "MB/s" "peak RSS MB"
    awk -v n="$articles" -v b="$bytes" -v w="${wall:-}" -v m="${rss:-n/a}" -v why="$reason" 'BEGIN {
      printf "%10d %10.1f %10s %10s %10s %12s   FAILED: %s\n", n, b / 1e6, "-",
        (w == "" || w ~ />/ ? (w == "" ? "-" : w) : sprintf("%.2f", w)), "-", (m == "n/a" || m == "" ? "n/a" : sprintf("%.0f", m / 1024)), why
    }'
    exit 1
  fi
  read -r wall rss user sys <<< "$(grep -v '^Command' "$work/time" | tail -n 1)"
  walls+=("$wall") rsss+=("$rss") users+=("$user") syss+=("$sys")
  facts=$(sed -n 's/.*(\([0-9]*\) facts).*/\1/p' <<< "$summary")
  awk -v r="$r" -v w="$wall" -v m="$rss" -v o="$out_bytes" -v rc="$rc" -v b="$bytes" \
    -v u="$user" -v s="$sys" 'BEGIN {
    printf "run %d: wall %.2f s, %.1f MB/s, CPU %.2f s user + %.2f s system, peak RSS %s, exit %d, %.1f MB of output\n",
      r, w, b / 1e6 / w, u, s, (m == "n/a" ? "n/a" : sprintf("%.0f MB", m / 1024)), rc, o / 1e6
  }'
done
echo "check's summary: $summary"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
wall=$(median "${walls[@]}")
user=$(median "${users[@]}")
sys=$(median "${syss[@]}")
if [ "$gnu_time" = 1 ]; then rss=$(median "${rsss[@]}"); else rss="n/a"; fi
printf '\n%10s %10s %10s %10s %10s %12s %8s %8s\n' "N" "MB" "facts" "wall s" "MB/s" "peak RSS MB" "user s" "sys s"
awk -v n="$articles" -v b="$bytes" -v f="${facts:-?}" -v w="$wall" -v m="$rss" -v runs="$runs" \
  -v u="$user" -v s="$sys" 'BEGIN {
  printf "%10d %10.1f %10s %10.2f %10.1f %12s %8.2f %8.2f%s\n", n, b / 1e6, f, w, b / 1e6 / w,
    (m == "n/a" ? "n/a" : sprintf("%.0f", m / 1024)), u, s, (runs > 1 ? "   (medians of " runs " runs)" : "")
}'
