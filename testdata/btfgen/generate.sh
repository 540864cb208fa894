#!/usr/bin/env bash
# Regenerates bpftool's answers for core4j's btfgen (`core4j gen min-btf`): what
# `bpftool gen min_core_btf KERNEL OUT OBJ...` writes for every test object against every
# little-endian test kernel, one object at a time and all of them at once.
#
#   expected/<kernel>/<object>.btf   bpftool's minimized BTF for one object
#   expected/<kernel>/all.btf        ... for all objects it accepts, in one run
#   manifest.tsv                     object, kernel, expected file, or "fails" with bpftool's error
#
# Objects: ../bpf/out/*.bpfel.o and ../reloc/obj/*.bpfel.o.xz. Kernels: ../btf/kernels/*.btf.xz
# except the big-endian copies. bpftool refuses objects with a relocation that fails against the
# kernel (the err_* objects); core4j minimizes them anyway, and the manifest records the refusal.
#
# Needs: bpftool (v7.1, as Debian 12 ships it), xz. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

objects=()
for o in ../bpf/out/*.bpfel.o; do
  objects+=("$o")
done
for o in ../reloc/obj/*.bpfel.o.xz; do
  xz -dc "$o" > "$tmp/$(basename "$o" .xz)"
  objects+=("$tmp/$(basename "$o" .xz)")
done

rm -rf expected
printf '# object\tkernel\texpected\n' > manifest.tsv
for k in ../btf/kernels/*.btf.xz; do
  kernel="$(basename "$k" .btf.xz)"
  case "$kernel" in *.be) continue ;; esac
  xz -dc "$k" > "$tmp/$kernel.btf"
  mkdir -p "expected/$kernel"
  accepted=()
  for o in "${objects[@]}"; do
    name="$(basename "$o" .bpfel.o)"
    if bpftool gen min_core_btf "$tmp/$kernel.btf" "expected/$kernel/$name.btf" "$o" \
        2> "$tmp/err"; then
      printf '%s\t%s\t%s\n' "$name" "$kernel" "btfgen/expected/$kernel/$name.btf" >> manifest.tsv
      accepted+=("$o")
    else
      rm -f "expected/$kernel/$name.btf"
      printf '%s\t%s\tfails: %s\n' "$name" "$kernel" "$(grep -v '^$' "$tmp/err" | tr '\n' ' ' \
        | sed -e "s|$tmp/||g" -e 's/ *$//')" >> manifest.tsv
    fi
  done
  bpftool gen min_core_btf "$tmp/$kernel.btf" "expected/$kernel/all.btf" "${accepted[@]}"
  printf '%s\t%s\t%s\n' "all" "$kernel" "btfgen/expected/$kernel/all.btf" >> manifest.tsv
done
echo "btfgen testdata regenerated: $(grep -vc '^#' manifest.tsv) cases," \
  "$(grep -c 'fails:' manifest.tsv) refused by bpftool"
