#!/usr/bin/env bash
# Regenerates core4j's CO-RE relocation testdata and libbpf's answers for it.
#
#   src/*.bpf.c                        BPF programs exercising every relocation kind (and failures)
#   obj/<name>.<arch>.o.xz             clang-16 -g -O2 -target <arch> objects (bpfel and bpfeb)
#   obj/<name>.<arch>.btf.xz           their .BTF section, raw (xz-compressed)
#   obj/<name>.<arch>.btf.ext          their .BTF.ext section, raw
#   expected/<name>/<kernel>.log       libbpf's relocation log (relo_oracle) for the bpfel object
#   expected/<name>/<kernel>.txt       the same, parsed: one line per relocation (parse_log.py)
#   manifest.tsv                       object, target kernel BTF, expected file
#
# The kernels are ../btf/kernels/*.btf.xz: the host's own BTF (a copy of /sys/kernel/btf/vmlinux,
# made by ../btf/generate.sh), Debian 6.1 and 6.12, and big-endian copies of two of them.
# vmlinux.h is dumped from the host's BTF at build time and never committed.
#
# libbpf 1.1 refuses objects of the other byte order, so only bpfel objects are run through it;
# the tests check that each bpfeb object carries the same relocations as its bpfel twin and hold
# it to the same answers.
#
# Needs: clang-16, llvm-objcopy-16, bpftool, gcc, libbpf-dev, xz, python3, and root (libbpf's
# load path probes the kernel before relocating). Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$tmp/vmlinux.h"
gcc -O1 -Wall -Werror -o "$tmp/relo_oracle" oracle/relo_oracle.c -lbpf
libbpf_version="$(dpkg-query -W -f='${Version}' libbpf1 2>/dev/null || echo unknown)"

rm -rf obj expected
mkdir -p obj expected
for src in src/*.bpf.c; do
  name="$(basename "$src" .bpf.c)"
  for arch in bpfel bpfeb; do
    o="$tmp/$name.$arch.o"
    clang-16 -g -O2 -target "$arch" -I"$tmp" -Isrc -c "$src" -o "$o"
    llvm-objcopy-16 --dump-section ".BTF=$tmp/$name.$arch.btf" \
      --dump-section ".BTF.ext=obj/$name.$arch.btf.ext" "$o"
    xz -9 -T1 -c "$o" > "obj/$name.$arch.o.xz"
    xz -9 -T1 -c "$tmp/$name.$arch.btf" > "obj/$name.$arch.btf.xz"
  done
done

printf '# object\tkernel\texpected\n' > manifest.tsv
for k in ../btf/kernels/*.btf.xz; do
  kernel="$(basename "$k" .btf.xz)"
  xz -dc "$k" > "$tmp/$kernel.btf"
  for src in src/*.bpf.c; do
    name="$(basename "$src" .bpf.c)"
    mkdir -p "expected/$name"
    log="expected/$name/$kernel.log"
    {
      echo "# libbpf $libbpf_version: $name.bpfel.o against $kernel"
      "$tmp/relo_oracle" "$tmp/$name.bpfel.o" "$tmp/$kernel.btf"
    } > "$log"
    python3 parse_log.py "$tmp/$name.bpfel.btf" "obj/$name.bpfel.btf.ext" "$log" \
      > "expected/$name/$kernel.txt"
    printf '%s\t%s\t%s\n' "$name" "btf/kernels/$kernel.btf.xz" "reloc/expected/$name/$kernel.txt" \
      >> manifest.tsv
  done
done
echo "reloc testdata regenerated: $(grep -c '^relo' expected/*/*.txt | awk -F: '{s+=$2} END {print s}') relocations in $(($(wc -l < manifest.tsv) - 1)) object/kernel pairs"
