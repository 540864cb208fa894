// SPDX-License-Identifier: GPL-2.0
/* Relocations that fail on every kernel: poisoned instructions (or 0 for existence checks). */
#include "common.h"

struct task_struct___bogus {
	int no_such_field;
	int pid;
} __attribute__((preserve_access_index));

struct no_such_struct {
	int x;
} __attribute__((preserve_access_index));

/* A field access rooted at a typedef of an anonymous struct: the typedef's name has no candidate. */
typedef struct {
	int x;
	int y;
} __attribute__((preserve_access_index)) anon_t;

enum no_such_enum {
	NO_SUCH_VALUE = 7,
};

SEC("raw_tp/sys_enter")
int always_fails(void *ctx)
{
	struct task_struct___bogus *t = (void *)bpf_get_current_task();
	struct no_such_struct *n = (void *)t;
	long sum = 0;

	sum += bpf_core_field_exists(t->no_such_field);
	if (bpf_core_field_exists(t->no_such_field))
		sum += BPF_CORE_READ(t, no_such_field);
	sum += BPF_CORE_READ(t, pid);
	sum += BPF_CORE_READ(n, x);
	sum += bpf_core_field_size(n->x);
	sum += bpf_core_enum_value_exists(enum no_such_enum, NO_SUCH_VALUE);
	sum += bpf_core_enum_value(enum no_such_enum, NO_SUCH_VALUE);
	sum += BPF_CORE_READ((anon_t *)t, y);
	return sum;
}
