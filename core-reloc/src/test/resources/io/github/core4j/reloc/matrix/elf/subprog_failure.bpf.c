// SPDX-License-Identifier: GPL-2.0
/* A hard CO-RE failure inside a .text subprogram: every kernel has two 'struct
 * elf_thread_core_info' whose 'notes' sit at different offsets, so libbpf refuses the relocation
 * ("field offset ambiguity"). libbpf relocates every subprogram of .text, called or not, so the
 * whole object fails to load: both callers and the program that never calls it.
 * Built by build-subprog-failure.sh (clang-16, vmlinux.h from the host's BTF). */
#include "common.h"

struct memelfnote___local {
	const char *name;
	int type;
	unsigned int datasz;
	void *data;
};

struct elf_thread_core_info___local {
	struct elf_thread_core_info___local *next;
	struct task_struct *task;
	struct memelfnote___local notes[0];
} __attribute__((preserve_access_index));

static __noinline int read_note_type(void)
{
	struct elf_thread_core_info___local *info = (void *)bpf_get_current_task();

	return BPF_CORE_READ(info, notes[0].type);
}

SEC("raw_tp/sys_enter")
int calls_it(void *ctx)
{
	return read_note_type();
}

SEC("raw_tp/sys_exit")
int also_calls_it(void *ctx)
{
	return read_note_type() + 1;
}

SEC("raw_tp/sched_switch")
int never_calls_it(void *ctx)
{
	return 0;
}
