#!/usr/bin/env bash
# Measures what a first visit downloads apart from the question banks: every file in dist/
# except dist/questions/ (html, js, wasm, css, icons, manifest, service worker), raw, gzip -9
# (the gzip command) and brotli (quality 11, through Node's built-in zlib). Prints a Markdown table.
# Usage: scripts/bench-size.sh [DIST]   (after scripts/build.sh; DIST defaults to dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[ -f "$dist/index.html" ] || { echo "no build in $dist/: run scripts/build.sh first" >&2; exit 2; }
find "$dist" -type f -not -path "$dist/questions/*" | sort | node -e '
const fs = require("fs"), zlib = require("zlib"), { execFileSync } = require("child_process");
const files = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
const rows = [], total = [0, 0, 0];
for (const f of files) {
  const raw = fs.readFileSync(f);
  const gz = execFileSync("gzip", ["-9", "-c", "-n"], { input: raw, maxBuffer: 1 << 28 }).length;
  const br = zlib.brotliCompressSync(raw, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
  rows.push([f.replace(/^[^/]*\//, ""), raw.length, gz, br]);
  total[0] += raw.length; total[1] += gz; total[2] += br;
}
const kb = n => (n / 1024).toFixed(1);
console.log("| file | raw KiB | gzip -9 KiB | brotli 11 KiB |");
console.log("|---|---:|---:|---:|");
for (const [f, r, g, b] of rows) console.log(`| ${f} | ${kb(r)} | ${kb(g)} | ${kb(b)} |`);
console.log(`| **total** | **${kb(total[0])}** | **${kb(total[1])}** | **${kb(total[2])}** |`);
'
