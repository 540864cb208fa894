/*
 * subprogs.bpf.c - BPF-to-BPF calls and several programs per section.
 *
 * Exercises:
 *   - static __noinline subprograms (verified in the caller's context, may
 *     take packet pointers), called from several programs
 *   - global (non-static) functions, verified on their own: one taking only
 *     scalars, one taking the XDP context, one marked __hidden
 *   - a callback subprogram passed to bpf_loop() (ld_imm64 of a function,
 *     BPF_PSEUDO_FUNC) and one passed to bpf_for_each_map_elem()
 *   - three programs in the same "xdp" section, two in the same "socket"
 *     section, and a "?xdp" program (autoload off)
 *   - a .text section shared by all programs
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} buckets SEC(".maps");

__u64 total_len;
__u64 bucket_sum;

/* Global, scalars only: callable from any program type. */
__noinline __u32 mix32(__u32 a, __u32 b)
{
	a ^= b * 0x9e3779b1u;
	a ^= a >> 15;
	a *= 0x85ebca77u;
	return a ^ (a >> 13);
}

/* Global with __hidden: not exported when linked, still a global function. */
__hidden __noinline int clamp_bucket(__u32 v)
{
	return v & 15;
}

/* Global taking the context: verified once, for any caller. */
__noinline int xdp_frame_len(struct xdp_md *ctx)
{
	if (!ctx)
		return 0;
	return ctx->data_end - ctx->data;
}

/* Static: may use packet pointers of the caller. */
static __noinline __u32 first_word(void *data, void *data_end)
{
	__u32 *w = data;

	if ((void *)(w + 1) > data_end)
		return 0;
	return *w;
}

static __noinline void count_bucket(__u32 key)
{
	__u32 idx = clamp_bucket(key);
	__u64 *v = bpf_map_lookup_elem(&buckets, &idx);

	if (v)
		__sync_fetch_and_add(v, 1);
}

struct loop_ctx {
	__u32 seed;
	__u32 acc;
};

static int loop_step(__u32 i, void *data)
{
	struct loop_ctx *lc = data;

	lc->acc = mix32(lc->acc, lc->seed + i);
	return 0;	/* continue */
}

static long sum_bucket(void *map, __u32 *key, __u64 *val, void *data)
{
	*(__u64 *)data += *val;
	return 0;
}

SEC("xdp")
int xdp_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;

	count_bucket(mix32(first_word(data, data_end), 1));
	__sync_fetch_and_add(&total_len, xdp_frame_len(ctx));
	return XDP_PASS;
}

SEC("xdp")
int xdp_drop_runts(struct xdp_md *ctx)
{
	int len = xdp_frame_len(ctx);

	if (len < 60) {
		count_bucket(15);
		return XDP_DROP;
	}
	return XDP_PASS;
}

SEC("xdp")
int xdp_hash_loop(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct loop_ctx lc = { .seed = first_word(data, data_end) };
	__u64 sum = 0;

	bpf_loop(8, loop_step, &lc, 0);
	count_bucket(lc.acc);
	bpf_for_each_map_elem(&buckets, sum_bucket, &sum, 0);
	bucket_sum = sum;
	return XDP_PASS;
}

SEC("?xdp")
int xdp_optional(struct xdp_md *ctx)
{
	count_bucket(mix32(xdp_frame_len(ctx), 7));
	return XDP_PASS;
}

SEC("socket")
int sock_bucket(struct __sk_buff *skb)
{
	count_bucket(mix32(skb->len, skb->protocol));
	return skb->len;
}

SEC("socket")
int sock_drop_small(struct __sk_buff *skb)
{
	if (skb->len < 64)
		return 0;	/* drop */
	count_bucket(clamp_bucket(skb->len >> 6));
	return skb->len;
}
