// A typical CO-RE object: BTF-defined maps, global data in .data/.bss/.rodata, helper calls,
// static and global subprograms, a kfunc, atomics, CO-RE field reads and LD_ABS/LD_IND.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

struct task_struct {
  int pid;
  int tgid;
  struct task_struct *parent;
} __attribute__((preserve_access_index));

struct event {
  __u32 pid;
  __u64 ts;
  char comm[16];
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, __u64);
} counts SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 1 << 16);
} events SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 4);
  __type(key, __u32);
  __type(value, struct event);
} scratch SEC(".maps");

const volatile __u32 target_pid = 0;
const volatile char greeting[8] = "hello";
__u64 total = 0;
__u32 flags = 7;
__u64 buckets[8];

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

static __attribute__((noinline)) __u64 mix(__u64 a, __u64 b) {
  return (a * 31) ^ (b >> 3) ^ bpf_get_prandom_u32();
}

__attribute__((noinline)) int global_helper(__u32 x) {
  return x > 100 ? x - 100 : x + flags;
}

SEC("kprobe/do_nanosleep")
int count_sleeps(void *ctx) {
  __u32 pid = bpf_get_current_pid_tgid() >> 32;
  if (target_pid && pid != target_pid)
    return 0;
  __u64 one = 1, *v = bpf_map_lookup_elem(&counts, &pid);
  if (v)
    __sync_fetch_and_add(v, 1);
  else
    bpf_map_update_elem(&counts, &pid, &one, BPF_NOEXIST);
  __sync_fetch_and_add(&total, 1);
#if __BPF_CPU_VERSION__ >= 3
  __sync_fetch_and_or(&flags, 2);
  __sync_fetch_and_and(&flags, ~1u);
  __sync_fetch_and_xor(&flags, 8);
  __u64 old = __sync_lock_test_and_set(&buckets[pid & 7], mix(pid, total));
  __sync_val_compare_and_swap(&buckets[0], old, 5);
  __u32 f = __sync_fetch_and_add(&flags, 3);
#else
  __u64 old = mix(pid, total);
  __u32 f = flags;
#endif
  return global_helper(f) + (int)old;
}

SEC("tp_btf/sched_switch")
int core_reads(__u64 *ctx) {
  struct task_struct *t = (struct task_struct *)bpf_get_current_task();
  int ppid = BPF_CORE_READ(t, parent, tgid);
  int has = bpf_core_field_exists(t->pid);
  bpf_rcu_read_lock();
  struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
  bpf_rcu_read_unlock();
  if (!e)
    return 0;
  e->pid = ppid + has;
  e->ts = bpf_ktime_get_ns();
  bpf_get_current_comm(e->comm, sizeof(e->comm));
  for (int i = 0; i < 8; i++)
    if (greeting[i] == 'l')
      e->comm[i & 15] = greeting[i];
  bpf_ringbuf_submit(e, 0);
  bpf_printk("pid %d", ppid);
  return 0;
}

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");
unsigned long long load_word(void *skb, unsigned long long off) asm("llvm.bpf.load.word");

SEC("socket")
int classic(struct __sk_buff *skb) {
  __u32 zero = 0;
  struct event *e = bpf_map_lookup_elem(&scratch, &zero);
  if (!e)
    return 0;
  __u64 proto = load_half(skb, 12);
  __u64 ihl = load_byte(skb, 14) & 0xf;
  __u64 word = load_word(skb, ihl * 4 + 14);
  switch (proto) {
  case 0x0800: e->ts = word; break;
  case 0x86dd: e->ts = word << 1; break;
  case 0x0806: e->ts = bpf_htons(proto); break;
  default: e->ts = bpf_htonl(word) + bpf_be64_to_cpu(word);
  }
  return skb->len > 64 ? -1 : 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
