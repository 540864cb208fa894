// SPDX-License-Identifier: GPL-2.0
/* Field relocations: byte_off (BPF_CORE_READ chains), byte_sz, field_exists, signed, through
 * pointers, anonymous structs/unions, arrays, flexible arrays and local flavors. */
#include "common.h"

/* task_struct as of 6.1: rcu_users sits in an anonymous union there, perf_event_ctxp is an
 * array; 6.18 has rcu_users at top level and perf_event_ctxp as a plain pointer. */
struct task_struct___v61 {
	union {
		refcount_t rcu_users;
		struct callback_head rcu;
	};
	struct perf_event_context *perf_event_ctxp[2];
	int curr_ret_stack;
	struct list_head thread_group;
} __attribute__((preserve_access_index));

/* The pre-5.14 name of __state. */
struct task_struct___old {
	long state;
} __attribute__((preserve_access_index));

SEC("raw_tp/sys_enter")
int read_chains(void *ctx)
{
	struct task_struct *t = current_task();
	long sum = 0;

	sum += BPF_CORE_READ(t, tgid);
	sum += BPF_CORE_READ(t, pid);
	sum += BPF_CORE_READ(t, real_parent, tgid);
	sum += BPF_CORE_READ(t, real_parent, real_parent, pid);
	sum += BPF_CORE_READ(t, mm, total_vm);
	sum += BPF_CORE_READ(t, __state);
	sum += BPF_CORE_READ(t, nsproxy, pid_ns_for_children, level);
	sum += BPF_CORE_READ(t, cred, uid.val);
	return sum;
}

SEC("raw_tp/sys_enter")
int arrays(void *ctx)
{
	struct task_struct *t = current_task();
	struct cgroup *cgrp = BPF_CORE_READ(t, cgroups, dfl_cgrp);
	long sum = 0;

	sum += BPF_CORE_READ(t, comm[3]);
	sum += bpf_core_field_size(t->comm);
	sum += bpf_core_field_offset(t->comm[7]);
	/* flexible array member: struct cgroup *ancestors[] */
	sum += (long)BPF_CORE_READ(cgrp, ancestors[1]);
	sum += BPF_CORE_READ(cgrp, level);
	/* element of an array of structs */
	sum += BPF_CORE_READ(t, pending.signal.sig[0]);
	sum += bpf_core_field_size(t->pending.signal.sig);
	return sum;
}

SEC("raw_tp/sys_enter")
int anon_members(void *ctx)
{
	struct sk_buff *skb = (void *)bpf_get_current_task(); /* any pointer will do */
	struct task_struct *t = current_task();
	struct task_struct___v61 *t61 = (void *)t;
	long sum = 0;

	/* sk_buff.dev lives in union { struct { ...; union { dev; dev_scratch; }; }; ... } */
	sum += (long)BPF_CORE_READ(skb, dev);
	sum += BPF_CORE_READ(skb, len);
	sum += BPF_CORE_READ(skb, hash);
	sum += bpf_core_field_offset(skb->vlan_tci);
	/* anonymous union in 6.1, plain member in 6.18 */
	sum += BPF_CORE_READ(t61, rcu_users.refs.counter);
	sum += bpf_core_field_offset(t61->rcu_users);
	sum += bpf_core_field_offset(t->rcu_users);
	return sum;
}

SEC("raw_tp/sys_enter")
int exists_size_signed(void *ctx)
{
	struct task_struct *t = current_task();
	struct task_struct___v61 *t61 = (void *)t;
	struct task_struct___old *told = (void *)t;
	long sum = 0;

	sum += bpf_core_field_exists(t->__state);
	sum += bpf_core_field_exists(told->state);
	/* present in 6.18, absent in 6.1 */
	sum += bpf_core_field_exists(t->saved_state);
	sum += bpf_core_field_exists(t->mm_cid);
	if (bpf_core_field_exists(t->mm_cid))
		sum += BPF_CORE_READ(t, mm_cid);
	/* present in 6.1, absent in 6.18 */
	sum += bpf_core_field_exists(t61->curr_ret_stack);
	if (bpf_core_field_exists(t61->curr_ret_stack))
		sum += BPF_CORE_READ(t61, curr_ret_stack);
	sum += bpf_core_field_exists(t61->thread_group);
	/* array in 6.1, pointer in 6.18: incompatible field types */
	sum += bpf_core_field_exists(t61->perf_event_ctxp);
	sum += bpf_core_field_exists(t->perf_event_ctxp);
	sum += bpf_core_field_size(t->pid);
	sum += bpf_core_field_size(t->mm);
	sum += bpf_core_field_size(t->comm);
	sum += bpf_core_field_signed(t->pid);
	sum += bpf_core_field_signed(t->flags);
	sum += bpf_core_field_signed(t->prio);
	sum += bpf_core_field_signed(t->__state);
	return sum;
}

/* A static subprogram: its relocations are reported under its own name by libbpf. */
static __noinline long parent_pid(struct task_struct *t)
{
	return BPF_CORE_READ(t, real_parent, pid) + bpf_core_field_size(t->real_parent);
}

SEC("raw_tp/sys_exit")
int with_subprog(void *ctx)
{
	struct task_struct *t = current_task();

	return parent_pid(t) + BPF_CORE_READ(t, group_leader, pid);
}
