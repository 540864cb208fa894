// BPF CPU v4 instructions (signed division and modulo, sign-extending moves and loads,
// unconditional byte swaps, gotol, may_goto) compiled with clang-19 -mcpu=v4.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

long long sink;

SEC("tc")
int signed_ops(struct __sk_buff *skb) {
  long long a = skb->len, b = skb->mark;
  int c = skb->priority, d = skb->hash;
  long long q = a / b + a % b + (long long)(signed char)a + (short)b;
  int r = c / d + c % d + (signed char)c + (short)d;
  sink = q + r + (long long)(int)q;
  return 0;
}

SEC("tc")
int sign_loads(struct __sk_buff *skb) {
  void *data = (void *)(long)skb->data;
  void *end = (void *)(long)skb->data_end;
  if (data + 8 > end)
    return 0;
  sink = *(signed char *)data + *(short *)(data + 2) + *(int *)(data + 4);
  return 0;
}

SEC("tc")
int swaps(struct __sk_buff *skb) {
  __u64 x = skb->len;
  sink = __builtin_bswap16(x) + __builtin_bswap32(x) + __builtin_bswap64(x);
  return 0;
}

SEC("tc")
int asm_v4(struct __sk_buff *skb) {
  asm volatile(
      "r1 = 7\n r2 = 3\n w3 = 5\n w4 = 2\n"
      "r1 s/= r2\n r1 s/= -3\n r1 s%%= r2\n r1 s%%= 5\n"
      "w3 s/= w4\n w3 s/= -2\n w3 s%%= w4\n w3 s%%= 2\n"
      "r1 = (s8)r2\n r1 = (s16)r2\n r1 = (s32)r2\n"
      "w3 = (s8)w4\n w3 = (s16)w4\n"
      "r1 = bswap16 r1\n r1 = bswap32 r1\n r1 = bswap64 r1\n"
      "r5 = r10\n"
      "r1 = *(s8 *)(r5 - 1)\n r1 = *(s16 *)(r5 - 2)\n r1 = *(s32 *)(r5 - 4)\n"
      "*(u8 *)(r10 - 8) = 1\n *(u16 *)(r10 - 8) = 2\n *(u32 *)(r10 - 8) = 3\n *(u64 *)(r10 - 8) = 4\n"
      "gotol l_%=\n"
      "r0 = 0\n"
      "l_%=:\n"
      "may_goto l2_%=\n"
      "r0 = 1\n"
      "l2_%=:\n"
      "if r1 & r2 goto +0\n"
      "if w1 & 4 goto +0\n"
      "w2 = atomic_fetch_add((u32 *)(r10 - 8), w2)\n"
      "w2 = atomic_fetch_or((u32 *)(r10 - 8), w2)\n"
      "w2 = atomic_fetch_and((u32 *)(r10 - 8), w2)\n"
      "w2 = atomic_fetch_xor((u32 *)(r10 - 8), w2)\n"
      "lock *(u32 *)(r10 - 8) |= w2\n"
      "w2 = xchg32_32(r10 - 8, w2)\n"
      "w0 = cmpxchg32_32(r10 - 8, w0, w2)\n"
      "w2 = *(u8 *)(r5 - 1)\n"
      ::: "r0", "r1", "r2", "r3", "r4", "r5");
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
