#!/usr/bin/env bash
# build.sh - regenerate the BPF test corpus and its expected outputs.
#
#   out/<name>.bpfel.o, out/<name>.bpfeb.o     objects, both byte orders
#   expected/<name>.<bo>.objdump.txt          llvm-objdump -d
#   expected/<name>.<bo>.readelf-S.txt        llvm-readelf -S
#   expected/<name>.bpfel.objinfo.txt         libbpf's view (oracle/objinfo)
#   expected/<name>.bpfel.objdetails.txt      more of it (objinfo --details)
#   expected/<name>.<bo>.readelf-s.txt        llvm-readelf -s (symbols)
#   expected/<name>.<bo>.datasec.txt          bpftool btf dump: DATASEC and VAR lines
#   expected/bpfeb-open.txt                   what libbpf says to bpfeb objects
#   expected/section_defs.txt                 libbpf_prog_type_by_name() for the
#                                             names in oracle/section_names.txt
#   expected/<name>.load.txt                  per-program load results on the
#                                             running kernel (root only)
#   expected/<name>.core.<kernel>.txt         libbpf's CO-RE relocation log
#                                             against <kernel>'s BTF (root only)
#
# vmlinux.h is generated from the running kernel's BTF (or $VMLINUX_BTF)
# into a temporary directory and is not kept. CO-RE logs are made for the
# running kernel and for every <kernel>.btf.xz in $KERNEL_BTF_DIR. Set
# SKIP_LOAD=1 to leave the root-only outputs as committed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

CLANG="${CLANG:-clang-16}"
OBJDUMP="${OBJDUMP:-llvm-objdump-16}"
READELF="${READELF:-llvm-readelf-16}"
STRIP="${STRIP:-llvm-strip-16}"
BPFTOOL="${BPFTOOL:-bpftool}"
HOSTCC="${HOSTCC:-cc}"
VMLINUX_BTF="${VMLINUX_BTF:-/sys/kernel/btf/vmlinux}"
SKIP_LOAD="${SKIP_LOAD:-0}"
KERNEL_BTF_DIR="${KERNEL_BTF_DIR:-/work/shared/kernels}"

# Objects that keep clang's DWARF sections; all others are stripped to
# .BTF/.BTF.ext plus code, like the output of libbpf's static linker.
# (DWARF of programs that touch task_struct is ~600 KiB per object.)
KEEP_DWARF="xdp_filter port_knock"

# No dots in this path: it also holds the bpffs mount used for pinning,
# and libbpf rewrites dots in pin paths.
BUILD="$(mktemp -d /tmp/core4j_bpf_build_XXXXXX)"
cleanup() {
	if mountpoint -q "$BUILD/bpffs" 2>/dev/null; then
		umount "$BUILD/bpffs" || true
	fi
	rm -rf "$BUILD"
}
trap cleanup EXIT

mkdir -p out expected
rm -f out/*.o expected/*.txt

echo "vmlinux.h from $VMLINUX_BTF"
"$BPFTOOL" btf dump file "$VMLINUX_BTF" format c > "$BUILD/vmlinux.h"

CFLAGS=(-g -O2 -Wall -D__TARGET_ARCH_x86 -I"$BUILD" -I/usr/include
	# keep build paths out of the objects
	-fdebug-compilation-dir=. -fdebug-prefix-map="$BUILD"=/vmlinux)

SOURCES=(*.bpf.c)
NAMES=()
for src in "${SOURCES[@]}"; do
	NAMES+=("${src%.bpf.c}")
done

for name in "${NAMES[@]}"; do
	for bo in bpfel bpfeb; do
		obj="out/$name.$bo.o"
		echo "  CC $obj"
		"$CLANG" "${CFLAGS[@]}" -target "$bo" -c "$name.bpf.c" -o "$obj"
		case " $KEEP_DWARF " in
		*" $name "*) ;;
		*) "$STRIP" --strip-debug "$obj" ;;
		esac
	done
done

echo "expected outputs"
for name in "${NAMES[@]}"; do
	for bo in bpfel bpfeb; do
		# run inside out/ so the tools print bare file names
		(cd out && "$OBJDUMP" -d "$name.$bo.o") > "expected/$name.$bo.objdump.txt"
		(cd out && "$READELF" -S "$name.$bo.o") > "expected/$name.$bo.readelf-S.txt"
		(cd out && "$READELF" -s "$name.$bo.o") > "expected/$name.$bo.readelf-s.txt"
		# the DATASECs with their entries, and every VAR
		"$BPFTOOL" btf dump file "out/$name.$bo.o" |
			awk '/^\[[0-9]+\] DATASEC /{p=1;print;next} p&&/^\t/{print;next} {p=0} /^\[[0-9]+\] VAR /{print}' \
			> "expected/$name.$bo.datasec.txt"
	done
done

"$HOSTCC" -O2 -Wall -Wextra -o "$BUILD/objinfo" oracle/objinfo.c -lbpf

for name in "${NAMES[@]}"; do
	(cd out && "$BUILD/objinfo" "$name.bpfel.o") > "expected/$name.bpfel.objinfo.txt"
	(cd out && "$BUILD/objinfo" --details "$name.bpfel.o") > "expected/$name.bpfel.objdetails.txt"
done

"$BUILD/objinfo" --section-defs oracle/section_names.txt > expected/section_defs.txt

# libbpf 1.1 refuses objects of the other byte order; record what it says.
: > expected/bpfeb-open.txt
for name in "${NAMES[@]}"; do
	if (cd out && "$BUILD/objinfo" "$name.bpfeb.o") > "$BUILD/eb.txt"; then
		mv "$BUILD/eb.txt" "expected/$name.bpfeb.objinfo.txt"
		echo "$name.bpfeb.o opened" >> expected/bpfeb-open.txt
	else
		echo "$name.bpfeb.o $(head -n1 "$BUILD/eb.txt")" >> expected/bpfeb-open.txt
	fi
done

restore_root_outputs() {
	echo "$1: load results and CO-RE logs restored from git" >&2
	git -C "$HERE" checkout -- 'expected/*.load.txt' 'expected/*.core.*.txt' 2>/dev/null || true
	exit 0
}
[ "$SKIP_LOAD" = 1 ] && restore_root_outputs "SKIP_LOAD=1"
[ "$(id -u)" = 0 ] || restore_root_outputs "not root"

mkdir "$BUILD/bpffs"
mount -t bpf bpf "$BUILD/bpffs"
KERNEL="$(uname -r)"
LIBBPF="$(dpkg-query -W -f='${Version}' libbpf1 2>/dev/null || echo unknown)"
for name in "${NAMES[@]}"; do
	{
		echo "# kernel $KERNEL, libbpf $LIBBPF"
		"$BUILD/objinfo" --load-each --pin-root "$BUILD/bpffs" "out/$name.bpfel.o"
	} > "expected/$name.load.txt"
done

# kernel BTFs for the CO-RE logs: label -> raw BTF file
declare -A BTFS=(["$KERNEL"]="$VMLINUX_BTF")
if [ -d "$KERNEL_BTF_DIR" ]; then
	for xz in "$KERNEL_BTF_DIR"/*.btf.xz; do
		[ -e "$xz" ] || continue
		label="$(basename "$xz" .btf.xz)"
		xz -dc "$xz" > "$BUILD/$label.btf"
		BTFS["$label"]="$BUILD/$label.btf"
	done
else
	echo "no $KERNEL_BTF_DIR: CO-RE logs for the running kernel only" >&2
fi
for name in "${NAMES[@]}"; do
	for label in "${!BTFS[@]}"; do
		"$BUILD/objinfo" --core-relos "${BTFS[$label]}" --pin-root "$BUILD/bpffs" \
			"out/$name.bpfel.o" > "$BUILD/core.txt"
		# objects without CO-RE relocations get no file
		if [ -s "$BUILD/core.txt" ]; then
			mv "$BUILD/core.txt" "expected/$name.core.$label.txt"
		fi
	done
done
echo "done: $(ls out | wc -l) objects, $(ls expected | wc -l) expected files"
