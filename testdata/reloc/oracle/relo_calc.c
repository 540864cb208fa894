// SPDX-License-Identifier: Apache-2.0
/*
 * relo_calc LOCAL.btf VMLINUX.btf [NAME=MODULE.btf ...] < CASES > ANSWERS
 *
 * Asks libbpf's CO-RE engine (bpf_core_calc_relo_insn, linked statically from libbpf.a, so the
 * same code bpf_object__load runs) to relocate arbitrary records against raw BTF files, without an
 * ELF object: for hand-built BTF (error paths, module candidates) and for the big-endian test
 * objects, which libbpf 1.1 cannot open.
 *
 * CASES: one relocation per line, "LABEL<TAB>TYPE_ID<TAB>KIND<TAB>ACCESS" where ACCESS is
 * "str:<access string>" (added to the local BTF's strings) or "off:<string offset>". Cases run in
 * order with one candidate cache, as libbpf runs an object's relocations.
 *
 * Candidates are found as libbpf's bpf_core_find_cands does (that function is static): in vmlinux
 * from id 1, and only when there are none, in each module from the first id after vmlinux's.
 *
 * ANSWERS, per case: "log<TAB>LABEL<TAB><libbpf's log line>" for what libbpf printed, then
 * "res<TAB>LABEL<TAB>ERR<TAB>ORIG<TAB>NEW<TAB>POISON<TAB>VALIDATE<TAB>MEMSZ<TAB>ORIG_SZ<TAB>NEW_SZ",
 * or "crash<TAB>LABEL<TAB>SIGNAL" when libbpf crashes on the case (each case is first tried in a
 * child process; libbpf 1.1 dereferences member -1 for a negative access index).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

/* Declarations matching libbpf 1.1.2's internal relo_core.h, which libbpf-dev does not install. */
#define SPEC_MAX_LEN 64
struct core_cand {
	const struct btf *btf;
	__u32 id;
};
struct core_cand_list {
	struct core_cand *cands;
	int len;
};
struct core_accessor {
	__u32 type_id;
	__u32 idx;
	const char *name;
};
struct core_spec {
	const struct btf *btf;
	struct core_accessor spec[SPEC_MAX_LEN];
	__u32 root_type_id;
	enum bpf_core_relo_kind relo_kind;
	int len;
	int raw_spec[SPEC_MAX_LEN];
	int raw_len;
	__u32 bit_offset;
};
struct core_relo_res {
	__u64 orig_val;
	__u64 new_val;
	bool poison;
	bool validate;
	bool fail_memsz_adjust;
	__u32 orig_sz;
	__u32 orig_type_id;
	__u32 new_sz;
	__u32 new_type_id;
};
int bpf_core_calc_relo_insn(const char *prog_name, const struct bpf_core_relo *relo, int relo_idx,
			    const struct btf *local_btf, struct core_cand_list *cands,
			    struct core_spec *specs_scratch, struct core_relo_res *targ_res);
int bpf_core_add_cands(struct core_cand *local_cand, size_t local_essent_len,
		       const struct btf *targ_btf, const char *targ_btf_name, int targ_start_id,
		       struct core_cand_list *cands);
size_t bpf_core_essential_name_len(const char *name);

static const char *label = "";

static int print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	char line[4096];
	size_t n;

	vsnprintf(line, sizeof(line), fmt, args);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = 0;
	if (strncmp(line, "libbpf: ", 8) == 0)
		memmove(line, line + 8, n - 8 + 1);
	if (strncmp(line, "CO-RE relocating", 16) == 0)
		return 0;
	printf("log\t%s\t%s\n", label, line);
	return 0;
}

struct module {
	const char *name;
	struct btf *btf;
};

static struct core_cand_list *find_cands(const struct btf *local, __u32 id, const struct btf *vmlinux,
					 struct module *mods, int nmods, int *err)
{
	const struct btf_type *t = btf__type_by_id(local, id);
	const char *name = btf__name_by_offset(local, t->name_off);
	struct core_cand local_cand = { .btf = local, .id = id };
	struct core_cand_list *cands;
	size_t len;
	int i;

	if (!name || !name[0]) {
		*err = -EINVAL;
		return NULL;
	}
	len = bpf_core_essential_name_len(name);
	cands = calloc(1, sizeof(*cands));
	*err = bpf_core_add_cands(&local_cand, len, vmlinux, "vmlinux", 1, cands);
	if (*err || cands->len)
		return cands;
	for (i = 0; i < nmods && !*err; i++)
		*err = bpf_core_add_cands(&local_cand, len, mods[i].btf, mods[i].name,
					  btf__type_cnt(vmlinux), cands);
	return cands;
}

/* bpf_core_resolve_relo, with our find_cands */
static int resolve(struct bpf_core_relo *relo, int idx, struct btf *local, const struct btf *vmlinux,
		   struct module *mods, int nmods, struct core_cand_list **cache,
		   struct core_spec *specs, struct core_relo_res *res)
{
	struct core_cand_list *cands = NULL;
	int err = 0;

	memset(res, 0, sizeof(*res));
	memset(specs, 0, 3 * sizeof(*specs));
	if (!btf__type_by_id(local, relo->type_id))
		return -EINVAL;
	if (relo->kind != BPF_CORE_TYPE_ID_LOCAL && !cache[relo->type_id]) {
		cands = find_cands(local, relo->type_id, vmlinux, mods, nmods, &err);
		if (err) {
			printf("log\t%s\ttarget candidate search failed: %d\n", label, err);
			return err;
		}
		cache[relo->type_id] = cands;
	}
	cands = relo->kind == BPF_CORE_TYPE_ID_LOCAL ? NULL : cache[relo->type_id];
	return bpf_core_calc_relo_insn("handmade", relo, idx, local, cands, specs, res);
}

/*
 * Timing mode (RELO_CALC_BENCH_SECONDS=S, used by benchmarks/run.sh): read every case first, then
 * relocate all of them again and again, each round with a fresh candidate cache as one
 * bpf_object__load has, until S seconds pass; print the mean time per round. BTF parsing is outside.
 */
static int bench(double seconds, struct btf *local, const struct btf *vmlinux, struct module *mods,
		 int nmods)
{
	struct bpf_core_relo relos[4096];
	struct core_spec specs[3];
	struct core_relo_res res;
	struct timespec t0, t1;
	char line[8192];
	int n = 0, rounds = 0, i;
	double elapsed;

	while (fgets(line, sizeof(line), stdin) && n < 4096) {
		char *f[4], *p = line;
		int k;

		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		for (k = 0; k < 4; k++) {
			f[k] = p;
			p = k < 3 ? strchr(p, '\t') : NULL;
			if (k < 3 && !p)
				return 2;
			if (p)
				*p++ = 0;
		}
		memset(&relos[n], 0, sizeof(relos[n]));
		relos[n].insn_off = n * 8;
		relos[n].type_id = strtoul(f[1], NULL, 0);
		relos[n].kind = strtoul(f[2], NULL, 0);
		relos[n].access_str_off = strncmp(f[3], "str:", 4) == 0 ? btf__add_str(local, f[3] + 4)
									 : strtoul(f[3] + 4, NULL, 0);
		n++;
	}
	libbpf_set_print(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		struct core_cand_list **cache = calloc(btf__type_cnt(local) + 1, sizeof(*cache));

		for (i = 0; i < n; i++)
			resolve(&relos[i], i, local, vmlinux, mods, nmods, cache, specs, &res);
		for (i = 0; i <= (int)btf__type_cnt(local); i++) {
			if (cache[i]) {
				free(cache[i]->cands);
				free(cache[i]);
			}
		}
		free(cache);
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		elapsed = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	} while (elapsed < seconds);
	printf("libbpf bpf_core_calc_relo_insn, %d relocations: %.3f ms/round over %d rounds\n", n,
	       elapsed * 1e3 / rounds, rounds);
	return 0;
}

int main(int argc, char **argv)
{
	struct core_cand_list **cache;
	struct module mods[16];
	struct btf *local, *vmlinux;
	char line[8192];
	int nmods = 0, i, idx = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s LOCAL.btf VMLINUX.btf [NAME=MODULE.btf ...] < CASES\n", argv[0]);
		return 2;
	}
	libbpf_set_print(print);
	local = btf__parse_raw(argv[1]);
	vmlinux = btf__parse_raw(argv[2]);
	if (!local || !vmlinux) {
		fprintf(stderr, "cannot parse %s or %s\n", argv[1], argv[2]);
		return 2;
	}
	btf__set_pointer_size(local, 8); /* as libbpf does for an object's BTF */
	for (i = 3; i < argc && nmods < 16; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			return 2;
		*eq = 0;
		mods[nmods].name = argv[i];
		mods[nmods].btf = btf__parse_raw_split(eq + 1, vmlinux);
		if (!mods[nmods].btf) {
			fprintf(stderr, "cannot parse module %s\n", eq + 1);
			return 2;
		}
		nmods++;
	}
	if (getenv("RELO_CALC_BENCH_SECONDS"))
		return bench(atof(getenv("RELO_CALC_BENCH_SECONDS")), local, vmlinux, mods, nmods);
	cache = calloc(btf__type_cnt(local) + 1, sizeof(*cache));

	while (fgets(line, sizeof(line), stdin)) {
		struct core_spec specs[3];
		struct core_relo_res res;
		struct bpf_core_relo relo = {};
		char *f[4], *p = line;
		int err = 0, n;

		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		for (n = 0; n < 4; n++) {
			f[n] = p;
			p = n < 3 ? strchr(p, '\t') : NULL;
			if (n < 3 && !p)
				return 2;
			if (p)
				*p++ = 0;
		}
		label = f[0];
		relo.insn_off = idx * 8;
		relo.type_id = strtoul(f[1], NULL, 0);
		relo.kind = strtoul(f[2], NULL, 0);
		if (strncmp(f[3], "str:", 4) == 0) {
			err = btf__add_str(local, f[3] + 4);
			if (err < 0)
				return 2;
			relo.access_str_off = err;
			err = 0;
		} else {
			relo.access_str_off = strtoul(f[3] + 4, NULL, 0);
		}
		/* probe the case in a child: libbpf may crash on it (RELO_CALC_NO_PROBE: don't) */
		fflush(stdout);
		if (!getenv("RELO_CALC_NO_PROBE")) {
			int status;
			pid_t pid = fork();

			if (pid == 0) {
				if (!freopen("/dev/null", "w", stdout))
					_exit(3);
				err = resolve(&relo, idx, local, vmlinux, mods, nmods, cache, specs, &res);
				_exit(0);
			}
			waitpid(pid, &status, 0);
			if (WIFSIGNALED(status)) {
				printf("crash\t%s\t%d\n", label, WTERMSIG(status));
				idx++;
				continue;
			}
		}
		err = resolve(&relo, idx, local, vmlinux, mods, nmods, cache, specs, &res);
		printf("res\t%s\t%d\t%llu\t%llu\t%d\t%d\t%d\t%u\t%u\n", label, err,
		       (unsigned long long)res.orig_val, (unsigned long long)res.new_val, res.poison,
		       res.validate, res.fail_memsz_adjust, res.orig_sz, res.new_sz);
		fflush(stdout);
		idx++;
	}
	return 0;
}
