/*
 * tracing_progs.bpf.c - the tracing program types, all watching unlink and
 * the scheduler.
 *
 * Exercises:
 *   - program types by section name: kprobe/..., kretprobe/..., fentry/...,
 *     fexit/..., tp_btf/..., raw_tp/..., lsm/..., perf_event, and a
 *     "?lsm/..." section (autoload off by default)
 *   - BPF_KPROBE / BPF_KRETPROBE / BPF_PROG argument macros
 *   - kfuncs declared __ksym: bpf_task_acquire / bpf_task_release (6.2+)
 *   - CO-RE reads through untrusted pointers (BPF_CORE_READ) and direct
 *     reads through BTF pointers (fentry/tp_btf/lsm)
 *   - maps: hash (per-thread start time), percpu_array, hash of structs
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define EPERM 1

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

struct unlink_stat {
	__u64 calls;
	__u64 failures;
	__u64 total_ns;
	char last_name[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* thread id */
	__type(value, __u64);	/* entry timestamp */
} unlink_start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);	/* tgid */
	__type(value, struct unlink_stat);
} unlink_stats SEC(".maps");

enum sched_counter {
	CNT_SWITCH,
	CNT_SWITCH_TO_IDLE,
	CNT_EXEC,
	CNT_FILE_OPEN,
	CNT_SAMPLES,
	CNT_MAX,
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CNT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* inode number whose execution the optional LSM program denies */
const volatile __u64 denied_inode = 0;

static __always_inline void count(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&counters, &which);

	if (v)
		*v += 1;
}

static __always_inline struct unlink_stat *stat_for_current(void)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct unlink_stat zero = {}, *st;

	st = bpf_map_lookup_elem(&unlink_stats, &tgid);
	if (st)
		return st;
	bpf_map_update_elem(&unlink_stats, &tgid, &zero, BPF_NOEXIST);
	return bpf_map_lookup_elem(&unlink_stats, &tgid);
}

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(kprobe_unlinkat, int dfd, struct filename *name)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();
	struct unlink_stat *st;

	bpf_map_update_elem(&unlink_start, &tid, &ts, BPF_ANY);
	st = stat_for_current();
	if (st)
		bpf_probe_read_kernel_str(st->last_name, sizeof(st->last_name),
					  BPF_CORE_READ(name, name));
	return 0;
}

SEC("kretprobe/do_unlinkat")
int BPF_KRETPROBE(kretprobe_unlinkat, long ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *start = bpf_map_lookup_elem(&unlink_start, &tid);
	struct unlink_stat *st;

	if (!start)
		return 0;
	st = stat_for_current();
	if (st) {
		__sync_fetch_and_add(&st->calls, 1);
		__sync_fetch_and_add(&st->total_ns, bpf_ktime_get_ns() - *start);
		if (ret < 0)
			__sync_fetch_and_add(&st->failures, 1);
	}
	bpf_map_delete_elem(&unlink_start, &tid);
	return 0;
}

SEC("fentry/do_unlinkat")
int BPF_PROG(fentry_unlinkat, int dfd, struct filename *name)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();

	/* BTF pointer: name->name is read directly, the string with a helper */
	if (name->name)
		bpf_map_update_elem(&unlink_start, &tid, &ts, BPF_ANY);
	return 0;
}

SEC("fexit/do_unlinkat")
int BPF_PROG(fexit_unlinkat, int dfd, struct filename *name, int ret)
{
	struct unlink_stat *st = stat_for_current();

	if (st) {
		__sync_fetch_and_add(&st->calls, 1);
		if (ret < 0)
			__sync_fetch_and_add(&st->failures, 1);
		bpf_probe_read_kernel_str(st->last_name, sizeof(st->last_name), name->name);
	}
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(tp_btf_exec, struct task_struct *p, pid_t old_pid,
	     struct linux_binprm *bprm)
{
	struct task_struct *ref;

	count(CNT_EXEC);
	/* take and drop a reference, the pattern used before storing a kptr */
	ref = bpf_task_acquire(p);
	if (!ref)
		return 0;
	if (ref->pid != old_pid)
		count(CNT_EXEC);	/* exec by a non-leader thread */
	bpf_task_release(ref);
	return 0;
}

SEC("raw_tp/sched_switch")
int BPF_PROG(raw_tp_switch, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	count(CNT_SWITCH);
	/* raw_tp arguments are plain pointers: read through BPF_CORE_READ */
	if (BPF_CORE_READ(next, pid) == 0)
		count(CNT_SWITCH_TO_IDLE);
	return 0;
}

SEC("lsm/file_open")
int BPF_PROG(lsm_file_open, struct file *file)
{
	count(CNT_FILE_OPEN);
	return 0;	/* never denies */
}

SEC("?lsm/bprm_check_security")
int BPF_PROG(lsm_deny_exec, struct linux_binprm *bprm)
{
	if (denied_inode && bprm->file->f_inode->i_ino == denied_inode)
		return -EPERM;
	return 0;
}

SEC("perf_event")
int perf_sample(struct bpf_perf_event_data *ctx)
{
	count(CNT_SAMPLES);
	/* user-mode samples only: kernel IPs have the top bit set */
	if ((long)PT_REGS_IP(&ctx->regs) < 0)
		return 0;
	return ctx->sample_period > 0;
}
