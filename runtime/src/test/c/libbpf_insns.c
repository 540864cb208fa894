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
 * map:<name>. Build: cc -O2 -o libbpf_insns libbpf_insns.c -lbpf
 */
#include <bpf/libbpf.h>
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
	}
	bpf_object__close(obj);
	return 0;
}
