#!/usr/bin/env bash
# Downloads Debian's kernel packages into testdata/elf/cache/ (gitignored) for the tests that read
# BTF straight from a .deb and from the vmlinuz inside it:
#   linux-image-6.1.0-50-amd64  the kernel whose BTF is testdata/btf/kernels/6.1.0-50-amd64.btf.xz
#                               (vmlinuz: a signed x86 bzImage, xz payload)
#   linux-image-6.1.0-50-arm64  the signed arm64 package (vmlinuz: an uncompressed arm64 Image with
#                               a PE stub; expected BTF in expected/linux-image-6.1.0-50-arm64.btf.txt)
# With arguments, downloads those packages (name or name:arch) instead. Needs apt-get and Debian's
# package lists (runs `apt-get update` when apt-cache does not know a package; adds the arm64
# architecture to dpkg when it is missing, as apt needs it to download arm64 packages).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "$#" -eq 0 ]; then
  set -- linux-image-6.1.0-50-amd64 linux-image-6.1.0-50-arm64:arm64
fi
mkdir -p "$here/cache"
cd "$here/cache"
for spec in "$@"; do
  pkg="${spec%%:*}"
  if ls "$pkg"_*.deb >/dev/null 2>&1; then
    continue
  fi
  case "$spec" in
    *:*)
      arch="${spec##*:}"
      if [ "$arch" != "$(dpkg --print-architecture)" ] \
        && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        dpkg --add-architecture "$arch"
        apt-get update -qq
      fi
      ;;
  esac
  if ! apt-cache show "$spec" >/dev/null 2>&1; then
    apt-get update -qq
  fi
  apt-get download "$spec"
done
