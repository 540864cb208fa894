#!/usr/bin/env bash
# Builds the kernel corpus for benchmarks/check-scale.sh under benchmarks/target/corpus (not committed):
#   debs/      Debian linux-image packages of kernels 6.1 and 6.12: every flavour (amd64, cloud, rt,
#              arm64-16k...) of every architecture in ARCHES, the newest ABIS_PER_FLAVOUR ABIs of each
#              (all: every ABI in the package lists)
#   plain/     one raw .btf per kernel, read straight from each .deb by core4j (CorpusTool extract),
#              plus 3 synthetic variants of each (CorpusTool variants: task_struct.tgid renamed,
#              net_device.ifindex removed, task_struct.mm moved)
#   btfhub/    the same kernels as a BTFHub tree: debian/12/<arch>/<kernel>.btf.tar.xz (synthetic ones
#              under synthetic/1/<arch>/), each archive holding one <kernel>.btf (xz -6, one thread)
# Needs apt-get (root) and Debian's package lists; foreign architectures are added with
# `dpkg --add-architecture`. Re-running skips what exists.
#   ARCHES="amd64 arm64" ABIS_PER_FLAVOUR=3 benchmarks/corpus/build-corpus.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$root/benchmarks/target/corpus"
arches="${ARCHES:-amd64 arm64}"
per_flavour="${ABIS_PER_FLAVOUR:-3}"
mkdir -p "$corpus/debs" "$corpus/plain" "$corpus/btfhub"

# --- package lists -------------------------------------------------------------------------------
need_update=0
for a in $arches; do
  if [ "$a" != "$(dpkg --print-architecture)" ] && ! dpkg --print-foreign-architectures | grep -qx "$a"; then
    dpkg --add-architecture "$a"
    need_update=1
  fi
done
if [ "$need_update" = 1 ] || ! apt-cache show linux-image-6.12-amd64 >/dev/null 2>&1; then
  apt-get update -qq
fi

# Signed image names (linux-image-<abi>-<flavour>), no -unsigned/-dbg duplicates, no meta packages.
pattern='^linux-image-(6\.1\.0-[0-9]+|6\.12\.[0-9]+\+deb12)-[a-z0-9-]+$'
apt-cache search --names-only '^linux-image-6\.1' | awk '{print $1}' \
  | grep -E "$pattern" | grep -Ev -- '-(unsigned|dbg)$' | sort -u > "$corpus/all-packages.txt"
: > "$corpus/packages.txt"
for a in $arches; do
  # flavour = name without the ABI; keep the newest $per_flavour ABIs of each flavour
  grep -E -- "-$a(-[a-z0-9]+)?$" "$corpus/all-packages.txt" \
    | awk -v n="$per_flavour" '
        { abi = $0; sub(/^linux-image-/, "", abi)
          if (match(abi, /^6\.1\.0-[0-9]+-/)) { series = "6.1"; ver = substr(abi, 7, RLENGTH - 7) + 0; flav = substr(abi, RLENGTH + 1) }
          else { match(abi, /^6\.12\.[0-9]+\+deb12-/); series = "6.12"; ver = substr(abi, 6, RLENGTH - 12) + 0; flav = substr(abi, RLENGTH + 1) }
          print series "\t" flav "\t" ver "\t" $0 }' \
    | sort -t$'\t' -k1,1 -k2,2 -k3,3nr \
    | awk -F'\t' -v n="$per_flavour" '{ k = $1 "/" $2; if (n == "all" || c[k]++ < n) print $4 }' \
    | sed "s/\$/:$a/" >> "$corpus/packages.txt"
done
echo "build-corpus: $(wc -l < "$corpus/packages.txt") packages (ARCHES=$arches, ABIS_PER_FLAVOUR=$per_flavour)"

# --- download --------------------------------------------------------------------------------------
cd "$corpus/debs"
todo=()
while read -r spec; do
  name="${spec%%:*}"
  ls "${name}"_*.deb >/dev/null 2>&1 || todo+=("$spec")
done < "$corpus/packages.txt"
if [ "${#todo[@]}" -gt 0 ]; then
  echo "build-corpus: downloading ${#todo[@]} packages"
  apt-get download -q "${todo[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true
fi

# --- BTF out of the packages, synthetic variants --------------------------------------------------
cd "$root"
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -q -ntp install -DskipTests
fi
java="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)/bin/java"
[ -x "$java" ] || java=java
tool=("$java" -cp benchmarks/target/benchmarks.jar io.github.core4j.benchmarks.corpus.CorpusTool)
new_debs=()
for deb in "$corpus"/debs/*.deb; do
  # the release is in the package name: linux-image-<release>_<version>_<arch>.deb
  release="$(basename "$deb" | sed 's/^linux-image-//; s/_.*//')"
  [ -f "$corpus/plain/$release.btf" ] || new_debs+=("$deb")
done
if [ "${#new_debs[@]}" -gt 0 ]; then
  "${tool[@]}" extract "$corpus/plain" "${new_debs[@]}"
fi
"${tool[@]}" variants "$corpus/plain"

# --- BTFHub-style tree ------------------------------------------------------------------------------
cd "$corpus/plain"
for f in *.btf; do
  name="${f%.btf}"
  case "$name" in *arm64*) arch=arm64 ;; *) arch=x86_64 ;; esac
  case "$name" in *@*) dir="synthetic/1/$arch" ;; *) dir="debian/12/$arch" ;; esac
  out="$corpus/btfhub/$dir/$name.btf.tar.xz"
  [ -f "$out" ] || echo "$f $out"
done | xargs -r -n 2 -P "$(nproc)" sh -c 'mkdir -p "$(dirname "$2")" && XZ_OPT="-6 -T1" tar -cJf "$2.tmp" "$1" && mv "$2.tmp" "$2"' sh
echo "build-corpus: $(ls "$corpus/plain"/*.btf | wc -l) kernels in $corpus/plain," \
  "$(find "$corpus/btfhub" -name '*.btf.tar.xz' | wc -l) archives in $corpus/btfhub"
