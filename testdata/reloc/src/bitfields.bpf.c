// SPDX-License-Identifier: GPL-2.0
/* Bitfield relocations: BPF_CORE_READ_BITFIELD_PROBED emits byte_off, byte_sz, lshift_u64,
 * rshift_u64 and signed for each bitfield. */
#include "common.h"

/* Fields of 6.1 that 6.18 no longer has. */
struct task_struct___v61 {
	unsigned int in_lru_fault: 1;
	__u64 mce_whole_page: 1;
	__u64 __mce_reserved: 62;
} __attribute__((preserve_access_index));

struct sk_buff___v61 {
	__u8 mono_delivery_time: 1;
} __attribute__((preserve_access_index));

SEC("raw_tp/sys_enter")
int task_bits(void *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	struct task_struct___v61 *t61 = (void *)t;
	long sum = 0;

	sum += BPF_CORE_READ_BITFIELD_PROBED(t, sched_reset_on_fork);
	sum += BPF_CORE_READ_BITFIELD_PROBED(t, in_execve);
	sum += BPF_CORE_READ_BITFIELD_PROBED(t, in_iowait);
	if (bpf_core_field_exists(t61->in_lru_fault))
		sum += BPF_CORE_READ_BITFIELD_PROBED(t61, in_lru_fault);
	if (bpf_core_field_exists(t61->mce_whole_page))
		sum += BPF_CORE_READ_BITFIELD_PROBED(t61, mce_whole_page);
	if (bpf_core_field_exists(t61->__mce_reserved))
		sum += BPF_CORE_READ_BITFIELD_PROBED(t61, __mce_reserved);
	return sum;
}

SEC("raw_tp/sys_enter")
int skb_bits(void *ctx)
{
	struct sk_buff *skb = (void *)bpf_get_current_task();
	struct sk_buff___v61 *skb61 = (void *)skb;
	long sum = 0;

	sum += BPF_CORE_READ_BITFIELD_PROBED(skb, pkt_type);
	sum += BPF_CORE_READ_BITFIELD_PROBED(skb, cloned);
	sum += BPF_CORE_READ_BITFIELD_PROBED(skb, fclone);
	sum += BPF_CORE_READ_BITFIELD_PROBED(skb, ip_summed);
	sum += BPF_CORE_READ_BITFIELD_PROBED(skb, tstamp_type);
	sum += BPF_CORE_READ_BITFIELD_PROBED(skb61, mono_delivery_time);
	return sum;
}

SEC("raw_tp/sys_enter")
int signed_bits(void *ctx)
{
	struct bpf_reg_state *reg = (void *)bpf_get_current_task();
	long sum = 0;

	/* int depth: 30 (a signed bitfield) exists from 6.3 on */
	sum += BPF_CORE_READ_BITFIELD_PROBED(reg, iter.depth);
	sum += BPF_CORE_READ_BITFIELD_PROBED(reg, iter.state);
	sum += bpf_core_field_signed(reg->iter.depth);
	return sum;
}
