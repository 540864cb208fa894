/*
 * port_knock.bpf.c - XDP port knocking.
 *
 * Exercises:
 *   - program type: xdp
 *   - maps: lru_hash keyed by source address (per-source knock state),
 *     a .rodata array and scalars used as configuration, a .bss stats struct
 *   - bpf_ktime_get_ns() based timeouts, IPv4 and IPv6 (IPv4 sources are
 *     stored as IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d)
 *
 * Semantics:
 *   protected_port (TCP or UDP destination port) is closed: packets to it are
 *   dropped unless the source has "opened" it. A source opens the port by
 *   sending, in order, packets to knock_ports[0], knock_ports[1], ...
 *   knock_ports[knock_count - 1] (UDP datagrams or TCP SYNs), with at most
 *   knock_gap_ns between consecutive knocks. A wrong knock restarts the
 *   sequence (or counts as the first knock if it hits knock_ports[0]).
 *   Knock packets themselves are always dropped. Once open, the port stays
 *   open for open_window_ns after the last packet the source sent to it.
 *   All other traffic passes untouched.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define ETH_P_IPV6	0x86DD
#define IP_OFFSET_MASK	0x1fff
#define TCP_FLAG_SYN	0x02
#define TCP_FLAG_ACK	0x10
#define MAX_KNOCKS	4
#define NSEC_PER_SEC	1000000000ULL

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Configuration (host byte order), fixed at load time. */
const volatile __u16 protected_port = 2222;
const volatile __u16 knock_ports[MAX_KNOCKS] = { 7000, 8000, 9000, 0 };
const volatile __u32 knock_count = 3;
const volatile __u64 knock_gap_ns = 5 * NSEC_PER_SEC;
const volatile __u64 open_window_ns = 30 * NSEC_PER_SEC;

struct src_key {
	__u8 addr[16];	/* IPv6 address, or IPv4-mapped IPv6 address */
};

struct knock_state {
	__u64 last_knock_ns;	/* time of the last accepted knock */
	__u64 open_until_ns;	/* protected port open while now < this */
	__u32 step;		/* number of correct knocks so far */
	__u32 times_opened;
};

struct knock_stats {
	__u64 knocks;
	__u64 opened;
	__u64 closed_drops;
	__u64 allowed;
};

struct knock_stats stats = {};	/* .bss */

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct src_key);
	__type(value, struct knock_state);
} knock_state SEC(".maps");

static __always_inline int knock_index(__u16 port)
{
	int i;

	for (i = 0; i < MAX_KNOCKS; i++) {
		if (i >= knock_count)
			break;
		if (knock_ports[i] == port)
			return i;
	}
	return -1;
}

static __always_inline int to_protected(struct src_key *key, __u64 now)
{
	struct knock_state *st = bpf_map_lookup_elem(&knock_state, key);

	if (st && now < st->open_until_ns) {
		st->open_until_ns = now + open_window_ns;
		__sync_fetch_and_add(&stats.allowed, 1);
		return XDP_PASS;
	}
	__sync_fetch_and_add(&stats.closed_drops, 1);
	return XDP_DROP;
}

static __always_inline int knock(struct src_key *key, __u16 port, __u64 now)
{
	struct knock_state fresh = {}, *st;
	__u32 step;

	__sync_fetch_and_add(&stats.knocks, 1);
	st = bpf_map_lookup_elem(&knock_state, key);
	if (!st) {
		/* only the first knock of the sequence creates state */
		if (port != knock_ports[0])
			return XDP_DROP;
		bpf_map_update_elem(&knock_state, key, &fresh, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&knock_state, key);
		if (!st)
			return XDP_DROP;
	}

	step = st->step;
	if (step && now - st->last_knock_ns > knock_gap_ns)
		step = 0;	/* too slow: start over */
	if (step < MAX_KNOCKS && port == knock_ports[step])
		step++;
	else
		step = port == knock_ports[0] ? 1 : 0;
	st->last_knock_ns = now;

	if (step >= knock_count) {
		st->open_until_ns = now + open_window_ns;
		st->times_opened++;
		st->step = 0;
		__sync_fetch_and_add(&stats.opened, 1);
	} else {
		st->step = step;
	}
	return XDP_DROP;
}

static __always_inline int handle_l4(struct src_key *key, __u8 proto,
				     void *l4, void *data_end)
{
	__u64 now = bpf_ktime_get_ns();
	bool is_syn = false;
	__u16 dport;

	if (proto == IPPROTO_TCP) {
		struct tcphdr *th = l4;

		if ((void *)(th + 1) > data_end)
			return XDP_PASS;
		dport = bpf_ntohs(th->dest);
		/* byte 13 of the TCP header holds the flags */
		is_syn = (((__u8 *)th)[13] & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN;
	} else if (proto == IPPROTO_UDP) {
		struct udphdr *uh = l4;

		if ((void *)(uh + 1) > data_end)
			return XDP_PASS;
		dport = bpf_ntohs(uh->dest);
	} else {
		return XDP_PASS;
	}

	if (dport == protected_port)
		return to_protected(key, now);
	if (knock_index(dport) < 0)
		return XDP_PASS;
	if (proto == IPPROTO_TCP && !is_syn)
		return XDP_DROP;	/* stray segment to a knock port */
	return knock(key, dport, now);
}

SEC("xdp")
int xdp_port_knock(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct src_key key = {};

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;

	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);
		__u32 ihl;

		if ((void *)(ip + 1) > data_end)
			return XDP_PASS;
		ihl = (*(__u8 *)ip & 0x0f) * 4;
		if (ihl < sizeof(*ip) || (ip->frag_off & bpf_htons(IP_OFFSET_MASK)))
			return XDP_PASS;
		key.addr[10] = 0xff;
		key.addr[11] = 0xff;
		__builtin_memcpy(&key.addr[12], &ip->saddr, 4);
		return handle_l4(&key, ip->protocol, (void *)ip + ihl, data_end);
	}

	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);

		if ((void *)(ip6 + 1) > data_end)
			return XDP_PASS;
		__builtin_memcpy(key.addr, &ip6->saddr, 16);
		return handle_l4(&key, ip6->nexthdr, ip6 + 1, data_end);
	}
	return XDP_PASS;
}
