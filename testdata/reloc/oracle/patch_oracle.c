// SPDX-License-Identifier: Apache-2.0
/*
 * patch_oracle < CASES > ANSWERS
 *
 * Runs libbpf's bpf_core_patch_insn (linked statically from libbpf.a) on hand-written instructions
 * and relocation results, to test core4j's instruction patcher against it.
 *
 * CASES, tab-separated: LABEL, then two instructions as CODE DST SRC OFF IMM (the second only
 * matters for ldimm64), then ORIG NEW POISON VALIDATE FAIL_MEMSZ ORIG_SZ NEW_SZ of the
 * relocation result. Numbers in C syntax (0x.. allowed).
 *
 * ANSWERS: "log<TAB>LABEL<TAB>line" for libbpf's messages, then
 * "res<TAB>LABEL<TAB>ERR<TAB>CODE DST SRC OFF IMM<TAB>CODE DST SRC OFF IMM" after patching.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bpf.h>
#include <bpf/libbpf.h>

/* libbpf 1.1.2's struct bpf_core_relo_res (relo_core.h is not installed) */
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
int bpf_core_patch_insn(const char *prog_name, struct bpf_insn *insn, int insn_idx,
			const struct bpf_core_relo *relo, int relo_idx, const struct core_relo_res *res);

static const char *label = "";

static int print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	char line[4096];
	size_t n;

	vsnprintf(line, sizeof(line), fmt, args);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = 0;
	printf("log\t%s\t%s\n", label, strncmp(line, "libbpf: ", 8) == 0 ? line + 8 : line);
	return 0;
}

int main(void)
{
	char buf[4096];

	libbpf_set_print(print);
	while (fgets(buf, sizeof(buf), stdin)) {
		struct bpf_insn insn[2];
		struct core_relo_res res = {};
		struct bpf_core_relo relo = {};
		unsigned long long v[17];
		char *tok, *save = NULL;
		int n = 0, err, i;

		buf[strcspn(buf, "\n")] = 0;
		if (!buf[0] || buf[0] == '#')
			continue;
		tok = strtok_r(buf, "\t", &save);
		label = tok;
		while ((tok = strtok_r(NULL, "\t", &save)) && n < 17)
			v[n++] = strtoull(tok, NULL, 0);
		if (n != 17) {
			fprintf(stderr, "%s: expected 17 numbers, got %d\n", label, n);
			return 2;
		}
		for (i = 0; i < 2; i++) {
			insn[i].code = v[i * 5];
			insn[i].dst_reg = v[i * 5 + 1];
			insn[i].src_reg = v[i * 5 + 2];
			insn[i].off = (__s16)v[i * 5 + 3];
			insn[i].imm = (__s32)v[i * 5 + 4];
		}
		res.orig_val = v[10];
		res.new_val = v[11];
		res.poison = v[12];
		res.validate = v[13];
		res.fail_memsz_adjust = v[14];
		res.orig_sz = v[15];
		res.new_sz = v[16];
		err = bpf_core_patch_insn("patch", insn, 7, &relo, 3, &res);
		printf("res\t%s\t%d", label, err);
		for (i = 0; i < 2; i++)
			printf("\t%u %u %u %d %d", insn[i].code, insn[i].dst_reg, insn[i].src_reg, insn[i].off,
			       insn[i].imm);
		printf("\n");
	}
	return 0;
}
