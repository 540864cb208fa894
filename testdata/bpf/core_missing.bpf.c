/*
 * core_missing.bpf.c - CO-RE relocations that cannot be resolved.
 *
 * Exercises:
 *   - a struct flavor with a field that exists in no kernel
 *     (task_struct___core4j.core4j_cookie) and a type that exists in no
 *     kernel (struct core4j_no_such_type), and an enumerator that exists in
 *     no kernel
 *   - guarded_reads: every such relocation sits behind
 *     bpf_core_field_exists / bpf_core_type_exists /
 *     bpf_core_enum_value_exists, so libbpf poisons only dead instructions
 *     and the program loads on every kernel
 *   - unguarded_read: reads the made-up field without a guard, so libbpf
 *     poisons a reachable instruction and the verifier rejects the program
 *     on every kernel (the expected per-program load result is FAIL)
 *   - unguarded_read is in its own section; guarded_reads loads on its own
 *     when unguarded_read's autoload is turned off
 *   - program types: kprobe, tp_btf
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct task_struct___core4j {
	__u64 core4j_cookie;	/* no kernel has this field */
	int pid;		/* every kernel has this one */
} __attribute__((preserve_access_index));

struct core4j_no_such_type {
	int x;
};

enum pid_type___core4j {
	PIDTYPE_CORE4J___core4j = 99,	/* no such enumerator */
};

__u64 cookie;
__s32 pid;
__u32 no_type_size;
__s64 enum_value;

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(guarded_reads)
{
	struct task_struct___core4j *t = (void *)bpf_get_current_task();

	pid = BPF_CORE_READ(t, pid);
	if (bpf_core_field_exists(t->core4j_cookie))
		cookie = BPF_CORE_READ(t, core4j_cookie);
	else
		cookie = 0;

	if (bpf_core_type_exists(struct core4j_no_such_type))
		no_type_size = bpf_core_type_size(struct core4j_no_such_type);

	if (bpf_core_enum_value_exists(enum pid_type___core4j, PIDTYPE_CORE4J___core4j))
		enum_value = bpf_core_enum_value(enum pid_type___core4j, PIDTYPE_CORE4J___core4j);
	else
		enum_value = -1;
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(unguarded_read, struct task_struct *task)
{
	struct task_struct___core4j *t = (void *)task;

	/* no bpf_core_field_exists(): this relocation fails on every kernel */
	cookie = BPF_CORE_READ(t, core4j_cookie);
	return 0;
}
