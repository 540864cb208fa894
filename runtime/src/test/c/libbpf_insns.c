/*
 * libbpf_insns - the instructions libbpf loads for each program of an object,
 * a test oracle for core4j's loader (runtime/src/test/.../LibbpfInstructionsTest).
 *
 *   libbpf_insns PIN_ROOT OBJ [PROGRAM...]
 *
 * Opens OBJ with libbpf (maps pinned by name go under PIN_ROOT, a bpffs), turns off the named programs (those this kernel
 * refuses), loads it and prints, for every loaded program:
 *   program <name> insns=<n>
 *   <index> <code> <dst> <src> <off> <imm>
 * Map references are printed by name instead of fd: the imm of an ldimm64
 * with src BPF_PSEUDO_MAP_FD (1) or BPF_PSEUDO_MAP_VALUE (2) becomes
 * map:<name>. Then what the kernel reports about them:
 *   func_info <n> / f <insn_off> <type_id>          per program
 *   line_info <n> / l <insn_off> <file_name_off> <line_off> <line_col>
 *   map <name> type=<t> key=<n> value=<n> max=<n> flags=0x<x> btf_key=<id> btf_value=<id>
 *       btf_vmlinux_value=<id>
 *   btf size=<n> fnv=<FNV-1a 64 of the loaded object BTF>
 * Build: cc -O2 -o libbpf_insns libbpf_insns.c -lbpf
 */
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <stdint.h>
#include <stdlib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *map_name_by_fd(struct bpf_object *obj, int fd)
{
	struct bpf_map *map;

	bpf_object__for_each_map(map, obj) {
		if (bpf_map__fd(map) == fd)
			return bpf_map__name(map);
	}
	return "?";
}

static void print_prog_info(int fd)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info), nf, nl, k;
	struct bpf_func_info *fi;
	struct bpf_line_info *li;

	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		return;
	nf = info.nr_func_info;
	nl = info.nr_line_info;
	fi = calloc(nf + 1, sizeof(*fi));
	li = calloc(nl + 1, sizeof(*li));
	memset(&info, 0, sizeof(info));
	info.nr_func_info = nf;
	info.func_info_rec_size = sizeof(*fi);
	info.func_info = (uintptr_t)fi;
	info.nr_line_info = nl;
	info.line_info_rec_size = sizeof(*li);
	info.line_info = (uintptr_t)li;
	len = sizeof(info);
	if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0) {
		printf("func_info %u\n", nf);
		for (k = 0; k < nf; k++)
			printf("f %u %u\n", fi[k].insn_off, fi[k].type_id);
		printf("line_info %u\n", nl);
		for (k = 0; k < nl; k++)
			printf("l %u %u %u %u\n", li[k].insn_off, li[k].file_name_off,
			       li[k].line_off, li[k].line_col);
	}
	free(fi);
	free(li);
}

static void print_btf(struct bpf_object *obj)
{
	struct bpf_btf_info info = {};
	__u32 len = sizeof(info), size, k;
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned char *raw;
	struct btf *btf = bpf_object__btf(obj);

	if (!btf || btf__fd(btf) < 0) {
		printf("btf none\n");
		return;
	}
	if (bpf_obj_get_info_by_fd(btf__fd(btf), &info, &len))
		return;
	size = info.btf_size;
	raw = calloc(size, 1);
	memset(&info, 0, sizeof(info));
	info.btf = (uintptr_t)raw;
	info.btf_size = size;
	len = sizeof(info);
	if (bpf_obj_get_info_by_fd(btf__fd(btf), &info, &len) == 0) {
		for (k = 0; k < size; k++) {
			h ^= raw[k];
			h *= 0x100000001b3ULL;
		}
		printf("btf size=%u fnv=0x%016llx\n", size, (unsigned long long)h);
	}
	free(raw);
}

static int silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	(void)level;
	(void)fmt;
	(void)args;
	return 0;
}

int main(int argc, char **argv)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts);
	struct bpf_object *obj;
	struct bpf_program *prog;
	int err, i;

	if (argc < 3) {
		fprintf(stderr, "usage: %s PIN_ROOT OBJ [PROGRAM...]\n", argv[0]);
		return 2;
	}
	libbpf_set_print(silent);
	opts.pin_root_path = argv[1];
	obj = bpf_object__open_file(argv[2], &opts);
	if (!obj) {
		fprintf(stderr, "open %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	for (i = 3; i < argc; i++) {
		prog = bpf_object__find_program_by_name(obj, argv[i]);
		if (prog)
			bpf_program__set_autoload(prog, false);
	}
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "load %s: %s\n", argv[2], strerror(-err));
		return 1;
	}
	bpf_object__for_each_program(prog, obj) {
		const struct bpf_insn *insns = bpf_program__insns(prog);
		size_t n = bpf_program__insn_cnt(prog);
		size_t k;

		if (!bpf_program__autoload(prog))
			continue;
		printf("program %s insns=%zu\n", bpf_program__name(prog), n);
		for (k = 0; k < n; k++) {
			const struct bpf_insn *in = &insns[k];

			if (in->code == 0x18 && (in->src_reg == 1 || in->src_reg == 2)) {
				printf("%zu %u %u %u %d map:%s\n", k, in->code, in->dst_reg,
				       in->src_reg, in->off, map_name_by_fd(obj, in->imm));
			} else {
				printf("%zu %u %u %u %d %d\n", k, in->code, in->dst_reg,
				       in->src_reg, in->off, in->imm);
			}
		}
		print_prog_info(bpf_program__fd(prog));
	}
	{
		struct bpf_map *map;

		bpf_object__for_each_map(map, obj) {
			struct bpf_map_info info = {};
			__u32 len = sizeof(info);

			if (bpf_map__fd(map) < 0 || bpf_obj_get_info_by_fd(bpf_map__fd(map), &info, &len))
				continue;
			printf("map %s type=%u key=%u value=%u max=%u flags=0x%x btf_key=%u"
			       " btf_value=%u btf_vmlinux_value=%u\n",
			       bpf_map__name(map), info.type, info.key_size, info.value_size,
			       info.max_entries, info.map_flags, info.btf_key_type_id,
			       info.btf_value_type_id, info.btf_vmlinux_value_type_id);
		}
	}
	print_btf(obj);
	bpf_object__close(obj);
	return 0;
}
