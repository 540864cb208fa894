#!/usr/bin/env bash
# Runs core4j's JMH benchmarks and, in the same run, the libbpf/bpftool programs doing the same work.
#   benchmarks/run.sh [JMH regex]     (default: all)   — needs cc, libbpf-dev, a JDK 25 (found by Maven)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
filter="${1:-.}"
mvn -q -ntp package -DskipTests -pl benchmarks -am
java="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' /usr/lib/jvm/temurin-25-jdk-amd64/release >/dev/null 2>&1; ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)/bin/java"
[ -x "$java" ] || java=java
native="$root/benchmarks/target/native"
mkdir -p "$native"
cc -O2 -o "$native/btf_parse" benchmarks/native/btf_parse.c -lbpf
cc -O2 -o "$native/map_ops" benchmarks/native/map_ops.c -lbpf
gcc -O2 -o "$native/relo_calc" testdata/reloc/oracle/relo_calc.c -l:libbpf.a -lelf -lz

vmlinux=/sys/kernel/btf/vmlinux
echo "== libbpf (same machine, same run) =="
if [[ "BtfParseBenchmark" =~ $filter ]]; then
  "$native/btf_parse" "$vmlinux" 10
fi
if [[ "RelocationBenchmark" =~ $filter ]]; then
  xz -dc testdata/reloc/obj/bitfields.bpfel.btf.xz > "$native/bitfields.btf"
  python3 testdata/reloc/ext_cases.py "$native/bitfields.btf" testdata/reloc/obj/bitfields.bpfel.btf.ext \
    | RELO_CALC_BENCH_SECONDS=10 "$native/relo_calc" "$native/bitfields.btf" "$vmlinux"
fi
if [[ "MapBenchmark" =~ $filter ]]; then
  "$native/map_ops" 5
fi
echo "== core4j (JMH) =="
"$java" -jar benchmarks/target/benchmarks.jar "$filter" -f 1 -wi 5 -w 2 -i 10 -r 2 -p testdata="$root/testdata"
