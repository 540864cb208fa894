#!/usr/bin/env python3
"""One line of results per fuzzing round from libFuzzer's output (Jazzer prints it to the test log):
executions, exec/s, coverage at start and end, features, corpus, and where in the round coverage last grew.
   fuzz/summary.py LOG...
"""
import re
import sys

STATUS = re.compile(r"^#(\d+)\s+(INITED|NEW|REDUCE|pulse|DONE)\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)(?:.*?exec/s: (\d+))?")

for path in sys.argv[1:]:
    start = end = None
    last_new_cov_at = 0
    prev_cov = None
    for line in open(path, errors="replace"):
        m = STATUS.match(line)
        if not m:
            continue
        execs, kind, cov, ft, corp, size, rate = m.groups()
        execs, cov = int(execs), int(cov)
        if kind == "INITED":
            start = cov
        if prev_cov is not None and cov > prev_cov:
            last_new_cov_at = execs
        prev_cov = cov
        if kind == "DONE":
            end = (execs, int(rate or 0), cov, int(ft), int(corp), size)
    if end is None:
        print(f"{path}: no DONE line (the run failed or was cut short)")
        continue
    execs, rate, cov, ft, corp, size = end
    where = 100 * last_new_cov_at / execs if execs else 0
    print(f"{path}: {execs:,} execs ({rate:,}/s), cov {start} -> {cov}, ft {ft}, corpus {corp} inputs/{size}, "
          f"last new cov at {where:.0f} % of the round")
