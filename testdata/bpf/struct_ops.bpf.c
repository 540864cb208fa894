/*
 * struct_ops.bpf.c - a TCP congestion control (Reno-like) as struct_ops.
 *
 * Exercises:
 *   - program type struct_ops: SEC("struct_ops/<name>") programs, one per
 *     implemented callback of struct tcp_congestion_ops
 *   - a struct_ops map: a global of a kernel struct type in SEC(".struct_ops")
 *     whose function-pointer members are relocated to the programs above,
 *     and whose data member (name) is copied into the kernel's value
 *   - writes to tcp_sock fields that the tcp_congestion_ops verifier allows
 *
 * Registering the algorithm (bpf_map__attach_struct_ops) is not part of the
 * tests; opening and loading are.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define TCP_INFINITE_SSTHRESH	0x7fffffff

static __always_inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

static __always_inline __u32 max_u32(__u32 a, __u32 b)
{
	return a > b ? a : b;
}

__u64 ssthresh_calls;

SEC("struct_ops/c4j_init")
void BPF_PROG(c4j_init, struct sock *sk)
{
	tcp_sk(sk)->snd_ssthresh = TCP_INFINITE_SSTHRESH;
}

SEC("struct_ops/c4j_ssthresh")
__u32 BPF_PROG(c4j_ssthresh, struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	__sync_fetch_and_add(&ssthresh_calls, 1);
	return max_u32(tp->snd_cwnd >> 1, 2);
}

SEC("struct_ops/c4j_cong_avoid")
void BPF_PROG(c4j_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	struct tcp_sock *tp = tcp_sk(sk);
	__u32 cwnd = tp->snd_cwnd;

	if (cwnd < tp->snd_ssthresh) {
		/* slow start: one segment per acked segment, up to ssthresh */
		cwnd += acked;
		if (cwnd > tp->snd_ssthresh)
			cwnd = tp->snd_ssthresh;
	} else {
		/* congestion avoidance: one segment per window acked */
		tp->snd_cwnd_cnt += acked;
		if (tp->snd_cwnd_cnt >= cwnd) {
			tp->snd_cwnd_cnt -= cwnd;
			cwnd++;
		}
	}
	if (cwnd > tp->snd_cwnd_clamp)
		cwnd = tp->snd_cwnd_clamp;
	tp->snd_cwnd = cwnd;
}

SEC("struct_ops/c4j_undo_cwnd")
__u32 BPF_PROG(c4j_undo_cwnd, struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	return max_u32(tp->snd_cwnd, tp->prior_cwnd);
}

SEC(".struct_ops")
struct tcp_congestion_ops core4j_reno = {
	.init		= (void *)c4j_init,
	.ssthresh	= (void *)c4j_ssthresh,
	.cong_avoid	= (void *)c4j_cong_avoid,
	.undo_cwnd	= (void *)c4j_undo_cwnd,
	.name		= "core4j_reno",
};
