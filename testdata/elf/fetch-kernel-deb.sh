#!/usr/bin/env bash
# Downloads Debian's linux-image-6.1.0-50-amd64 package into testdata/elf/cache/ (gitignored)
# for the tests that read BTF straight from a .deb and from the vmlinuz inside it. The package
# holds the kernel whose BTF is testdata/btf/kernels/6.1.0-50-amd64.btf.xz. Needs apt-get and
# Debian's package lists (runs `apt-get update` when apt-cache does not know the package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pkg="${1:-linux-image-6.1.0-50-amd64}"
mkdir -p "$here/cache"
cd "$here/cache"
if ls "$pkg"_*.deb >/dev/null 2>&1; then
  exit 0
fi
if ! apt-cache show "$pkg" >/dev/null 2>&1; then
  apt-get update -qq
fi
apt-get download "$pkg"
