#!/usr/bin/env bash
# Regenerates core4j's ELF testdata and the llvm outputs it is tested against.
#
#   src/*.bpf.c                 BPF C sources
#   src/opcodes.S               every opcode with a spread of fields (written by gen_opcodes.py)
#   obj/<name>.<cpu>.<target>.o  objects: clang-16 for v1/v3, clang-19 for v4 (clang-16 has no v4),
#                               both byte orders (bpfel, bpfeb)
#   kernel/*.ko                 two small x86-64 modules from Debian's linux-image-6.1.0-50-amd64
#                               (taken from cache/ when fetch-kernel-deb.sh has run)
#   expected/<file>.objdump16.txt  `llvm-objdump-16 -d`
#   expected/<file>.objdump19.txt  `llvm-objdump-19 -d` (knows JSET, ST imm, may_goto and v4)
#   expected/<file>.readelf.txt    `llvm-readelf-16 -h -S -s -r`
#   expected/<file>.objinfo.txt    libbpf's view after bpf_object__open (../bpf/oracle/objinfo.c;
#                               bpfel objects only: libbpf 1.1 refuses the other byte order)
#
# EXPECTED_ONLY=1 keeps the objects and kernel modules and only rewrites expected/ (the objects
# carry DWARF with build paths, so recompiling them elsewhere changes their bytes).
#
# Needs: clang-16, llvm-16, clang-19, llvm-19 (Debian: apt-get install clang-19 llvm-19),
# libbpf-dev, python3. Run from anywhere; run fetch-kernel-deb.sh first to refresh kernel/*.ko.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
mkdir -p obj kernel expected
EXPECTED_ONLY="${EXPECTED_ONLY:-0}"
if [ "$EXPECTED_ONLY" != 1 ]; then
python3 gen_opcodes.py
inc=(-I/usr/include/"$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)")

compile() { # compiler cpu target source
  local cc="$1" cpu="$2" target="$3" src="$4" name
  name="$(basename "$src" .bpf.c)"
  "$cc" -g -O2 -target "$target" -mcpu="$cpu" "${inc[@]}" -c "$src" -o "obj/$name.$cpu.$target.o"
}

for t in bpfel bpfeb; do
  compile clang-16 v3 "$t" src/maps_calls.bpf.c
  compile clang-16 v1 "$t" src/maps_calls.bpf.c
  compile clang-16 v3 "$t" src/asm_llvm16.bpf.c
  compile clang-19 v4 "$t" src/v4.bpf.c
  clang-19 -target "$t" -c src/opcodes.S -o "obj/opcodes.$t.o"
done

# Two small modules from the Debian kernel package, when it has been fetched.
deb="$(ls cache/linux-image-*.deb 2>/dev/null | head -1 || true)"
if [ -n "$deb" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && ar x "$here/$deb" data.tar.xz)
  tar -xJf "$tmp/data.tar.xz" -C "$tmp" --wildcards '*/net/key/af_key.ko' '*/lib/crc7.ko'
  find "$tmp" -name '*.ko' -exec cp {} kernel/ \;
fi
fi # EXPECTED_ONLY

rm -f expected/*.txt
for f in obj/*.o kernel/*.ko; do
  b="$(basename "$f")"
  case "$f" in
    obj/*)
      llvm-objdump-16 -d "$f" | sed "s|$f|$b|" > "expected/$b.objdump16.txt"
      llvm-objdump-19 -d "$f" | sed "s|$f|$b|" > "expected/$b.objdump19.txt"
      ;;
  esac
  llvm-readelf-16 -h -S -s -r "$f" > "expected/$b.readelf.txt"
done

objinfo="$(mktemp)"
cc -O2 -Wall -o "$objinfo" ../bpf/oracle/objinfo.c -lbpf
for f in obj/*.bpfel.o; do
  (cd obj && "$objinfo" "$(basename "$f")") > "expected/$(basename "$f").objinfo.txt"
done
rm -f "$objinfo"

