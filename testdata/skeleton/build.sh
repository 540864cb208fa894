#!/usr/bin/env bash
# build.sh - regenerate the skeleton generator's layout probe and its oracle.
#
#   layout_probe.bpfel.o, layout_probe.bpfeb.o   clang-16 -g -O2, both byte orders
#   pahole/<object>.txt                          pahole -F btf --hex of every
#                                                testdata/bpf/out object and the
#                                                probes: the struct layouts (member
#                                                offsets, sizes, bitfield positions)
#                                                the generated records must use
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

CLANG="${CLANG:-clang-16}"
PAHOLE="${PAHOLE:-pahole}"

for bo in bpfel bpfeb; do
	"$CLANG" -g -O2 -Wall -target "$bo" -c layout_probe.bpf.c -o "layout_probe.$bo.o"
done

mkdir -p pahole
rm -f pahole/*.txt
for obj in ../bpf/out/*.o layout_probe.*.o; do
	"$PAHOLE" -F btf --hex "$obj" > "pahole/$(basename "$obj" .o).txt"
done
