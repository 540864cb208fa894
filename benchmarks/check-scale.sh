#!/usr/bin/env bash
# `core4j check` at scale, against what users would script instead, in one run on one machine:
#   core4j check OBJS --kernels plain/        the corpus as a directory of raw .btf files
#   core4j check OBJS --kernels btfhub/       the same kernels as a BTFHub tree of .btf.tar.xz
#   bpftool loop, plain                       for k in plain/*.btf; do bpftool gen min_core_btf $k out OBJS; done
#   bpftool loop, archives                    the same after `tar -xJf` of each archive
#   xz -dc of every archive > /dev/null       the floor for anything that reads the archives
# Each is timed REPEAT times (default 3; the best time is kept) with /usr/bin/time -v for peak RSS.
# Wall time is what the targets are about; CPU time (user + system) is printed beside it because on a
# shared machine wall time also measures the neighbours. Targets: core4j >= 5x faster than the loop on plain files; on archives >= 1.5x faster than the loop
# and within 1.3x of xz decoding alone.
#   benchmarks/corpus/build-corpus.sh && benchmarks/check-scale.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
corpus="${CORPUS:-$root/benchmarks/target/corpus}"
plain="$corpus/plain"
hub="$corpus/btfhub"
repeat="${REPEAT:-3}"
objs=(testdata/bpf/out/*.bpfel.o)
for need in bpftool xz tar /usr/bin/time; do
  command -v "$need" >/dev/null || { echo "check-scale: needs $need" >&2; exit 2; }
done
[ -d "$plain" ] && [ -d "$hub" ] || { echo "check-scale: run benchmarks/corpus/build-corpus.sh first" >&2; exit 2; }
[ -f cli/target/core4j-cli.jar ] || mvn -q -ntp install -DskipTests

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t archives < <(find "$hub" -name '*.btf.tar.xz' | sort)
kernels=$(ls "$plain"/*.btf | wc -l)
echo "check-scale: load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "check-scale: ${#objs[@]} objects; $kernels kernels in $plain; ${#archives[@]} archives in $hub;" \
  "$(nproc) cores; $(bpftool version | head -1); xz $(xz --version | head -1 | awk '{print $NF}')"

# one-off: the launcher's class-data-sharing archive is created on first use
bin/core4j check "${objs[@]}" --kernels testdata/btf/kernels/6.1.0-50-amd64.btf.xz --json >/dev/null || true

export OBJS="${objs[*]}" WORK="$work" PLAIN="$plain"
printf '%s\n' "${archives[@]}" > "$work/archives.txt"
declare -A best rss cpu
measure() { # label, command...
  local label="$1"; shift
  for _ in $(seq "$repeat"); do
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
      rc=$?; [ "$rc" = 1 ] || { echo "check-scale: $label failed ($rc)"; cat "$work/stderr.txt"; exit 1; }; }
    local t m
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
    m=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    c=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
    if [ -z "${best[$label]:-}" ] || awk -v a="$t" -v b="${best[$label]}" 'BEGIN {exit !(a < b)}'; then
      best[$label]=$t
      cpu[$label]=$c
    fi
    if [ -z "${rss[$label]:-}" ] || [ "$m" -gt "${rss[$label]}" ]; then rss[$label]=$m; fi
  done
  printf '  %-30s %7.2f s wall %7.2f s CPU %7.1f kernels/s  peak RSS %5d MB\n' "$label" \
    "${best[$label]}" "${cpu[$label]}" \
    "$(awk -v k="$kernels" -v t="${best[$label]}" 'BEGIN {print k / t}')" "$((rss[$label] / 1024))"
}

measure "core4j check, plain .btf"    bin/core4j check "${objs[@]}" --kernels "$plain" --json
bin/core4j check "${objs[@]}" --kernels "$plain" --json | sort > "$work/plain.json" || true
measure "core4j check, BTFHub .tar.xz" bin/core4j check "${objs[@]}" --kernels "$hub" --json
bin/core4j check "${objs[@]}" --kernels "$hub" --json | sort > "$work/hub.json" || true
measure "bpftool loop, plain .btf" bash -c \
  'for k in "$PLAIN"/*.btf; do bpftool gen min_core_btf "$k" "$WORK/out.btf" $OBJS || exit 3; done'
measure "tar -xJf + bpftool loop" bash -c \
  'mkdir -p "$WORK/x"; while read -r a; do tar -xJf "$a" -C "$WORK/x"; for k in "$WORK"/x/*.btf; do bpftool gen min_core_btf "$k" "$WORK/out.btf" $OBJS || exit 3; rm -f "$k"; done; done < "$WORK/archives.txt"'
measure "xz -dc of every archive" bash -c \
  'while read -r a; do xz -dc "$a" >/dev/null; done < "$WORK/archives.txt"'

same=$(cmp -s "$work/plain.json" "$work/hub.json" && echo "identical" || echo "DIFFERENT")
cells=$(wc -l < "$work/plain.json"); fails=$(grep -c '"ok": false' "$work/plain.json" || true)
echo "  cells: $cells ($fails FAIL); plain and archive runs give $same cells"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
r1=$(ratio "${best[bpftool loop, plain .btf]}" "${best[core4j check, plain .btf]}")
r2=$(ratio "${best[tar -xJf + bpftool loop]}" "${best[core4j check, BTFHub .tar.xz]}")
r3=$(ratio "${best[core4j check, BTFHub .tar.xz]}" "${best[xz -dc of every archive]}")
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {ok = op == ">=" ? v >= t : v <= t; print ok ? "met" : "MISSED"}'; }
echo "  plain:    core4j is ${r1}x faster than the bpftool loop (target >= 5x: $(verdict "$r1" 5 '>='))"
echo "  archives: core4j is ${r2}x faster than tar + bpftool (target >= 1.5x: $(verdict "$r2" 1.5 '>='))"
echo "  archives: core4j takes ${r3}x the time of xz -dc alone (target <= 1.3x: $(verdict "$r3" 1.3 '<='))"
