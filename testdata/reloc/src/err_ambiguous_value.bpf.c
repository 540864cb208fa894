// SPDX-License-Identifier: GPL-2.0
/* Hard error: every kernel has two 'struct syscall_tp_t' of different sizes, so the type_size
 * relocation is ambiguous ("relocation decision ambiguity"). */
#include "common.h"

struct syscall_tp_t___local {
	unsigned long long regs;
	unsigned long syscall_nr;
};

SEC("raw_tp/sys_enter")
int ambiguous_value(void *ctx)
{
	return bpf_core_type_size(struct syscall_tp_t___local);
}
