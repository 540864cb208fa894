/*
 * xdp_filter.bpf.c - source address block-list for XDP.
 *
 * Exercises:
 *   - program type: xdp (one program, SEC("xdp"))
 *   - maps: two BTF-defined hash maps (IPv4 and IPv6 block-lists) whose key
 *     is a struct with explicit padding, and a percpu_array of per-rule
 *     drop counters (value is a struct)
 *   - globals: .rodata knob (const volatile drop_icmp), .bss counter
 *   - packet parsing with bounds checks: Ethernet, one optional 802.1Q/802.1ad
 *     tag, IPv4 (with options) and IPv6, TCP/UDP destination port
 *
 * Semantics:
 *   A packet is dropped when its source address appears in the block-list,
 *   either with the packet's TCP/UDP destination port or with port 0
 *   (0 = "any port"). The map value is a rule id (< MAX_RULES); every drop
 *   adds the packet and its length to drop_counters[rule id].
 *   When drop_icmp is set at load time, all ICMP/ICMPv6 packets are dropped
 *   and counted in the .bss variable icmp_dropped.
 *   Everything else (including non-IP and truncated packets) is passed.
 *
 * Key layout (host byte order for the struct, network order for the fields):
 *   v4: saddr[4] | dport(be16) | pad(2)          -> 8 bytes
 *   v6: saddr[16] | dport(be16) | pad(2)         -> 20 bytes
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define ETH_P_IPV6	0x86DD
#define ETH_P_8021Q	0x8100
#define ETH_P_8021AD	0x88A8
#define IPPROTO_ICMPV6	58	/* a macro in the uapi headers, absent from vmlinux.h */
#define IP_OFFSET_MASK	0x1fff
#define MAX_RULES	256

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Set by the loader before load; frozen afterwards. */
const volatile bool drop_icmp = false;

/* Number of ICMP packets dropped because of drop_icmp. */
__u64 icmp_dropped = 0;

struct v4_rule_key {
	__be32 saddr;
	__be16 dport;	/* 0 = any port */
	__u16 pad;
};

struct v6_rule_key {
	__u8 saddr[16];
	__be16 dport;	/* 0 = any port */
	__u16 pad;
};

struct drop_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct v4_rule_key);
	__type(value, __u32);	/* rule id */
} blocklist_v4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct v6_rule_key);
	__type(value, __u32);	/* rule id */
} blocklist_v6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_RULES);
	__type(key, __u32);
	__type(value, struct drop_stats);
} drop_counters SEC(".maps");

/*
 * Read the destination port of a TCP or UDP header at l4.
 * Returns 0 for other protocols, -1 if the header is truncated.
 */
static __always_inline int l4_dport(void *l4, void *data_end, __u8 proto,
				    __be16 *dport)
{
	*dport = 0;
	if (proto == IPPROTO_TCP) {
		struct tcphdr *th = l4;

		if ((void *)(th + 1) > data_end)
			return -1;
		*dport = th->dest;
	} else if (proto == IPPROTO_UDP) {
		struct udphdr *uh = l4;

		if ((void *)(uh + 1) > data_end)
			return -1;
		*dport = uh->dest;
	}
	return 0;
}

static __always_inline int count_drop(const __u32 *rule_id, __u64 len)
{
	__u32 id = *rule_id;
	struct drop_stats *st;

	if (id < MAX_RULES) {
		st = bpf_map_lookup_elem(&drop_counters, &id);
		if (st) {
			st->packets += 1;
			st->bytes += len;
		}
	}
	return XDP_DROP;
}

static __always_inline int filter_v4(struct iphdr *ip, void *data_end, __u64 len)
{
	struct v4_rule_key key = {};
	__u32 *rule;
	__u32 ihl;
	void *l4;

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	/* version/ihl are read as a byte so the code is byte-order neutral */
	ihl = (*(__u8 *)ip & 0x0f) * 4;
	if (ihl < sizeof(*ip))
		return XDP_PASS;

	if (ip->protocol == IPPROTO_ICMP && drop_icmp) {
		__sync_fetch_and_add(&icmp_dropped, 1);
		return XDP_DROP;
	}

	key.saddr = ip->saddr;
	/* only the first fragment carries the L4 header */
	if (!(ip->frag_off & bpf_htons(IP_OFFSET_MASK))) {
		l4 = (void *)ip + ihl;
		if (l4_dport(l4, data_end, ip->protocol, &key.dport) < 0)
			return XDP_PASS;
	}

	rule = bpf_map_lookup_elem(&blocklist_v4, &key);
	if (!rule && key.dport) {
		key.dport = 0;
		rule = bpf_map_lookup_elem(&blocklist_v4, &key);
	}
	return rule ? count_drop(rule, len) : XDP_PASS;
}

static __always_inline int filter_v6(struct ipv6hdr *ip6, void *data_end, __u64 len)
{
	struct v6_rule_key key = {};
	__u32 *rule;

	if ((void *)(ip6 + 1) > data_end)
		return XDP_PASS;

	if (ip6->nexthdr == IPPROTO_ICMPV6 && drop_icmp) {
		__sync_fetch_and_add(&icmp_dropped, 1);
		return XDP_DROP;
	}

	__builtin_memcpy(key.saddr, &ip6->saddr, sizeof(key.saddr));
	/* extension headers are not walked: only a direct TCP/UDP header counts */
	if (l4_dport(ip6 + 1, data_end, ip6->nexthdr, &key.dport) < 0)
		return XDP_PASS;

	rule = bpf_map_lookup_elem(&blocklist_v6, &key);
	if (!rule && key.dport) {
		key.dport = 0;
		rule = bpf_map_lookup_elem(&blocklist_v6, &key);
	}
	return rule ? count_drop(rule, len) : XDP_PASS;
}

SEC("xdp")
int xdp_filter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u64 len = data_end - data;
	__be16 proto;
	void *nh;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	proto = eth->h_proto;
	nh = eth + 1;

	if (proto == bpf_htons(ETH_P_8021Q) || proto == bpf_htons(ETH_P_8021AD)) {
		struct vlan_hdr *vh = nh;

		if ((void *)(vh + 1) > data_end)
			return XDP_PASS;
		proto = vh->h_vlan_encapsulated_proto;
		nh = vh + 1;
	}

	if (proto == bpf_htons(ETH_P_IP))
		return filter_v4(nh, data_end, len);
	if (proto == bpf_htons(ETH_P_IPV6))
		return filter_v6(nh, data_end, len);
	return XDP_PASS;
}
