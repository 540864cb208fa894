/* Counts packets and passes them: the smallest XDP program that needs vmlinux.h and libbpf headers. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

__u64 packets = 0;

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
	__sync_fetch_and_add(&packets, 1);
	return PASS_VERDICT; /* defined by <clangFlags> in the pom: XDP_PASS */
}
