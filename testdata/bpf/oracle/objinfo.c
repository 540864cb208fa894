/*
 * objinfo - print libbpf's view of a BPF ELF object, one line per entity,
 * for use as a test oracle.
 *
 *   objinfo OBJ
 *       Open OBJ with bpf_object__open_file() (nothing is loaded) and print
 *         object <file name>
 *         program <name> section=<sec> type=<t> expected_attach_type=<t> insns=<n> autoload=<0|1>
 *         map <name> type=<t> key_size=<n> value_size=<n> max_entries=<n> map_flags=0x<x> numa_node=<n> internal=<0|1> pin_path=<path|->
 *       in libbpf's iteration order (programs in ELF order, maps in the
 *       order libbpf created its map table).
 *
 *   objinfo --details OBJ
 *       Open OBJ like plain objinfo and print what else libbpf knows at that
 *       point, one line per entity:
 *         object <file name> name=<bpf_object__name>
 *         program <name> insns_fnv=0x<FNV-1a 64 of bpf_program__insns bytes>
 *         map <name> btf_key_type_id=<n> btf_value_type_id=<n> map_extra=0x<x> autocreate=<0|1> initial_size=<n|-> initial_fnv=0x<x|-> inner=<type>/<key_size>/<value_size>/<max_entries>|-
 *         datasec <name> id=<n> size=<n> vlen=<n>
 *           var <name> id=<n> type_id=<n> offset=<n> size=<n> linkage=<static|global|extern>
 *       Data sections are those of bpf_object__btf(), i.e. after libbpf's
 *       fixups: section sizes and variable offsets from the ELF symbols,
 *       hidden globals turned static, variables sorted by offset, .kconfig
 *       externs at their offsets in the .kconfig map. The members of .ksyms
 *       are printed as they are after libbpf rewrote them (kfuncs point to
 *       libbpf's dummy_ksym variable).
 *
 *   objinfo --section-defs FILE
 *       For each line of FILE (a section name), what
 *       libbpf_prog_type_by_name() makes of it:
 *         '<name>' type=<t> expected_attach_type=<t>
 *         '<name>' unknown
 *
 *   objinfo --load-each [--pin-root DIR] OBJ
 *       Load OBJ into the running kernel and print whether each program
 *       loads (see load_each() for the method):
 *         # whole object: OK|FAIL <errno name>    (default autoload flags)
 *         <program name> OK
 *         <program name> FAIL <errno name>
 *       Maps pinned during a load are unpinned again. DIR is passed as
 *       pin_root_path (a bpffs whose path has no dots: libbpf turns dots
 *       into underscores); without it maps pinned by name go under
 *       /sys/fs/bpf.
 *
 *   objinfo --core-relos BTF [--pin-root DIR] OBJ
 *       Print libbpf's CO-RE relocation log for OBJ against the raw kernel
 *       BTF file BTF (btf_custom_path), one libbpf message per line, e.g.
 *         prog 'p': relo #3: <byte_off> [19] struct task_struct.pid (0:92 @ offset 1264)
 *         prog 'p': relo #3: matching candidate #0 <byte_off> [114] ...
 *         prog 'p': relo #3: patched insn #17 (LDX/ST/STX) off 1264 -> 1264
 *       Needs root: libbpf relocates as part of bpf_object__load().
 *
 *   -v  copy libbpf's log to stderr.
 *
 * Exit status: 0 on success, 1 if the object cannot be opened, 2 on usage
 * errors. A program failing to load is not an error of objinfo.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

static bool verbose;

static const char *or_unknown(const char *s, char *buf, size_t len, unsigned v)
{
	if (s)
		return s;
	snprintf(buf, len, "unknown(%u)", v);
	return buf;
}

/* errno name (EPERM, ...) or libbpf error code (LIBBPF_ERRNO_4003) */
static const char *errname(int err)
{
	static char buf[32];
	const char *n;

	if (err < 0)
		err = -err;
	n = strerrorname_np(err);
	if (n)
		return n;
	snprintf(buf, sizeof(buf), "%s_%d",
		 err >= __LIBBPF_ERRNO__START ? "LIBBPF_ERRNO" : "ERRNO", err);
	return buf;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static struct bpf_object *open_obj(const char *path, const char *pin_root)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts, .pin_root_path = pin_root);
	struct bpf_object *obj = bpf_object__open_file(path, &opts);
	int err = libbpf_get_error(obj);

	if (err) {
		char msg[128];

		libbpf_strerror(err, msg, sizeof(msg));
		printf("error open %s %s\n", errname(err), msg);
		return NULL;
	}
	return obj;
}

static int describe(const char *path)
{
	struct bpf_object *obj = open_obj(path, NULL);
	struct bpf_program *p;
	struct bpf_map *m;
	char b1[32], b2[32];

	if (!obj)
		return 1;
	printf("object %s\n", base_name(path));
	bpf_object__for_each_program(p, obj) {
		enum bpf_prog_type t = bpf_program__type(p);
		enum bpf_attach_type a = bpf_program__expected_attach_type(p);

		printf("program %s section=%s type=%s expected_attach_type=%s insns=%zu autoload=%d\n",
		       bpf_program__name(p), bpf_program__section_name(p),
		       or_unknown(libbpf_bpf_prog_type_str(t), b1, sizeof(b1), t),
		       or_unknown(libbpf_bpf_attach_type_str(a), b2, sizeof(b2), a),
		       bpf_program__insn_cnt(p), bpf_program__autoload(p));
	}
	bpf_object__for_each_map(m, obj) {
		enum bpf_map_type t = bpf_map__type(m);
		const char *pin = bpf_map__pin_path(m);

		printf("map %s type=%s key_size=%u value_size=%u max_entries=%u map_flags=0x%x numa_node=%u internal=%d pin_path=%s\n",
		       bpf_map__name(m),
		       or_unknown(libbpf_bpf_map_type_str(t), b1, sizeof(b1), t),
		       bpf_map__key_size(m), bpf_map__value_size(m),
		       bpf_map__max_entries(m), bpf_map__map_flags(m),
		       bpf_map__numa_node(m), bpf_map__is_internal(m),
		       pin ? pin : "-");
	}
	bpf_object__close(obj);
	return 0;
}

/* FNV-1a, 64 bit: a stable digest for instruction and data bytes */
static unsigned long long fnv1a(const void *data, size_t len)
{
	const unsigned char *p = data;
	unsigned long long h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static const char *linkage_str(int linkage)
{
	switch (linkage) {
	case BTF_VAR_STATIC: return "static";
	case BTF_VAR_GLOBAL_ALLOCATED: return "global";
	case BTF_VAR_GLOBAL_EXTERN: return "extern";
	default: return "unknown";
	}
}

static int details(const char *path)
{
	struct bpf_object *obj = open_obj(path, NULL);
	const struct btf *btf;
	struct bpf_program *p;
	struct bpf_map *m;
	char b1[32];
	__u32 id, n;

	if (!obj)
		return 1;
	printf("object %s name=%s\n", base_name(path), bpf_object__name(obj));
	bpf_object__for_each_program(p, obj) {
		printf("program %s insns_fnv=0x%016llx\n", bpf_program__name(p),
		       fnv1a(bpf_program__insns(p),
			     bpf_program__insn_cnt(p) * sizeof(struct bpf_insn)));
	}
	bpf_object__for_each_map(m, obj) {
		struct bpf_map *inner = bpf_map__inner_map(m);
		const void *init = NULL;
		size_t init_sz = 0;

		if (bpf_map__is_internal(m))
			init = bpf_map__initial_value(m, &init_sz);
		printf("map %s btf_key_type_id=%u btf_value_type_id=%u map_extra=0x%llx autocreate=%d",
		       bpf_map__name(m), bpf_map__btf_key_type_id(m),
		       bpf_map__btf_value_type_id(m),
		       (unsigned long long)bpf_map__map_extra(m), bpf_map__autocreate(m));
		if (init)
			printf(" initial_size=%zu initial_fnv=0x%016llx", init_sz, fnv1a(init, init_sz));
		else
			printf(" initial_size=- initial_fnv=-");
		if (inner) {
			enum bpf_map_type t = bpf_map__type(inner);

			printf(" inner=%s/%u/%u/%u\n",
			       or_unknown(libbpf_bpf_map_type_str(t), b1, sizeof(b1), t),
			       bpf_map__key_size(inner), bpf_map__value_size(inner),
			       bpf_map__max_entries(inner));
		} else {
			printf(" inner=-\n");
		}
	}
	btf = bpf_object__btf(obj);
	n = btf ? btf__type_cnt(btf) : 0;
	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const struct btf_var_secinfo *vs;
		int i;

		if (!btf_is_datasec(t))
			continue;
		printf("datasec %s id=%u size=%u vlen=%u\n", btf__name_by_offset(btf, t->name_off),
		       id, t->size, btf_vlen(t));
		vs = btf_var_secinfos(t);
		for (i = 0; i < btf_vlen(t); i++, vs++) {
			const struct btf_type *v = btf__type_by_id(btf, vs->type);

			printf("  var %s id=%u type_id=%u offset=%u size=%u linkage=%s\n",
			       btf__name_by_offset(btf, v->name_off), vs->type, v->type,
			       vs->offset, vs->size,
			       btf_is_var(v) ? linkage_str(btf_var(v)->linkage) : "func");
		}
	}
	bpf_object__close(obj);
	return 0;
}

static int section_defs(const char *file)
{
	FILE *f = fopen(file, "r");
	char line[256], b1[32], b2[32];

	if (!f) {
		perror(file);
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		enum bpf_prog_type t;
		enum bpf_attach_type a;

		line[strcspn(line, "\n")] = '\0';
		if (libbpf_prog_type_by_name(line, &t, &a))
			printf("'%s' unknown\n", line);
		else
			printf("'%s' type=%s expected_attach_type=%s\n", line,
			       or_unknown(libbpf_bpf_prog_type_str(t), b1, sizeof(b1), t),
			       or_unknown(libbpf_bpf_attach_type_str(a), b2, sizeof(b2), a));
	}
	fclose(f);
	return 0;
}

#define MAX_PROGS 64
#define OPEN_FAILED (-100000)	/* not a valid errno */

/* Name of the last program a libbpf warning was about, during one load. */
static char last_prog[256];

/* --core-relos: libbpf's CO-RE relocation messages, in order. */
static bool capture_core;
static char *core_log;
static size_t core_len, core_cap;

static void core_append(const char *msg)
{
	size_t n = strlen(msg);

	if (core_len + n + 1 > core_cap) {
		core_cap = (core_len + n + 1) * 2;
		core_log = realloc(core_log, core_cap);
		if (!core_log)
			abort();
	}
	memcpy(core_log + core_len, msg, n + 1);
	core_len += n;
}

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char msg[1024];
	const char *p;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (level == LIBBPF_WARN && (p = strstr(msg, "prog '")))
		sscanf(p, "prog '%255[^']'", last_prog);
	if (capture_core && (strstr(msg, ": relo #") || strstr(msg, "CO-RE relocating")))
		core_append(strncmp(msg, "libbpf: ", 8) ? msg : msg + 8);
	if (verbose)
		fputs(msg, stderr);
	return 0;
}

/*
 * Load OBJ with autoload on for every program except those marked in
 * skip[] (all == false: keep libbpf's default autoload flags instead).
 * Returns 0 or a negative error; last_prog names the failing program.
 */
static int load_obj(const char *path, const char *pin_root, bool all,
		    const bool *skip, char names[][256], int *nr)
{
	struct bpf_object *obj = open_obj(path, pin_root);
	struct bpf_program *p;
	int i = 0, err;

	if (!obj)
		return OPEN_FAILED;
	bpf_object__for_each_program(p, obj) {
		if (i >= MAX_PROGS)
			break;
		if (all)
			bpf_program__set_autoload(p, !skip[i]);
		snprintf(names[i], 256, "%s", bpf_program__name(p));
		i++;
	}
	*nr = i;
	last_prog[0] = '\0';
	err = bpf_object__load(obj);
	bpf_object__unpin_maps(obj, NULL);
	bpf_object__close(obj);
	return err;
}

/*
 * Per-program load results. All programs (including autoload-off ones) are
 * enabled and the object is loaded; libbpf stops at the first program the
 * kernel (or libbpf) rejects. That program is recorded as FAIL, disabled,
 * and the load is retried until it succeeds. Programs still enabled then
 * are OK. Other programs stay enabled, so dependencies between programs
 * (e.g. a prog_array statically initialised with another program) hold.
 * A failure that names no enabled program (map creation, say) fails all
 * programs still undecided.
 */
static int load_each(const char *path, const char *pin_root)
{
	static char names[MAX_PROGS][256];
	bool skip[MAX_PROGS] = {};
	int errs[MAX_PROGS] = {};
	int i, nr = 0, err, global_err = 0;

	err = load_obj(path, pin_root, false, skip, names, &nr);
	if (err == OPEN_FAILED)
		return 1;
	if (err)
		printf("# whole object: FAIL %s\n", errname(err));
	else
		printf("# whole object: OK\n");

	for (;;) {
		err = load_obj(path, pin_root, true, skip, names, &nr);
		if (!err)
			break;
		if (err == OPEN_FAILED) {
			global_err = -EIO;
			break;
		}
		for (i = 0; i < nr; i++)
			if (!skip[i] && !strcmp(names[i], last_prog))
				break;
		if (i == nr) {
			global_err = err;
			break;
		}
		skip[i] = true;
		errs[i] = err;
	}
	for (i = 0; i < nr; i++) {
		if (skip[i])
			printf("%s FAIL %s\n", names[i], errname(errs[i]));
		else if (global_err)
			printf("%s FAIL %s\n", names[i], errname(global_err));
		else
			printf("%s OK\n", names[i]);
	}
	return 0;
}

/*
 * CO-RE relocation results against the kernel BTF in btf_path: open with
 * btf_custom_path, turn autoload on for every program, load, and print
 * libbpf's relocation messages (which happen before any program is loaded;
 * whether the load then succeeds on the running kernel is not reported).
 */
static int core_relos(const char *path, const char *btf_path, const char *pin_root)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts, .btf_custom_path = btf_path,
		    .pin_root_path = pin_root);
	struct bpf_object *obj = bpf_object__open_file(path, &opts);
	struct bpf_program *p;
	int err = libbpf_get_error(obj);

	if (err) {
		printf("error open %s\n", errname(err));
		return 1;
	}
	bpf_object__for_each_program(p, obj)
		bpf_program__set_autoload(p, true);
	capture_core = true;
	bpf_object__load(obj);
	capture_core = false;
	bpf_object__unpin_maps(obj, NULL);
	bpf_object__close(obj);
	if (core_log)
		fputs(core_log, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const char *pin_root = NULL, *path = NULL, *core_btf = NULL, *names = NULL;
	bool each = false, detail = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--load-each"))
			each = true;
		else if (!strcmp(argv[i], "--details"))
			detail = true;
		else if (!strcmp(argv[i], "--section-defs") && i + 1 < argc)
			names = argv[++i];
		else if (!strcmp(argv[i], "--pin-root") && i + 1 < argc)
			pin_root = argv[++i];
		else if (!strcmp(argv[i], "--core-relos") && i + 1 < argc)
			core_btf = argv[++i];
		else if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (argv[i][0] != '-' && !path)
			path = argv[i];
		else
			path = NULL, i = argc;
	}
	libbpf_set_print(print_fn);
	if (names)
		return section_defs(names);
	if (!path) {
		fprintf(stderr, "usage: %s [-v] [--details | --load-each | --core-relos BTF] [--pin-root DIR] OBJ\n"
			"       %s --section-defs FILE\n",
			argv[0], argv[0]);
		return 2;
	}
	libbpf_set_print(print_fn);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (core_btf)
		return core_relos(path, core_btf, pin_root);
	if (detail)
		return details(path);
	return each ? load_each(path, pin_root) : describe(path);
}
