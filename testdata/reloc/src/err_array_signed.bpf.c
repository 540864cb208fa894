// SPDX-License-Identifier: GPL-2.0
/* Hard error: a 'signed' relocation on an array element access can't be applied. */
#include "common.h"

SEC("raw_tp/sys_enter")
int array_signed(void *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();

	return bpf_core_field_signed(t->comm[1]);
}
