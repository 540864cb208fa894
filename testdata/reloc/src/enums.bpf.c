// SPDX-License-Identifier: GPL-2.0
/* Enum value relocations, 32- and 64-bit, with local flavors. */
#include "common.h"

/* A value that only newer kernels have. */
enum bpf_map_type___local {
	BPF_MAP_TYPE_ARENA___local = 33,
	BPF_MAP_TYPE_NO_SUCH___local = 1000,
};

/* netdev_priv_flags is ENUM64 in 6.1 and ENUM in 6.12+: ENUM/ENUM64 are candidates for each other. */
enum netdev_priv_flags___e64 {
	IFF_EBRIDGE___e64 = 2,
	IFF_BONDING___e64 = 4,
	IFF_FAKE___e64 = 0x100000000ULL,
};

SEC("raw_tp/sys_enter")
int enum_values(void *ctx)
{
	long sum = 0;

	sum += bpf_core_enum_value_exists(enum bpf_map_type, BPF_MAP_TYPE_RINGBUF);
	sum += bpf_core_enum_value(enum bpf_map_type, BPF_MAP_TYPE_RINGBUF);
	sum += bpf_core_enum_value_exists(enum bpf_map_type___local, BPF_MAP_TYPE_ARENA___local);
	if (bpf_core_enum_value_exists(enum bpf_map_type___local, BPF_MAP_TYPE_ARENA___local))
		sum += bpf_core_enum_value(enum bpf_map_type___local, BPF_MAP_TYPE_ARENA___local);
	sum += bpf_core_enum_value_exists(enum bpf_map_type___local, BPF_MAP_TYPE_NO_SUCH___local);
	sum += bpf_core_enum_value(enum bpf_map_type___local, BPF_MAP_TYPE_NO_SUCH___local);
	sum += bpf_core_enum_value(enum task_work_notify_mode, TWA_SIGNAL);
	return sum;
}

SEC("raw_tp/sys_enter")
int enum64_values(void *ctx)
{
	long sum = 0;

	sum += bpf_core_enum_value_exists(enum perf_callchain_context, PERF_CONTEXT_USER);
	sum += bpf_core_enum_value(enum perf_callchain_context, PERF_CONTEXT_USER);
	sum += bpf_core_enum_value(enum perf_callchain_context, PERF_CONTEXT_MAX);
	sum += bpf_core_enum_value(enum netdev_priv_flags, IFF_BONDING);
	sum += bpf_core_enum_value(enum netdev_priv_flags___e64, IFF_BONDING___e64);
	sum += bpf_core_enum_value_exists(enum netdev_priv_flags___e64, IFF_FAKE___e64);
	sum += bpf_core_type_size(enum netdev_priv_flags___e64);
	sum += bpf_core_type_matches(enum netdev_priv_flags___e64);
	return sum;
}
