#!/usr/bin/env bash
# Measures what the site downloads apart from the question banks: every file in dist/ except
# dist/questions/ and the precompressed copies (html, js, wasm, icons, manifest, service worker),
# raw, gzip -9 (the gzip command) and brotli (quality 11, through Node's built-in zlib). Prints a
# Markdown table, then what each page needs before it is usable: the home page (index.html with
# ontap-home), a link to another member page (index.html with ontap-web), the trainers' page
# (soan.html with ontap-soan).
# Usage: scripts/bench-size.sh [DIST]   (after scripts/build.sh; DIST defaults to dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[ -f "$dist/index.html" ] || { echo "no build in $dist/: run scripts/build.sh first" >&2; exit 2; }
find "$dist" -type f -not -path "$dist/questions/*" -not -name "*.gz" -not -name "*.br" | sort | node -e '
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
console.log("\n| page | needs | raw KiB | gzip -9 KiB (bytes) | brotli 11 KiB |\n|---|---|---:|---:|---:|");
for (const [page, html, bin] of [["home (first visit)", "index.html", "ontap-home-"], ["another member page", "index.html", "ontap-web-"], ["trainers", "soan.html", "ontap-soan-"]]) {
  const parts = rows.filter(([f]) => f === html || f.startsWith(bin));
  const sum = i => parts.reduce((a, r) => a + r[i], 0);
  console.log(`| ${page} | ${parts.map(r => r[0].replace(/-[0-9a-f]{8,}/, "-…")).join(" + ")} | ${kb(sum(1))} | ${kb(sum(2))} (${sum(2)}) | ${kb(sum(3))} |`);
}
'
