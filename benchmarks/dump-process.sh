#!/usr/bin/env bash
# Whole-process `btf dump --format c` of a BTF file (default: the running kernel's vmlinux), core4j
# against bpftool, alternated in the same run so both see the same machine. Prints the median and
# mean wall time of each and their ratio.
#   benchmarks/dump-process.sh [FILE] [RUNS]     — needs bpftool and a built cli (mvn -q package -DskipTests -pl cli -am)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-/sys/kernel/btf/vmlinux}"
runs="${2:-20}"
core4j="$root/bin/core4j"
# bin/core4j records its AOT cache in the background after the first use of a build: do that first.
"$core4j" --version >/dev/null
for _ in $(seq 1 60); do
  [ -f "$root/cli/target/core4j.aot" ] && [ ! "$root/cli/target/core4j-cli.jar" -nt "$root/cli/target/core4j.aot" ] && break
  sleep 1
done
"$core4j" btf dump "$file" --format c | cmp -s - <(bpftool btf dump file "$file" format c) ||
  { echo "outputs differ" >&2; exit 1; }

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000)); }
ours=() theirs=()
for _ in 1 2 3; do ms "$core4j" btf dump "$file" --format c >/dev/null; ms bpftool btf dump file "$file" format c >/dev/null; done
for _ in $(seq 1 "$runs"); do
  ours+=("$(ms "$core4j" btf dump "$file" --format c)")
  theirs+=("$(ms bpftool btf dump file "$file" format c)")
done
python3 - "${#ours[@]}" "${ours[@]}" "${theirs[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1]); v = [int(x) / 1000 for x in sys.argv[2:]]
ours, theirs = v[:n], v[n:]
for name, xs in (("core4j btf dump --format c", ours), ("bpftool btf dump ... format c", theirs)):
    print(f"{name:32s} median {statistics.median(xs):7.1f} ms  mean {statistics.mean(xs):7.1f} ms  ({n} runs)")
print(f"ratio (median): {statistics.median(ours) / statistics.median(theirs):.2f}x")
PY
