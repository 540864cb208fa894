#!/usr/bin/env bash
# Rebuilds subprog_failure.bpfel.o and records libbpf's verdict on the running kernel
# (subprog_failure.load.txt, from bpftool's libbpf debug log). Needs clang-16, bpftool, root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../../../../../../../../../../testdata/reloc/src" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$tmp/vmlinux.h"
clang-16 -g -O2 -target bpfel -fdebug-prefix-map="$tmp"=/vmlinux.h.d -I"$tmp" -I"$src" \
  -c "$here/subprog_failure.bpf.c" -o "$here/subprog_failure.bpfel.o"
{
  echo "# kernel $(uname -r), bpftool $(bpftool version | head -1)"
  unshare -m --propagation private sh -c \
    'mount -t bpf bpf /sys/fs/bpf && bpftool -d prog loadall "$0" /sys/fs/bpf/p 2>&1' \
    "$here/subprog_failure.bpfel.o" | grep -E "relo #|failed to|Error" | sed "s|$here/||" || true
} > "$here/subprog_failure.load.txt"
