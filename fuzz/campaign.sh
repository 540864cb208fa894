#!/usr/bin/env bash
# A fuzzing campaign: each target (all, or those named) for ROUNDS rounds of its 5-minute maxDuration,
# one target at a time, continuing from the corpora committed under fuzz/corpus/ and saving them back
# (xz tarballs: the inputs are variations of a few seeds and pack to a few dozen KB), with one line of
# results per round (fuzz/summary.py). A crash stops the campaign; libFuzzer leaves crash-<sha1> in the
# target's inputs directory, which becomes a regression test once committed with the fix.
#   fuzz/campaign.sh [-r ROUNDS] [Class#method ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds=1
if [ "${1:-}" = -r ]; then rounds="$2"; shift 2; fi
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(BtfFuzzTest#parseAndUse BtfFuzzTest#parseBtfExt BtfFuzzTest#readArchive BtfFuzzTest#parseSplitOnBase
    ElfFuzzTest#readObject ElfFuzzTest#readKernelBtf ElfFuzzTest#openObject RelocationFuzzTest#relocate)
fi
module_of() {
  case "$1" in
    BtfFuzzTest) echo core-btf:io.github.core4j.btf ;;
    ElfFuzzTest) echo core-elf:io.github.core4j.elf ;;
    RelocationFuzzTest) echo core-reloc:io.github.core4j.reloc ;;
    *) echo "unknown fuzz test class $1" >&2; exit 2 ;;
  esac
}
logs="$root/target/fuzz-logs"
mkdir -p "$root/fuzz/corpus"
mkdir -p "$logs"
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    class="${target%%#*}" method="${target#*#}"
    IFS=: read -r module package <<< "$(module_of "$class")"
    corpus="$module/.cifuzz-corpus/$package.$class/$method"
    saved="fuzz/corpus/$class.$method.tar.xz"
    if [ ! -d "$corpus" ] && [ -f "$saved" ]; then
      mkdir -p "$corpus" && tar -C "$corpus" -xJf "$saved"
    fi
    log="$logs/$class.$method.$(date +%Y%m%d-%H%M%S).log"
    status=0
    JAZZER_FUZZ=1 mvn -B -ntp -pl "$module" -am test -Dtest="$target" -Dspotless.check.skip=true \
      -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 || status=$?
    if [ -d "$corpus" ]; then
      tar -C "$corpus" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - . | xz -6 -T1 > "$saved"
    fi
    echo "round $round $target: $(python3 fuzz/summary.py "$log" | cut -d: -f2-)"
    if [ "$status" -ne 0 ]; then
      echo "  the run failed (a crash, or the build): see $log" >&2
      exit 1
    fi
  done
done
