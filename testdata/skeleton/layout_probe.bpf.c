/*
 * layout_probe.bpf.c - initialised globals whose bytes clang lays out, for
 * the skeleton generator's layout tests: a generated record decoding
 * probe_value from .data must see exactly the values below, and encoding it
 * again must give clang's bytes back (both byte orders).
 *
 * Exercises: padding after small members and at the end, a nested struct,
 * arrays of scalars and of structs, a union with an anonymous struct member,
 * unsigned and signed bitfields (inside one unit, across a 64-bit unit, a
 * lone one in a byte), a 4-byte enum and a packed 1-byte enum, a named
 * member of anonymous struct type, _Bool, char[], and an anonymous struct
 * member whose members C code names directly.
 *
 * clash_value's types and members are named like what generated code uses
 * (Codec, MemorySegment, List, a record's own methods and parameters): the
 * generated source must still compile and mean the right thing.
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed short __s16;
typedef signed int __s32;

#define SEC(name) __attribute__((section(name), used))

char LICENSE[] SEC("license") = "GPL";

enum color { RED = 1, GREEN = 2, BLUE = 0x7fffffff };
enum __attribute__((packed)) size_class { SMALL = 1, LARGE = 200 };

struct inner {
	__u16 a;
	__u64 b;
};

struct probe {
	__u8 c;
	struct inner in;
	__s16 arr[3];
	union {
		__u32 word;
		__u8 bytes[4];
		struct {
			__u16 lo;
			__u16 hi;
		} halves;
	} u;
	__u32 f1 : 3, f2 : 7, f3 : 22;
	__s32 s1 : 5, s2 : 11;
	__u64 big : 40, rest : 24;
	__u8 tail : 2;
	enum color col;
	enum size_class sz;
	struct {
		__u8 x;
		__u32 y;
	} pair;
	struct inner ins[2];
	_Bool flag;
	char name[6];
	struct {
		int ax;
		int ay;
	};
};

struct probe probe_value = {
	.c = 0x11,
	.in = { .a = 0x2233, .b = 0x0102030405060708ULL },
	.arr = { -1, 2, -30000 },
	.u = { .word = 0xa1b2c3d4 },
	.f1 = 5, .f2 = 100, .f3 = 0x2abcde,
	.s1 = -3, .s2 = -1000,
	.big = 0x123456789aULL, .rest = 0xabcdef,
	.tail = 3,
	.col = BLUE,
	.sz = LARGE,
	.pair = { .x = 7, .y = 0xdeadbeef },
	.ins = { { .a = 1, .b = 2 }, { .a = 3, .b = 4 } },
	.flag = 1,
	.name = "core4j",
	.ax = -7, .ay = 9,
};

struct codec {
	int segment;
	int other;
	int bytes;
	int value;
	int hash_code;
	int to_string;
};

struct memory_segment {
	struct codec list;
	union {
		int bytes;
		int value;
	} u;
};

struct clash {
	struct memory_segment m;
	struct codec c[2];
} clash_value = { .m = { .list = { 1, 2, 3, 4, 5, 6 }, .u = { .bytes = 7 } } };

SEC("xdp")
int probe_prog(void *ctx)
{
	return probe_value.c + clash_value.m.u.value;
}
