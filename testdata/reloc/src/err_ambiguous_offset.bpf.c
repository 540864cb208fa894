// SPDX-License-Identifier: GPL-2.0
/* Hard error: every kernel has two 'struct elf_thread_core_info' whose 'notes' sit at different
 * offsets, so libbpf refuses the relocation ("field offset ambiguity") and the load fails. */
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

SEC("raw_tp/sys_enter")
int ambiguous_offset(void *ctx)
{
	struct elf_thread_core_info___local *info = (void *)bpf_get_current_task();

	return BPF_CORE_READ(info, notes[0].type);
}
