// Every instruction form LLVM 16's BPF assembler knows, in inline asm, so that the
// disassembler is checked against llvm-objdump on each of them. Compiled with -mcpu=v3.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

// One raw instruction, for encodings LLVM 16's assembler cannot write; the assembler
// evaluates the expression, laid out for the target's byte order.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define INSN(op, dst, src, off, imm)                                              \
  ".8byte (" #op ") | ((" #dst ") << 8) | ((" #src ") << 12) | (((" #off ") & 0xffff) << 16)" \
  " | (((" #imm ") & 0xffffffff) << 32)\n"
#else
#define INSN(op, dst, src, off, imm)                                                \
  ".8byte ((" #op ") << 56) | ((" #dst ") << 52) | ((" #src ") << 48)"               \
  " | (((" #off ") & 0xffff) << 32) | ((" #imm ") & 0xffffffff)\n"
#endif

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 4);
  __type(key, __u32);
  __type(value, __u64);
} counters SEC(".maps");

SEC("tc")
int alu64(struct __sk_buff *skb) {
  asm volatile(
      "r1 = 5\n"
      "r2 = -1\n"
      "r3 = r1\n"
      "r1 += r2\n r1 += 7\n r1 += -8\n"
      "r1 -= r2\n r1 -= 2147483647\n r1 -= -2147483648\n"
      "r1 *= r2\n r1 *= 3\n"
      "r1 /= r2\n r1 /= 3\n"
      "r1 |= r2\n r1 |= 0x10\n"
      "r1 &= r2\n r1 &= 0xff\n"
      "r1 <<= r2\n r1 <<= 63\n"
      "r1 >>= r2\n r1 >>= 1\n"
      "r1 = -r1\n"
      "r1 %%= r2\n r1 %%= 10\n"
      "r1 ^= r2\n r1 ^= 255\n"
      "r1 s>>= r2\n r1 s>>= 32\n"
      "r1 = be16 r1\n r1 = be32 r1\n r1 = be64 r1\n"
      "r1 = le16 r1\n r1 = le32 r1\n r1 = le64 r1\n"
      "r0 = 0x123456789abcdef0 ll\n"
      "r9 = -1 ll\n"
      "r0 = 0 ll\n"
      ::: "r0", "r1", "r2", "r3", "r9");
  return 0;
}

SEC("tc")
int alu32(struct __sk_buff *skb) {
  asm volatile(
      "w1 = 5\n w2 = -1\n w3 = w1\n"
      "w1 += w2\n w1 += 7\n"
      "w1 -= w2\n w1 -= 2\n"
      "w1 *= w2\n w1 *= 3\n"
      "w1 /= w2\n w1 /= 3\n"
      "w1 |= w2\n w1 |= 0x10\n"
      "w1 &= w2\n w1 &= 0xff\n"
      "w1 <<= w2\n w1 <<= 31\n"
      "w1 >>= w2\n w1 >>= 1\n"
      "w1 = -w1\n"
      "w1 %%= w2\n w1 %%= 10\n"
      "w1 ^= w2\n w1 ^= 255\n"
      "w1 s>>= w2\n w1 s>>= 16\n"
      ::: "r1", "r2", "r3");
  return 0;
}

SEC("socket")
int jumps(struct __sk_buff *skb) {
  asm volatile(
      "r1 = 1\n r2 = 2\n"
      "if r1 == r2 goto l0_%=\n"
      "if r1 == 3 goto l0_%=\n"
      "if r1 != r2 goto l0_%=\n"
      "if r1 != -3 goto l0_%=\n"
      "if r1 > r2 goto l0_%=\n"
      "if r1 > 3 goto l0_%=\n"
      "if r1 >= r2 goto l0_%=\n"
      "if r1 >= 3 goto l0_%=\n"
      "if r1 < r2 goto l0_%=\n"
      "if r1 < 3 goto l0_%=\n"
      "if r1 <= r2 goto l0_%=\n"
      "if r1 <= 3 goto l0_%=\n"
      INSN(0x4d, 1, 2, 1, 0)   // if r1 & r2 goto +1
      INSN(0x45, 1, 0, 1, 3)   // if r1 & 3 goto +1
      "if r1 s> r2 goto l0_%=\n"
      "if r1 s> 3 goto l0_%=\n"
      "if r1 s>= r2 goto l0_%=\n"
      "if r1 s>= 3 goto l0_%=\n"
      "if r1 s< r2 goto l0_%=\n"
      "if r1 s< -3 goto l0_%=\n"
      "if r1 s<= r2 goto l0_%=\n"
      "if r1 s<= 3 goto l0_%=\n"
      "l0_%=:\n"
      "if w1 == w2 goto l1_%=\n"
      "if w1 == 3 goto l1_%=\n"
      "if w1 != w2 goto l1_%=\n"
      "if w1 != 3 goto l1_%=\n"
      "if w1 > w2 goto l1_%=\n"
      "if w1 > 3 goto l1_%=\n"
      "if w1 >= w2 goto l1_%=\n"
      "if w1 >= 3 goto l1_%=\n"
      "if w1 < w2 goto l1_%=\n"
      "if w1 < 3 goto l1_%=\n"
      "if w1 <= w2 goto l1_%=\n"
      "if w1 <= 3 goto l1_%=\n"
      INSN(0x4e, 1, 2, 1, 0)   // if w1 & w2 goto +1
      INSN(0x46, 1, 0, 1, 3)   // if w1 & 3 goto +1
      "if w1 s> w2 goto l1_%=\n"
      "if w1 s> 3 goto l1_%=\n"
      "if w1 s>= w2 goto l1_%=\n"
      "if w1 s>= 3 goto l1_%=\n"
      "if w1 s< w2 goto l1_%=\n"
      "if w1 s< -3 goto l1_%=\n"
      "if w1 s<= w2 goto l1_%=\n"
      "if w1 s<= 3 goto l1_%=\n"
      "goto l1_%=\n"
      "l1_%=:\n"
      "goto l0_%=\n"
      ::: "r1", "r2");
  return 0;
}

SEC("socket")
int memory(struct __sk_buff *skb) {
  asm volatile(
      "r1 = r10\n"
      "r2 = *(u8 *)(r1 - 1)\n"
      "r2 = *(u16 *)(r1 - 2)\n"
      "r2 = *(u32 *)(r1 - 4)\n"
      "r2 = *(u64 *)(r1 - 8)\n"
      "w2 = *(u8 *)(r1 - 1)\n"
      "w2 = *(u16 *)(r1 - 2)\n"
      "w2 = *(u32 *)(r1 - 4)\n"
      "*(u8 *)(r10 - 1) = r2\n"
      "*(u16 *)(r10 - 2) = r2\n"
      "*(u32 *)(r10 - 4) = r2\n"
      "*(u64 *)(r10 - 8) = r2\n"
      "*(u8 *)(r10 - 1) = w2\n"
      "*(u16 *)(r10 - 2) = w2\n"
      "*(u32 *)(r10 - 4) = w2\n"
      "r3 = *(u64 *)(r1 + 32767)\n"
      "r3 = *(u64 *)(r1 - 32768)\n"
      "r3 = *(u64 *)(r1 + 0)\n"
      "lock *(u32 *)(r10 - 8) += w2\n"
      "lock *(u64 *)(r10 - 8) += r2\n"
      "lock *(u32 *)(r10 - 8) |= w2\n"
      "lock *(u64 *)(r10 - 8) |= r2\n"
      "lock *(u32 *)(r10 - 8) &= w2\n"
      "lock *(u64 *)(r10 - 8) &= r2\n"
      "lock *(u32 *)(r10 - 8) ^= w2\n"
      "lock *(u64 *)(r10 - 8) ^= r2\n"
      INSN(0xc3, 10, 2, -8, 0x01)
      INSN(0xdb, 10, 2, -8, 0x01)
      INSN(0xc3, 10, 2, -8, 0x41)
      INSN(0xdb, 10, 2, -8, 0x41)
      INSN(0xc3, 10, 2, -8, 0x51)
      INSN(0xdb, 10, 2, -8, 0x51)
      INSN(0xc3, 10, 2, -8, 0xa1)
      INSN(0xdb, 10, 2, -8, 0xa1)
      INSN(0xc3, 10, 2, -8, 0xe1)
      INSN(0xdb, 10, 2, -8, 0xe1)
      INSN(0xc3, 10, 2, -8, 0xf1)
      INSN(0xdb, 10, 2, -8, 0xf1)
      "r6 = r1\n"
      "r0 = *(u8 *)skb[1]\n"
      "r0 = *(u16 *)skb[2]\n"
      "r0 = *(u32 *)skb[4]\n"
      "r0 = *(u8 *)skb[r2]\n"
      "r0 = *(u16 *)skb[r2]\n"
      "r0 = *(u32 *)skb[r2]\n"
      ::: "r0", "r1", "r2", "r3", "r6");
  return 0;
}

SEC("socket")
int raw(struct __sk_buff *skb) {
  // Encodings LLVM 16 cannot assemble: ST with an immediate, calls with src 1 and 2,
  // ld_imm64 pseudo sources, an atomic with a bad op and opcodes no BPF CPU has.
  asm volatile(
      INSN(0x62, 10, 0, -4, 5)            // ST W imm
      INSN(0x7a, 10, 0, -8, 42)           // ST DW imm
      INSN(0x72, 10, 0, -1, -1)           // ST B imm
      INSN(0x6a, 10, 0, -2, 0x7fff)       // ST H imm
      INSN(0x85, 0, 1, 0, 3)              // pseudo call +3
      INSN(0x85, 0, 2, 0, 1234)           // kfunc call by BTF id
      INSN(0x8d, 0, 0, 0, 0)              // callx
      INSN(0x18, 1, 1, 0, 7)              // ld_imm64 map fd
      INSN(0x00, 0, 0, 0, 0)
      INSN(0x18, 2, 2, 0, 7)              // ld_imm64 map value
      INSN(0x00, 0, 0, 0, 16)
      INSN(0x18, 3, 3, 0, 99)             // ld_imm64 btf id
      INSN(0x00, 0, 0, 0, 0)
      INSN(0x18, 4, 4, 0, 2)              // ld_imm64 func
      INSN(0x00, 0, 0, 0, 0)
      INSN(0x18, 5, 5, 0, 0)              // ld_imm64 map idx
      INSN(0x00, 0, 0, 0, 0)
      INSN(0x18, 6, 6, 0, 0)              // ld_imm64 map idx value
      INSN(0x00, 0, 0, 0, 8)
      INSN(0x18, 7, 0, 0, -1)             // ld_imm64 with a high word
      INSN(0x00, 0, 0, 0, 0x7fffffff)
      INSN(0xdb, 10, 2, -8, 0x02)         // atomic with an unknown op
      INSN(0xc3, 10, 2, -8, 0xe0)         // xchg without fetch
      INSN(0xd3, 10, 2, 0, 0x00)          // atomic B
      INSN(0x0e, 1, 2, 0, 0)              // JMP32 JA (gotol) reg form
      INSN(0x8e, 1, 2, 0, 0)              // JMP32 CALL
      INSN(0x9e, 0, 0, 0, 0)              // JMP32 EXIT
      INSN(0xff, 0, 0, 0, 1)              // no such opcode
      INSN(0xe5, 0, 0, 0, 0)              // may_goto (JCOND)
      INSN(0xd4, 1, 0, 0, 16)             // le16 (ALU END K)
      INSN(0xdc, 1, 0, 0, 64)             // be64 (ALU END X)
      INSN(0xd4, 1, 0, 0, 8)              // END with a bad width
      INSN(0x84, 1, 0, 0, 0)              // w1 = -w1 (NEG K)
      INSN(0x8c, 1, 2, 0, 0)              // NEG X
      INSN(0x95, 0, 0, 0, 0)              // exit
  );
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
