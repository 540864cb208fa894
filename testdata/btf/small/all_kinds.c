/* Every BTF kind clang emits, in one small BPF object: the "hand-built" BTF of core4j's testdata.
 * Compiled for both byte orders by ../generate.sh; only its .BTF section is kept. */
typedef unsigned long long u64;
typedef signed char s8;
typedef _Bool flag_t;

struct fwd_only;                 /* FWD (struct) */
union fwd_union;                 /* FWD (union) */

enum small_enum { SMALL_A = 1, SMALL_B = -2 } __attribute__((packed));   /* ENUM, signed, size 1 */
enum big_enum { BIG_A = 0x100000000ULL, BIG_B = 0xffffffffffffffffULL }; /* ENUM64, unsigned */
enum neg_big { NEG_A = -0x100000000LL, NEG_B = 3 };                      /* ENUM64, signed */

struct bits {
	unsigned int a : 3;
	int b : 5;
	unsigned long long c : 40;
	flag_t d : 1;
	char tail[0];
};

struct nested {
	union {
		int as_int;
		float as_float;          /* FLOAT */
	};
	struct {
		double x, y;
	} point;
	long double ld;
	const volatile int * restrict cv;   /* CONST, VOLATILE, RESTRICT, PTR */
	int matrix[2][3];                   /* ARRAY of ARRAY */
	struct fwd_only *opaque;
	union fwd_union *opaque_union;
	int (*callback)(struct bits *, u64, ...);   /* FUNC_PROTO with varargs */
	int __attribute__((btf_type_tag("user"))) *tagged;   /* TYPE_TAG */
	int member_tagged __attribute__((btf_decl_tag("member_tag")));
	enum small_enum se;
	enum big_enum be;
	enum neg_big nb;
	s8 small;
	__int128 wide;
	unsigned __int128 uwide;
	char c;
	unsigned char uc;
	_Bool boolean;
	struct bits bitfields;
} __attribute__((aligned(16)));

int global_counter = 7;                                   /* VAR global, DATASEC .data */
static volatile int static_counter;                       /* VAR static, .bss */
const volatile u64 config_value = 42;                     /* .rodata */
int tagged_var __attribute__((btf_decl_tag("var_tag"))) = 1;
struct nested shared_nested __attribute__((section(".data.custom")));
extern int extern_value __attribute__((section(".ksyms"), weak));
extern void extern_func(int) __attribute__((section(".ksyms")));

static __attribute__((noinline)) int helper(struct nested *n, int x __attribute__((btf_decl_tag("param_tag"))))
{
	return n->member_tagged + x + static_counter;
}

int __attribute__((btf_decl_tag("func_tag"))) entry(struct nested *n)   /* FUNC global + DECL_TAG */
{
	if (&extern_value)
		extern_func(extern_value);
	return helper(n, global_counter + tagged_var) + (int)config_value + shared_nested.c;
}
