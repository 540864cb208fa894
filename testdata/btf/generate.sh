#!/usr/bin/env bash
# Regenerates core4j's BTF testdata and the bpftool outputs it is tested against.
#
#   kernels/<release>.btf.xz            raw vmlinux BTF: the host's, and Debian kernels from ../../shared/kernels
#   kernels/<release>.be.btf.xz          the same bytes swapped to big endian (bswap_btf.py)
#   modules/<release>/<module>.btf.xz    split BTF of kernel modules, on the kernel of the same release
#   small/all_kinds.{bpfel,bpfeb}.btf    every BTF kind, from clang-16 (both byte orders)
#   small/c_layout.{bpfel,bpfeb}.btf     layout corners of the C header dump (packing, bitfields, ...)
#   expected/<path>.bpftool.txt.xz       `bpftool btf dump file F` (with -B BASE for modules)
#   expected/<path>.bpftool.c.xz         `bpftool btf dump file F format c` (with -B BASE for modules)
#   manifest.tsv                         file, base, expected — what the tests iterate over
#   manifest-c.tsv                       file, base, expected C header — the same for the C dump
#
# Usage: generate.sh [--keep-kernels]
#   --keep-kernels  keep kernels/ and modules/ as they are (do not copy them from the host and
#                   shared/) and only rebuild what is derived from them and from small/*.c
#
# Needs: bpftool, clang-16, llvm-objcopy-16, xz, python3. Run from anywhere.
set -euo pipefail
keep_kernels=0
if [ "${1:-}" = "--keep-kernels" ]; then
  keep_kernels=1
fi
here="$(cd "$(dirname "$0")" && pwd)"
shared="${CORE4J_SHARED:-$here/../../../shared}"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p kernels modules small expected
host="$(uname -r)"

refresh_kernels() {

# Kernels: the host's vmlinux BTF and the Debian ones from shared/.
if [ -r /sys/kernel/btf/vmlinux ]; then
  xz -9e -T1 -c /sys/kernel/btf/vmlinux > "kernels/$host.btf.xz"
fi
for k in "$shared"/kernels/*.btf.xz; do
  cp "$k" kernels/
done
for k in "$shared"/kernels/modules/*/; do
  rel="$(basename "$k")"
  mkdir -p "modules/$rel"
  cp "$k"/*.btf.xz "modules/$rel/"
done

# Big-endian copies of two kernels.
for rel in "$host" 6.1.0-50-amd64; do
  [ -f "kernels/$rel.btf.xz" ] || continue
  xz -dc "kernels/$rel.btf.xz" > "$tmp/le.btf"
  python3 bswap_btf.py "$tmp/le.btf" "$tmp/be.btf"
  xz -9e -T1 -c "$tmp/be.btf" > "kernels/$rel.be.btf.xz"
done
}
if [ "$keep_kernels" = 0 ]; then
  refresh_kernels
fi

# Every kind, and the C dump's layout corners, both byte orders, from clang.
for src in all_kinds c_layout; do
  for t in bpfel bpfeb; do
    clang-16 -g -O2 -target "$t" -c "small/$src.c" -o "$tmp/$src.$t.o"
    llvm-objcopy-16 --dump-section ".BTF=small/$src.$t.btf" "$tmp/$src.$t.o"
  done
done

# Expected dumps and the manifests: the raw text dump, then the C header dump.
printf '# file\tbase\texpected\n' > manifest.tsv
printf '# file\tbase\texpected C header (bpftool ... format c)\n' > manifest-c.tsv
dump() { # file base
  local file="$1" base="$2" raw="$tmp/in.btf" baseraw="$tmp/base.btf" out cout
  local -a b=()
  out="expected/${file#./}.bpftool.txt.xz"
  cout="expected/${file#./}.bpftool.c.xz"
  mkdir -p "$(dirname "$out")"
  case "$file" in *.xz) xz -dc "$file" > "$raw" ;; *) cp "$file" "$raw" ;; esac
  if [ "$base" != "-" ]; then
    xz -dc "$base" > "$baseraw"
    b=(-B "$baseraw")
  fi
  bpftool "${b[@]}" btf dump file "$raw" | xz -9 -T1 > "$out"
  bpftool "${b[@]}" btf dump file "$raw" format c | xz -9 -T1 > "$cout"
  printf '%s\t%s\t%s\n' "$file" "$base" "$out" >> manifest.tsv
  printf '%s\t%s\t%s\n' "$file" "$base" "$cout" >> manifest-c.tsv
}
for f in kernels/*.btf.xz small/*.btf; do
  dump "$f" -
done
for d in modules/*/; do
  rel="$(basename "$d")"
  for f in "$d"*.btf.xz; do
    dump "${f%/}" "kernels/$rel.btf.xz"
  done
done
echo "testdata regenerated: $(wc -l < manifest.tsv) lines in manifest.tsv, $(wc -l < manifest-c.tsv) in manifest-c.tsv"
