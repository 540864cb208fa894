// SPDX-License-Identifier: Apache-2.0
/*
 * relo_oracle OBJ TARGET_BTF
 *
 * Asks the installed libbpf how it relocates every CO-RE relocation of OBJ against the kernel BTF
 * in TARGET_BTF (raw BTF, either byte order). libbpf logs its decisions at debug level while
 * bpf_object__load() relocates; loading the programs into the kernel may fail afterwards, which
 * does not matter here. Every libbpf log line that belongs to CO-RE relocation is printed to
 * stdout unchanged; parse_log.py turns them into expected results.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>

static int print_relo_lines(enum libbpf_print_level level, const char *fmt, va_list args)
{
	char line[4096];

	vsnprintf(line, sizeof(line), fmt, args);
	if (getenv("RELO_ORACLE_ALL"))
		fputs(line, stderr);
	/* keep only what the relocation pass says, not the verifier log */
	if (strncmp(line, "libbpf: ", 8) != 0)
		return 0;
	memmove(line, line + 8, strlen(line + 8) + 1);
	if ((strncmp(line, "prog '", 6) == 0 && strstr(line, ": relo ") != NULL) ||
	    (strncmp(line, "sec '", 5) == 0 && strstr(line, "CO-RE") != NULL) ||
	    strncmp(line, "CO-RE relocating", 16) == 0 || strstr(line, "unexpected kind") != NULL ||
	    strstr(line, "target BTF") != NULL)
		fputs(line, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	struct bpf_object *obj;
	int err;

	if (argc != 3) {
		fprintf(stderr, "usage: %s OBJ TARGET_BTF\n", argv[0]);
		return 2;
	}
	LIBBPF_OPTS(bpf_object_open_opts, opts, .btf_custom_path = argv[2]);

	libbpf_set_print(print_relo_lines);
	obj = bpf_object__open_file(argv[1], &opts);
	if (!obj) {
		fprintf(stderr, "%s: cannot open\n", argv[1]);
		return 2;
	}
	err = bpf_object__load(obj);
	printf("# load: %d\n", err);
	bpf_object__close(obj);
	return 0;
}
