#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12, installed into the tools folder on first use) against the built
# app on loopback, with Lighthouse's default mobile settings (a mid-range phone, 4× CPU slowdown,
# simulated slow 4G), using the system Chromium headless. Prints the performance, accessibility
# and best-practices scores and the main timings; the full report goes to target/lighthouse/.
# Usage: scripts/bench-lighthouse.sh [QUESTIONS] [--plain]   (after scripts/build.sh; QUESTIONS > 0
# adds a generated bank of that many questions to the catalogue). The app is served compressed,
# as real hosts serve it; --plain serves it without compression (a host that compresses nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
[ -f dist/index.html ] || { echo "no build in dist/: run scripts/build.sh first" >&2; exit 2; }
if ! command -v lighthouse >/dev/null; then
  npm install --silent --prefix "$ONTAP_TOOLS_DIR" lighthouse@12 >&2
fi
questions="${1:-0}"
plain=""
[ "${2:-}" = "--plain" ] && plain="--plain"
out=target/lighthouse
mkdir -p "$out"
cargo build --quiet --release -p ontap-e2e --bin bench
target/release/bench serve --questions "$questions" $plain > "$out/server.txt" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$out/server.txt" ] && break; sleep 0.1; done
url=$(head -n1 "$out/server.txt")
profile=$(mktemp -d)
CHROME_PATH="$CHROMIUM" lighthouse "$url" --quiet --output=json --output-path="$out/report.json" \
  --only-categories=performance,accessibility,best-practices \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=$profile"
rm -rf "$profile"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const c = r.categories, a = r.audits;
const score = k => Math.round(c[k].score * 100);
console.log(`performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}`);
for (const k of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index", "interactive", "cumulative-layout-shift"])
  console.log(`${a[k].title}: ${a[k].displayValue}`);
const failed = Object.values(a).filter(x => x.score !== null && x.score < 0.9 && x.scoreDisplayMode !== "informative" && x.scoreDisplayMode !== "manual" && x.scoreDisplayMode !== "notApplicable");
for (const x of failed) console.log(`below 90: ${x.id} (${x.displayValue || x.score})`);
' "$out/report.json"
