/*
 * maps_nested.bpf.c - maps that hold other maps or programs, and local
 * storage maps.
 *
 * Exercises:
 *   - array_of_maps with a named inner map template (__array(values, ...)),
 *     statically initialised with two inner maps defined in .maps
 *   - hash_of_maps with an anonymous inner map definition
 *   - prog_array statically initialised with a program (tail call target)
 *   - sk_storage and task_storage (BPF_F_NO_PREALLOC, int key)
 *   - program types: two programs in one "tc" section (dispatcher and tail
 *     call target), cgroup_skb/ingress, tp_btf/task_newtask
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define TC_ACT_OK	0
#define TAIL_SLOT	1

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct sk_info {
	__u64 rx_packets;
	__u64 rx_bytes;
};

struct task_info {
	__u64 created_ns;
	__u64 clone_flags;
};

/* Inner map template shared by the array-of-maps and its static members. */
struct inner_counters {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
};

struct inner_counters counters_even SEC(".maps");
struct inner_counters counters_odd SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner_counters);
} counter_sets SEC(".maps") = {
	.values = { &counters_even, &counters_odd },
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 64);
	__type(key, __u32);	/* tgid */
	__array(values, struct {
		__uint(type, BPF_MAP_TYPE_HASH);
		__uint(max_entries, 128);
		__type(key, __u64);	/* clone flags */
		__type(value, __u64);	/* count */
	});
} clones_by_process SEC(".maps");

SEC("tc")
int tc_tail(struct __sk_buff *skb);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));	/* the kernel takes no BTF key here */
	__array(values, int (void *));
} jump_table SEC(".maps") = {
	.values = { [TAIL_SLOT] = (void *)&tc_tail },
};

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sk_info);
} sk_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_info);
} task_stats SEC(".maps");

__u64 tail_calls;
__u64 tail_call_misses;

SEC("tc")
int tc_dispatch(struct __sk_buff *skb)
{
	__u32 set = skb->len & 1, slot = skb->ifindex & 3;
	__u64 *cnt;
	void *inner;

	inner = bpf_map_lookup_elem(&counter_sets, &set);
	if (inner) {
		cnt = bpf_map_lookup_elem(inner, &slot);
		if (cnt)
			__sync_fetch_and_add(cnt, 1);
	}
	bpf_tail_call(skb, &jump_table, TAIL_SLOT);
	/* only reached when the slot is empty */
	__sync_fetch_and_add(&tail_call_misses, 1);
	return TC_ACT_OK;
}

SEC("tc")
int tc_tail(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&tail_calls, 1);
	return TC_ACT_OK;
}

SEC("cgroup_skb/ingress")
int cgroup_ingress(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sk_info *info;

	if (!sk)
		return 1;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 1;
	info = bpf_sk_storage_get(&sk_stats, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (info) {
		info->rx_packets++;
		info->rx_bytes += skb->len;
	}
	return 1;	/* allow */
}

SEC("tp_btf/task_newtask")
int BPF_PROG(on_task_newtask, struct task_struct *task, __u64 clone_flags)
{
	struct task_info *ti;
	__u32 tgid = task->tgid;
	__u64 one = 1, *cnt;
	void *inner;

	ti = bpf_task_storage_get(&task_stats, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (ti) {
		ti->created_ns = bpf_ktime_get_ns();
		ti->clone_flags = clone_flags;
	}
	/* user space adds one inner map per process it wants to watch */
	inner = bpf_map_lookup_elem(&clones_by_process, &tgid);
	if (!inner)
		return 0;
	cnt = bpf_map_lookup_elem(inner, &clone_flags);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(inner, &clone_flags, &one, BPF_NOEXIST);
	return 0;
}
