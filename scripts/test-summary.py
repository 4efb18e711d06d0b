#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Summarise a meson testlog.json as the one closing line CI reads: "N passed, N failed, N skipped".

Expected failures (EXPECTEDFAIL) count as passed: the test ran and behaved as declared.
A test that reports sub-results in TAP form counts once, as meson does.
"""
import json
import sys

def main(path):
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as err:
        print(f"test-summary: cannot read {path}: {err}", file=sys.stderr)
        return 1
    failed_names = []
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        result = rec.get("result", "")
        if result in ("OK", "EXPECTEDFAIL"):
            counts["passed"] += 1
        elif result == "SKIP":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
            failed_names.append(rec.get("name", "?"))
    for name in failed_names:
        print(f"FAILED: {name}")
    print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"))
