/*
 * globals.bpf.c - global variables in every kind of data section, plus
 * extern symbols resolved by libbpf at load time.
 *
 * Exercises:
 *   - .rodata (const volatile scalars, array, struct), .data, .bss
 *   - custom sections .rodata.limits and .data.stats (SEC attribute): each
 *     becomes a separate internal map
 *   - .kconfig externs: LINUX_KERNEL_VERSION, a bool, an int, a tristate
 *     and a char array (all __weak except LINUX_KERNEL_VERSION), and a weak
 *     option that no kernel has
 *   - .ksyms extern: a typeless symbol (_stext), resolved by libbpf from
 *     /proc/kallsyms (typed ksyms and kfuncs are in ksyms.bpf.c)
 *   - program types: syscall (BPF_PROG_TYPE_SYSCALL, runnable with
 *     BPF_PROG_TEST_RUN and a context struct) and tp_btf
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* ---- .rodata: configuration, set by the loader before load ---- */
const volatile __u32 sample_every = 1;
const volatile bool verbose = false;
const volatile char instance_name[16] = "core4j";
const volatile struct {
	__u16 lo;
	__u16 hi;
} cpu_range = { 0, 255 };

/* ---- .data: initialised, writable ---- */
__u64 generation = 42;
__s32 last_error = -1;
char greeting[8] = "hello";

/* ---- .bss: zero-initialised, writable ---- */
__u64 calls;
__u32 last_cpu;
struct {
	__u64 switches;
	__u64 preemptions;
	__u64 samples[4];
} sched_seen;
__u64 kernel_text_base;

/* ---- custom sections (one internal map each) ---- */
const volatile __u32 max_bytes SEC(".rodata.limits") = 4096;
const volatile __u16 allowed_ports[3] SEC(".rodata.limits") = { 80, 443, 8080 };
__u64 hits[4] SEC(".data.stats") = { 0, 0, 0, 0 };
__u32 hit_mask SEC(".data.stats") = 0xf;

/* ---- .kconfig ---- */
extern int LINUX_KERNEL_VERSION __kconfig;
extern bool CONFIG_BPF_LSM __kconfig __weak;
extern int CONFIG_HZ __kconfig __weak;
extern enum libbpf_tristate CONFIG_NET_CLS_BPF __kconfig __weak;
extern const char CONFIG_DEFAULT_HOSTNAME[16] __kconfig __weak;
extern bool CONFIG_CORE4J_NO_SUCH_OPTION __kconfig __weak;

/* ---- .ksyms ---- */
extern const void _stext __ksym;	/* typeless: address only */

/* Context of the syscall program: filled in by the program. */
struct snapshot {
	__u32 kernel_version;
	__u32 hz;
	__u8 bpf_lsm;
	__u8 cls_bpf;		/* enum libbpf_tristate */
	__u8 no_such_option;
	__u8 verbose;
	char hostname[16];
	__u64 generation;
	__u64 calls;
	__u32 max_bytes;
	__u16 first_port;
	__u16 pad;
};

SEC("syscall")
int snapshot_globals(struct snapshot *s)
{
	int i;

	s->kernel_version = LINUX_KERNEL_VERSION;
	s->hz = CONFIG_HZ;
	s->bpf_lsm = CONFIG_BPF_LSM;
	s->cls_bpf = CONFIG_NET_CLS_BPF;
	s->no_such_option = CONFIG_CORE4J_NO_SUCH_OPTION;
	s->verbose = verbose;
	for (i = 0; i < sizeof(s->hostname); i++)
		s->hostname[i] = CONFIG_DEFAULT_HOSTNAME[i];
	s->generation = generation++;
	s->calls = __sync_fetch_and_add(&calls, 1) + 1;
	s->max_bytes = max_bytes;
	s->first_port = allowed_ports[0];
	hits[calls & 3] += 1;
	last_error = 0;
	return LINUX_KERNEL_VERSION >= KERNEL_VERSION(5, 14, 0) ? 0 : 1;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(count_switches, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	__u32 cpu = bpf_get_smp_processor_id();

	if (cpu < cpu_range.lo || cpu > cpu_range.hi)
		return 0;
	if (sample_every > 1 && (bpf_get_prandom_u32() % sample_every))
		return 0;

	last_cpu = cpu;
	kernel_text_base = (__u64)&_stext;
	sched_seen.switches++;
	if (preempt)
		sched_seen.preemptions++;
	sched_seen.samples[cpu & 3]++;
	if (verbose)
		bpf_printk("%s: cpu %u next pid %d", instance_name, cpu, next->pid);
	hit_mask |= 1u << (cpu & 31);
	return 0;
}
