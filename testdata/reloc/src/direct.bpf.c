// SPDX-License-Identifier: GPL-2.0
/* Direct loads from BTF pointers: the CO-RE relocation sits on the load instruction itself, whose
 * access size must follow a field that changed size between kernels. */
#include "common.h"

SEC("fentry/tcp_close")
int BPF_PROG(direct_reads, struct sock *sk, long timeout)
{
	long sum = 0;

	sum += sk->sk_tsflags;   /* u32 here; u16 in 6.1: the load shrinks */
	sum += sk->sk_gso_type;  /* u16 here; int in 6.1: can't be resized, poisoned */
	sum += sk->sk_priority;  /* the same everywhere */
	sum += sk->__sk_common.skc_family;
	return sum;
}
