#!/usr/bin/env bash
# How long a report page takes to open in headless Chromium: the page is
# copied with a last script that forces style and layout of the whole page
# (`document.body.offsetHeight`) and writes `performance.now()` (ms since
# the navigation started: reading, parsing, style and layout) into the
# title, which `--dump-dom` prints. Run by hand (needs Chromium:
# apt-get install -y chromium); each run is a fresh browser.
#
# Usage: scripts/load-time.sh REPORT.html [RUNS]
set -euo pipefail
page="${1:?usage: scripts/load-time.sh REPORT.html [RUNS]}"
runs="${2:-3}"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "load-time.sh: needs chromium (apt-get install -y chromium)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$page" "$work/page.html"
echo '<script>document.body.offsetHeight;document.title="opened in "+Math.round(performance.now())+" ms";</script>' >> "$work/page.html"
echo "$(basename "$page"): $(wc -c < "$page") bytes"
for i in $(seq "$runs"); do
  "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$work/page.html" 2>/dev/null \
    | grep -o '<title>opened in [0-9]* ms</title>' | head -1 | sed 's/<[^>]*>//g'
done
