#!/usr/bin/env python3
"""Writes the service worker's precache list into a built app folder.

Run by scripts/build.sh after both trunk builds and the pre-rendering, or by hand on a built
folder: `scripts/precache.py dist`. It rewrites the `const BUILD = ...`
line of the folder's sw.js with:

- files: every file of the member's app (hashed names included) except the worker itself, the
  precompressed copies (.gz, .br), the questions folder and the trainers' page, the page as
  "./", then questions/catalogue.json and every file the catalogue names (materials and banks).
  The list comes from the folder, so it cannot drift from what was built.
- trainers: the trainers' page's files (soan.html, ontap-soan-*, its QR worker
  ontap-scan-worker*): cached only on a device that opens that page (sw.js), so members never
  download the trainers' tools.
- later: those of the trainers' files the page starts only later (its QR worker): kept along
  with the page when it is opened online, so that scanning works offline too.
- version: a hash of the shell files' bytes and of the bank names. A changed build changes it
  (the browser then installs the new worker and the page offers "Tải lại"); a bank edited on
  the server does not, since banks are refreshed from the network on every online visit.

Running it twice gives the same file.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

WORKER = "sw.js"
QUESTIONS = "questions"
# Copies for hosts that serve precompressed files; the browser asks for the original name.
PRECOMPRESSED = (".gz", ".br")
# The trainers' page, its binary and its QR-reading worker.
TRAINERS = ("soan.", "ontap-soan-", "ontap-scan-worker")
# The trainers' files the page starts only when needed.
LATER = ("ontap-scan-worker",)


def shell_files(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel != WORKER and not rel.startswith(QUESTIONS + "/") and not rel.endswith(PRECOMPRESSED):
            out.append(rel)
    return out


def bank_files(root: Path) -> list[str]:
    catalogue = root / QUESTIONS / "catalogue.json"
    names = ["catalogue.json"]
    try:
        data = json.loads(catalogue.read_text(encoding="utf-8"))
        names.append(data["materials"])
        names.extend(data["banks"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        # The app reports a broken catalogue itself; the shell still works offline.
        print(f"precache: {catalogue}: {e}; only the catalogue is precached", file=sys.stderr)
    return [f"{QUESTIONS}/{n}" for n in names if isinstance(n, str) and (root / QUESTIONS / n).is_file()]


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    worker = root / WORKER
    if not worker.is_file():
        print(f"precache: no {worker}", file=sys.stderr)
        return 1
    shell = shell_files(root)
    banks = bank_files(root)
    digest = hashlib.sha256()
    for rel in shell:
        digest.update(rel.encode() + b"\0" + (root / rel).read_bytes() + b"\0")
    for rel in banks:
        digest.update(rel.encode() + b"\0")
    trainers = [f for f in shell if f.startswith(TRAINERS)]
    files = ["./" if f == "index.html" else f for f in shell if f not in trainers] + banks
    later = [f for f in trainers if f.startswith(LATER)]
    build = {"version": digest.hexdigest()[:16], "files": files, "trainers": trainers, "later": later}
    line = "const BUILD = " + json.dumps(build) + ";"
    text = worker.read_text(encoding="utf-8")
    new, count = re.subn(r"^const BUILD = .*;$", lambda _: line, text, count=1, flags=re.M)
    if count != 1:
        print(f"precache: {worker} has no `const BUILD = ...;` line", file=sys.stderr)
        return 1
    worker.write_text(new, encoding="utf-8")
    print(f"precache: {len(files)} files, {len(trainers)} for trainers, version {build['version']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
