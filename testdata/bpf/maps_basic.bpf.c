/*
 * maps_basic.bpf.c - the plain BTF-defined map types, used by small
 * packet-accounting programs.
 *
 * Exercises:
 *   - maps: hash (numa_node + BPF_F_NUMA_NODE), array (BPF_F_MMAPABLE),
 *     percpu_hash, percpu_array, lru_hash (pinning LIBBPF_PIN_BY_NAME),
 *     lpm_trie (BPF_F_NO_PREALLOC, struct key), ringbuf, perf_event_array
 *     (key_size/value_size instead of BTF types, max_entries left to
 *     libbpf), stack and queue (no key)
 *   - program types: tc, classifier (the legacy name of the same type),
 *     socket
 *   - helpers: map lookup/update, push/pop/peek, bpf_ringbuf_output,
 *     bpf_perf_event_output
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define TC_ACT_OK	0

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct lpm_v4_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct pkt_record {
	__u32 len;
	__u32 ifindex;
	__u32 route_id;
	__u16 protocol;
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NUMA_NODE);
	__uint(numa_node, 0);
	__type(key, __u32);	/* route id */
	__type(value, __u64);	/* packets */
} route_hits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__uint(map_flags, BPF_F_MMAPABLE);
	__type(key, __u32);
	__type(value, __u64);
} settings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);	/* skb->protocol */
	__type(value, __u64);
} proto_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);	/* log2 length bucket, 7: repeated length */
	__type(value, __u64);
} len_hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
	__type(key, __u32);	/* IPv4 source address */
	__type(value, __u64);	/* last seen, ns */
} recent_peers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 512);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_v4_key);
	__type(value, __u32);	/* route id */
} routes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} pkt_ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} pkt_perf SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 32);
	__type(value, __u32);
} len_stack SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 32);
	__type(value, __u64);
} ts_queue SEC(".maps");

static __always_inline void bump(void *map, const void *key)
{
	__u64 one = 1, *v = bpf_map_lookup_elem(map, key);

	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(map, key, &one, BPF_NOEXIST);
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct lpm_v4_key key = { .prefixlen = 32 };
	struct pkt_record rec = {};
	__u32 *route, saddr, len = skb->len;
	__u64 now = bpf_ktime_get_ns(), oldest;

	if ((void *)(ip + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;

	__builtin_memcpy(key.addr, &ip->daddr, 4);
	route = bpf_map_lookup_elem(&routes, &key);
	rec.route_id = route ? *route : 0;
	bump(&route_hits, &rec.route_id);

	saddr = ip->saddr;
	bpf_map_update_elem(&recent_peers, &saddr, &now, BPF_ANY);

	/* keep the last 32 lengths and timestamps; drop the oldest when full */
	bpf_map_push_elem(&len_stack, &len, BPF_EXIST);
	if (bpf_map_push_elem(&ts_queue, &now, 0) && !bpf_map_pop_elem(&ts_queue, &oldest))
		bpf_map_push_elem(&ts_queue, &now, 0);

	rec.len = len;
	rec.ifindex = skb->ifindex;
	rec.protocol = bpf_ntohs(skb->protocol);
	bpf_ringbuf_output(&pkt_ring, &rec, sizeof(rec), 0);
	bpf_perf_event_output(skb, &pkt_perf, BPF_F_CURRENT_CPU, &rec, sizeof(rec));
	return TC_ACT_OK;
}

#define REPEAT_BUCKET	7

SEC("classifier")
int cls_len_hist(struct __sk_buff *skb)
{
	__u32 bucket = 0, len = skb->len, last = 0;

	while (len > 64 && bucket < REPEAT_BUCKET - 1) {
		len >>= 1;
		bucket++;
	}
	bump(&len_hist, &bucket);
	/* same length as the newest one tc_classify pushed? */
	if (!bpf_map_peek_elem(&len_stack, &last) && last == skb->len) {
		bucket = REPEAT_BUCKET;
		bump(&len_hist, &bucket);
	}
	return TC_ACT_OK;
}

SEC("socket")
int socket_stats(struct __sk_buff *skb)
{
	__u16 proto = skb->protocol;
	__u32 idx = 0;
	__u64 *snaplen;

	bump(&proto_stats, &proto);
	snaplen = bpf_map_lookup_elem(&settings, &idx);
	/* settings[0] != 0: truncate every packet to that many bytes */
	if (snaplen && *snaplen)
		return *snaplen;
	return skb->len;
}
