/*
 * ringbuf_events.bpf.c - process events through a BPF ring buffer.
 *
 * Exercises:
 *   - program type: tracepoint (SEC("tracepoint/<category>/<name>")), three
 *     programs on syscall and scheduler tracepoints
 *   - maps: ringbuf (bpf_ringbuf_reserve/submit/discard and bpf_ringbuf_output)
 *   - a rich event type for user-space type generation: struct event has a
 *     nested struct, arrays (char and integer), a union of structs, an enum
 *     member, bitfields of several widths, and a typedef'd member
 *   - CO-RE reads of the current task (BPF_CORE_READ, real_parent->tgid)
 *   - .rodata knob (target_tgid filter) and .bss counter of lost events
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define COMM_LEN	16
#define PATH_LEN	64

enum event_kind {
	EVENT_EXEC = 1,
	EVENT_OPEN = 2,
	EVENT_EXIT = 3,
};

typedef __u64 timestamp_ns_t;

struct proc_ids {
	__u32 pid;
	__u32 tgid;
	__u32 ppid;
	__u32 uid;
};

struct open_args {
	__s32 dfd;
	__u32 flags;
	__u16 mode;
};

struct exit_info {
	__s32 exit_code;
	__u32 nr_threads;
};

struct event {
	timestamp_ns_t ts;
	enum event_kind kind;
	struct proc_ids ids;		/* nested struct */
	char comm[COMM_LEN];		/* char array */
	__u32 cpu_samples[4];		/* integer array */
	union {				/* union of structs */
		struct open_args open;
		struct exit_info exit;
		__u64 raw[2];
	} u;
	__u32 is_root : 1,		/* bitfields */
	      is_kthread : 1,
	      cpu : 12,
	      reserved : 18;
	__u8 path_trunc : 1,
	     level : 3;
	char path[PATH_LEN];
};

/*
 * Locals do not reach BTF: this unused global puts struct event (and the
 * types it uses) into the object's BTF for user-space code generators.
 */
const struct event *unused_event __attribute__((unused));

/* 0 = trace every process */
const volatile __u32 target_tgid = 0;

__u64 lost_events = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

static __always_inline bool skip_current(void)
{
	return target_tgid && (bpf_get_current_pid_tgid() >> 32) != target_tgid;
}

static __always_inline void fill_common(struct event *e, enum event_kind kind)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u32 cpu = bpf_get_smp_processor_id();

	e->ts = bpf_ktime_get_ns();
	e->kind = kind;
	e->ids.pid = (__u32)pid_tgid;
	e->ids.tgid = pid_tgid >> 32;
	e->ids.ppid = BPF_CORE_READ(task, real_parent, tgid);
	e->ids.uid = uid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	e->cpu_samples[0] = cpu;
	e->is_root = uid == 0;
	e->is_kthread = BPF_CORE_READ(task, mm) == NULL;
	e->cpu = cpu;
	e->level = 1;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	const char *filename = (const char *)ctx->args[1];
	struct event *e;
	long n;

	if (skip_current())
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__sync_fetch_and_add(&lost_events, 1);
		return 0;
	}
	fill_common(e, EVENT_OPEN);
	e->u.open.dfd = (__s32)ctx->args[0];
	e->u.open.flags = (__u32)ctx->args[2];
	e->u.open.mode = (__u16)ctx->args[3];
	n = bpf_probe_read_user_str(e->path, sizeof(e->path), filename);
	if (n < 0) {
		/* unreadable user pointer: drop the record */
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	e->path_trunc = n == sizeof(e->path);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int trace_execve(struct trace_event_raw_sys_enter *ctx)
{
	struct event *e;

	if (skip_current())
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__sync_fetch_and_add(&lost_events, 1);
		return 0;
	}
	fill_common(e, EVENT_EXEC);
	bpf_probe_read_user_str(e->path, sizeof(e->path), (const char *)ctx->args[0]);
	bpf_ringbuf_submit(e, BPF_RB_FORCE_WAKEUP);
	return 0;
}

/* Copy-style output: build the event on the stack, then bpf_ringbuf_output. */
SEC("tracepoint/sched/sched_process_exit")
int trace_exit(void *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct event e = {};

	if (skip_current())
		return 0;
	fill_common(&e, EVENT_EXIT);
	e.u.exit.exit_code = BPF_CORE_READ(task, exit_code) >> 8;
	e.u.exit.nr_threads = BPF_CORE_READ(task, signal, nr_threads);
	if (bpf_ringbuf_output(&events, &e, sizeof(e), 0))
		__sync_fetch_and_add(&lost_events, 1);
	return 0;
}
