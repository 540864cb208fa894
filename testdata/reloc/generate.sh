#!/usr/bin/env bash
# Regenerates core4j's CO-RE relocation testdata and libbpf's answers for it.
#
#   src/*.bpf.c                        BPF programs exercising every relocation kind (and failures)
#   obj/<name>.<arch>.o.xz             clang-16 -g -O2 -target <arch> objects (bpfel and bpfeb)
#   obj/<name>.<arch>.btf.xz           their .BTF section, raw (xz-compressed)
#   obj/<name>.<arch>.btf.ext          their .BTF.ext section, raw
#   obj/<name>.<arch>.code.tsv         the code of each section with CO-RE relocations, in hex
#   expected/<name>/<kernel>.log       libbpf's relocation log (relo_oracle) for the bpfel object
#   expected/<name>/<kernel>.txt       the same, parsed: one line per relocation (parse_log.py)
#   expected/<name>/<kernel>.bpfeb.txt libbpf's engine on the bpfeb object's records (relo_calc)
#   manifest.tsv                       object, target kernel BTF, expected file
#   handmade/<group>/                  hand-built BTF from core-reloc's HandBuilt catalog (written by
#                                      its test with -Dcore4j.regenerate=true) and libbpf's
#                                      answers.txt for its cases (relo_calc)
#
# The kernels are ../btf/kernels/*.btf.xz: the host's own BTF (a copy of /sys/kernel/btf/vmlinux,
# made by ../btf/generate.sh), Debian 6.1 and 6.12, and big-endian copies of two of them.
# vmlinux.h is dumped from the host's BTF at build time and never committed.
#
# Two oracles, both Debian's libbpf 1.1:
#   relo_oracle  opens the bpfel object with btf_custom_path and loads it: the real load path.
#   relo_calc    calls libbpf's bpf_core_calc_relo_insn (linked from libbpf.a) on raw BTF and a list
#                of records; used where libbpf can't open an object (bpfeb, hand-built BTF).
#
# Needs: clang-16, llvm-objcopy-16, bpftool, gcc, libbpf-dev (with libbpf.a), libelf-dev, zlib,
# xz, python3, Maven, and root (libbpf's load path probes the kernel before relocating).
# Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$tmp/vmlinux.h"
gcc -O1 -Wall -Werror -o "$tmp/relo_oracle" oracle/relo_oracle.c -lbpf
gcc -O1 -Wall -Werror -o "$tmp/relo_calc" oracle/relo_calc.c -l:libbpf.a -lelf -lz
libbpf_version="$(dpkg-query -W -f='${Version}' libbpf1 2>/dev/null || echo unknown)"

rm -rf obj expected
mkdir -p obj expected
for src in src/*.bpf.c; do
  name="$(basename "$src" .bpf.c)"
  for arch in bpfel bpfeb; do
    o="$tmp/$name.$arch.o"
    clang-16 -g -O2 -target "$arch" -fdebug-prefix-map="$tmp"=/vmlinux.h.d -I"$tmp" -Isrc \
      -c "$src" -o "$o"
    llvm-objcopy-16 --dump-section ".BTF=$tmp/$name.$arch.btf" \
      --dump-section ".BTF.ext=obj/$name.$arch.btf.ext" "$o"
    xz -9 -T1 -c "$o" > "obj/$name.$arch.o.xz"
    xz -9 -T1 -c "$tmp/$name.$arch.btf" > "obj/$name.$arch.btf.xz"
    : > "obj/$name.$arch.code.tsv"
    python3 ext_cases.py "$tmp/$name.$arch.btf" "obj/$name.$arch.btf.ext" | cut -d'#' -f1 | uniq \
      | while read -r sec; do
          llvm-objcopy-16 --dump-section "$sec=$tmp/code.bin" "$o"
          printf '%s\t%s\n' "$sec" "$(xxd -p "$tmp/code.bin" | tr -d '\n')" >> "obj/$name.$arch.code.tsv"
        done
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
    xz -dc "obj/$name.bpfeb.btf.xz" > "$tmp/$name.bpfeb.btf"
    python3 ext_cases.py "$tmp/$name.bpfeb.btf" "obj/$name.bpfeb.btf.ext" \
      | "$tmp/relo_calc" "$tmp/$name.bpfeb.btf" "$tmp/$kernel.btf" > "expected/$name/$kernel.bpfeb.txt"
  done
done

# Hand-built BTF: the catalog writes the files, libbpf answers.
(cd ../.. && mvn -q -pl core-btf,core-reloc test -Dtest=HandBuiltCasesTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dcore4j.regenerate=true) > /dev/null || true
for g in handmade/*/; do
  g="${g%/}"
  mods=()
  while IFS=$'\t' read -r mname mfile; do
    [ -n "$mname" ] && mods+=("$mname=$g/$mfile")
  done < "$g/modules.tsv"
  "$tmp/relo_calc" "$g/local.btf" "$g/vmlinux.btf" "${mods[@]}" < "$g/cases.tsv" > "$g/answers.txt"
done
echo "reloc testdata regenerated: $(ls expected/*/*.txt | grep -v bpfeb | xargs cat | grep -c '^relo')" \
  "relocations in" \
  "$(($(wc -l < manifest.tsv) - 1)) object/kernel pairs, $(cat expected/*/*.bpfeb.txt | grep -c '^res')" \
  "bpfeb relocations, $(cat handmade/*/answers.txt | grep -c '^res\|^crash') hand-built cases"
