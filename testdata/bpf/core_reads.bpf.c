/*
 * core_reads.bpf.c - CO-RE (compile once, run everywhere) relocations.
 *
 * Exercises:
 *   - BPF_CORE_READ chains through untrusted pointers (kprobe, raw_tp):
 *     task->real_parent->tgid, task->mm->total_vm, task->mm->exe_file->
 *     f_path.dentry->d_name.name (BPF_CORE_READ_STR_INTO), skb->dev->ifindex
 *   - BPF_CORE_READ_INTO, bpf_core_read (plain CO-RE probe read)
 *   - bitfields: BPF_CORE_READ_BITFIELD_PROBED on task_struct.in_iowait and
 *     sk_buff.pkt_type, BPF_CORE_READ_BITFIELD (direct) on
 *     task_struct.in_execve in a tp_btf program
 *   - struct flavors (___suffix) for fields that moved between kernels:
 *       task_struct.state  (< 5.14; renamed __state)        -> in no kernel here
 *       task_struct.mm_cid (6.4+)                           -> not in 6.1
 *       sk_buff.mono_delivery_time (5.18 .. 6.10, bitfield) -> only in 6.1
 *       sk_buff.tstamp_type (6.11+, bitfield)               -> not in 6.1
 *     every such read is guarded by bpf_core_field_exists()
 *   - field relocations: bpf_core_field_exists, bpf_core_field_size
 *     (mm_struct.saved_auxv: 48 longs on 6.1, 52 on 6.12, 56 on 6.18),
 *     bpf_core_field_offset
 *   - type relocations: bpf_core_type_exists (struct bpf_arena: 6.9+),
 *     bpf_core_type_size (struct task_struct), bpf_core_type_matches,
 *     bpf_core_type_id_kernel, bpf_core_type_id_local
 *   - enum relocations: bpf_core_enum_value_exists / bpf_core_enum_value
 *     (BPF_MAP_TYPE_CGRP_STORAGE: 6.2+, BPF_MAP_TYPE_ARENA: 6.9+,
 *     PIDTYPE_TGID: all)
 *   - program types: kprobe, raw_tp, tp_btf
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* ---- flavors: only the members we need, matched by essential name ---- */
struct task_struct___pre514 {
	long state;
} __attribute__((preserve_access_index));

struct task_struct___v64 {
	int mm_cid;
} __attribute__((preserve_access_index));

struct sk_buff___v518 {
	__u8 mono_delivery_time : 1;
} __attribute__((preserve_access_index));

struct sk_buff___v611 {
	__u8 tstamp_type : 2;
} __attribute__((preserve_access_index));

struct bpf_arena___v69 {
	int unused;
};

enum bpf_map_type___recent {
	BPF_MAP_TYPE_CGRP_STORAGE___recent = 32,
	BPF_MAP_TYPE_ARENA___recent = 33,
};

/* must match the kernel's struct list_head for bpf_core_type_matches */
struct list_head___local {
	struct list_head___local *next, *prev;
};

/* A local-only type, for bpf_core_type_id_local. */
struct core_results {
	__s64 state;
	__u64 total_vm;
	__u32 ppid;
	__s32 mm_cid;			/* -1: field absent */
	__u32 in_iowait;
	__u32 in_execve;
	char exe[32];
	__u32 skb_len;
	__u32 ifindex;
	__u16 protocol;
	__u8 pkt_type;
	__s8 tstamp_type;		/* -1: field absent */
	__s8 mono_delivery_time;	/* -1: field absent */
	__u32 comm_size;
	__u32 pid_offset;
	__u32 saved_auxv_size;
	__u32 task_struct_size;
	__u8 has_arena_type;
	__u8 has_cgrp_storage;
	__u8 list_head_matches;
	__s32 cgrp_storage_value;	/* -1: enumerator absent */
	__s32 arena_value;		/* -1: enumerator absent */
	__u32 pidtype_tgid;
	__u32 task_struct_kernel_id;
	__u32 results_local_id;
};

struct core_results results;

static __always_inline long task_state(struct task_struct *t)
{
	struct task_struct___pre514 *old = (void *)t;

	if (bpf_core_field_exists(old->state))
		return BPF_CORE_READ(old, state);
	return BPF_CORE_READ(t, __state);
}

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(core_task_chains)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct task_struct___v64 *t64 = (void *)t;
	struct mm_struct *mm;

	results.state = task_state(t);
	results.ppid = BPF_CORE_READ(t, real_parent, tgid);
	results.total_vm = BPF_CORE_READ(t, mm, total_vm);
	BPF_CORE_READ_STR_INTO(&results.exe, t, mm, exe_file, f_path.dentry, d_name.name);
	results.in_iowait = BPF_CORE_READ_BITFIELD_PROBED(t, in_iowait);

	if (bpf_core_field_exists(t64->mm_cid))
		BPF_CORE_READ_INTO(&results.mm_cid, t64, mm_cid);
	else
		results.mm_cid = -1;

	/* plain bpf_core_read() of one field */
	mm = NULL;
	bpf_core_read(&mm, sizeof(mm), &t->mm);
	if (!mm)
		results.total_vm = 0;	/* kernel thread */
	return 0;
}

SEC("raw_tp/netif_receive_skb")
int BPF_PROG(core_skb_fields, struct sk_buff *skb)
{
	struct sk_buff___v518 *old = (void *)skb;
	struct sk_buff___v611 *new = (void *)skb;

	results.skb_len = BPF_CORE_READ(skb, len);
	results.protocol = bpf_ntohs(BPF_CORE_READ(skb, protocol));
	results.ifindex = BPF_CORE_READ(skb, dev, ifindex);
	results.pkt_type = BPF_CORE_READ_BITFIELD_PROBED(skb, pkt_type);

	if (bpf_core_field_exists(new->tstamp_type))
		results.tstamp_type = BPF_CORE_READ_BITFIELD_PROBED(new, tstamp_type);
	else
		results.tstamp_type = -1;
	if (bpf_core_field_exists(old->mono_delivery_time))
		results.mono_delivery_time = BPF_CORE_READ_BITFIELD_PROBED(old, mono_delivery_time);
	else
		results.mono_delivery_time = -1;
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(core_type_info, struct task_struct *task, pid_t old_pid,
	     struct linux_binprm *bprm)
{
	/* direct (non-probed) bitfield read through a BTF pointer */
	results.in_execve = BPF_CORE_READ_BITFIELD(task, in_execve);

	results.comm_size = bpf_core_field_size(task->comm);
	results.pid_offset = bpf_core_field_offset(task->pid);
	results.saved_auxv_size = bpf_core_field_size(struct mm_struct, saved_auxv);
	results.task_struct_size = bpf_core_type_size(struct task_struct);

	results.has_arena_type = bpf_core_type_exists(struct bpf_arena___v69);
	results.list_head_matches = bpf_core_type_matches(struct list_head___local);

	results.has_cgrp_storage = bpf_core_enum_value_exists(enum bpf_map_type___recent,
							      BPF_MAP_TYPE_CGRP_STORAGE___recent);
	if (results.has_cgrp_storage)
		results.cgrp_storage_value = bpf_core_enum_value(enum bpf_map_type___recent,
								 BPF_MAP_TYPE_CGRP_STORAGE___recent);
	else
		results.cgrp_storage_value = -1;
	if (bpf_core_enum_value_exists(enum bpf_map_type___recent, BPF_MAP_TYPE_ARENA___recent))
		results.arena_value = bpf_core_enum_value(enum bpf_map_type___recent,
							  BPF_MAP_TYPE_ARENA___recent);
	else
		results.arena_value = -1;
	results.pidtype_tgid = bpf_core_enum_value(enum pid_type, PIDTYPE_TGID);

	results.task_struct_kernel_id = bpf_core_type_id_kernel(struct task_struct);
	results.results_local_id = bpf_core_type_id_local(struct core_results);
	return 0;
}
