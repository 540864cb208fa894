/*
 * ksyms.bpf.c - __ksym externs: typed kernel variables and kfuncs.
 *
 * Exercises:
 *   - typed ksyms (BTF VARs of vmlinux): the per-CPU variables runqueues
 *     and bpf_prog_active, used with bpf_this_cpu_ptr / bpf_per_cpu_ptr
 *   - kfuncs declared __ksym: bpf_task_acquire / bpf_task_release (6.2+),
 *     bpf_rcu_read_lock / bpf_rcu_read_unlock (6.2+)
 *   - a __weak kfunc that exists in no kernel, only called behind a check
 *     of its address (libbpf resolves it to 0)
 *   - program types: tp_btf (three programs), one per feature, so that the
 *     per-program load results tell the features apart
 *
 * Note: the kernel resolves typed ksym variables through kallsyms; a
 * kernel built without CONFIG_KALLSYMS_ALL rejects read_runqueue. Typeless
 * ksyms (see globals.bpf.c) are looked up by libbpf in /proc/kallsyms, so
 * only text symbols work on such a kernel.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

extern const struct rq runqueues __ksym;
extern const int bpf_prog_active __ksym;

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;
extern int bpf_core4j_no_such_kfunc(struct task_struct *p) __ksym __weak;

struct {
	__u64 nr_running_max;
	__u64 prog_active_seen;
	__u64 forks;
	__u64 parent_tgid_sum;
	__u64 weak_kfunc_calls;
	__u64 exits;
} seen;

SEC("tp_btf/sched_switch")
int BPF_PROG(read_runqueue, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	const struct rq *rq = bpf_this_cpu_ptr(&runqueues);
	const int *active = bpf_per_cpu_ptr(&bpf_prog_active, 0);

	if (rq->nr_running > seen.nr_running_max)
		seen.nr_running_max = rq->nr_running;
	if (active && *active)
		seen.prog_active_seen++;
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(hold_parent, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *real_parent, *ref;

	seen.forks++;
	bpf_rcu_read_lock();
	real_parent = child->real_parent;
	ref = real_parent ? bpf_task_acquire(real_parent) : NULL;
	bpf_rcu_read_unlock();
	if (!ref)
		return 0;
	seen.parent_tgid_sum += ref->tgid;
	bpf_task_release(ref);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(weak_kfunc, struct task_struct *p)
{
	seen.exits++;
	/* the weak kfunc resolves to address 0 when the kernel lacks it */
	if (bpf_core4j_no_such_kfunc) {
		bpf_core4j_no_such_kfunc(p);
		seen.weak_kfunc_calls++;
	}
	return 0;
}
