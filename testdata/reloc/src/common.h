/* Shared by the CO-RE relocation test programs: kernel types come from a vmlinux.h that
 * generate.sh dumps from the host's BTF at build time (never committed). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

static __always_inline struct task_struct *current_task(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

/* libbpf 1.1's bpf_core_read.h has no bpf_core_field_signed(); this is the builtin it wraps. */
#ifndef bpf_core_field_signed
#define bpf_core_field_signed(field) __builtin_preserve_field_info(field, BPF_FIELD_SIGNED)
#endif
