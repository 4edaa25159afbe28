#!/usr/bin/env bash
# Screenshots of the HTML report of the bundled corpus (fixtures/, rules/)
# in headless Chromium, at a desktop and a phone width, written to
# docs/report-desktop.png and docs/report-phone.png (the README shows them).
# Run by hand, not by `cargo test` or CI: it needs Chromium, from the
# distribution's packages (Debian: apt-get install -y chromium).
#
# Usage: scripts/screenshots.sh [REPORT.html]
#   REPORT.html  a report to shoot instead of the bundled corpus's
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "screenshots.sh: needs chromium (apt-get install -y chromium)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then
  cp "$1" "$work/report.html"
else
  cargo run --release -q -- report --format html --output "$work/report.html"
fi
mkdir -p docs
# name, width, height in CSS pixels
for shot in "desktop 1200 1500" "phone 360 1800"; do
  set -- $shot
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$2,$3" \
    --screenshot="$work/$1.png" "file://$work/report.html" 2>/dev/null
  mv "$work/$1.png" "docs/report-$1.png"
  echo "docs/report-$1.png: $2 x $3"
done
