/* Layout corners of the C header dump: what `bpftool btf dump file F format c` has to get right.
 * Compiled for both byte orders by ../generate.sh; only its .BTF section is kept. Every type is
 * kept in BTF by a global variable or a function signature that uses it. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

/* Packed structs: misaligned members, a size that is no multiple of the alignment, and a packed
 * struct nested in a naturally aligned one. */
struct packed_misaligned {
	char c;
	int i;
	short s;
	long long ll;
} __attribute__((packed));

struct packed_tail {
	int i;
	char c;
} __attribute__((packed));

struct packed_but_natural {
	int a;
	int b;
} __attribute__((packed));

struct holds_packed {
	char c;
	struct packed_tail p;
	short s;
};

/* Over-aligned structs and members: libbpf 1.1 only pads them. */
struct over_aligned {
	char c;
} __attribute__((aligned(16)));

struct aligned_member {
	char c;
	int i __attribute__((aligned(16)));
	char tail;
};

/* Bitfields: crossing 32- and 64-bit units, unnamed padding bitfields, zero-width separators,
 * bitfields after plain members and before a trailing gap. */
struct bitfields {
	unsigned int a : 3;
	unsigned int : 5;
	unsigned int b : 30;
	unsigned long long c : 40;
	unsigned long long d : 30;
	int : 0;
	int e : 5;
	char f;
	unsigned int g : 1;
	long long : 0;
	u8 h : 2;
	u16 i : 9;
	signed char j : 3;
	_Bool k : 1;
};

struct bitfield_holes {
	char c;
	unsigned int x : 4;
	unsigned int : 20;
	unsigned int y : 8;
	unsigned long long z : 1;
	unsigned long long : 62;
	unsigned long long w : 1;
	short tail;
};

/* Zero-size and flexible arrays. */
struct zero_arrays {
	int n;
	char zero[0];
	int also_zero[0][4];
	long flex[];
};

/* Anonymous nesting: unions in structs in unions, several levels deep. */
struct anon_nesting {
	int tag;
	union {
		int i;
		struct {
			short lo;
			short hi;
		};
		struct {
			union {
				u8 bytes[4];
				struct {
					u8 b0 : 4;
					u8 b1 : 4;
				} nibbles;
			};
			enum { ANON_X = 1, ANON_Y = 2 } kind;
		} deep;
	};
	struct {
		struct {
			struct {
				struct {
					struct {
						struct {
							struct {
								struct {
									struct {
										struct {
											struct {
												struct {
													struct {
														struct {
															int very_deep;
														} l14;
													} l13;
												} l12;
											} l11;
										} l10;
									} l9;
								} l8;
							} l7;
						} l6;
					} l5;
				} l4;
			} l3;
		} l2;
	} l1;
	union {
		struct anon_nesting *self;
		const struct anon_nesting *const_self;
	} links;
};

/* Function pointers: arrays of them, returning pointers to functions and to arrays, taking
 * function pointers, variadic, no arguments. */
struct ops;
typedef int (*handler_fn)(struct ops *, void *);
typedef void (*(*signal_fn)(int, void (*)(int)))(int);
typedef int (*array_returner(int))[5];
typedef int varargs_fn(const char *, ...);

struct ops {
	handler_fn handlers[4];
	int (*raw_handlers[2][3])(u32, char *);
	void (*(*getter)(void))(int);
	int (*(*arr_ptr)[8])(void);
	signal_fn sig;
	array_returner *ar;
	varargs_fn *printf_like;
	char *(*const const_fn)(const char *restrict, volatile int *);
	struct ops *(*clone)(const struct ops *);
};

/* Arrays of arrays and pointers to arrays. */
struct arrays {
	int m2[3][4];
	char m3[2][3][4];
	int (*ptr_to_arr)[5];
	int *arr_of_ptr[5];
	int *(*ptr_to_arr_of_ptr)[6];
	const int const_arr[2];
	volatile char vol_matrix[2][2];
	struct ops *const ops_arr[3];
};

/* Enums: signed, unsigned, one byte, two bytes, 64-bit values, negative 64-bit values. */
enum e_unsigned { EU_A = 0, EU_B = 0xffffffffu };
enum e_signed { ES_A = -1, ES_B = 0x7fffffff };
enum e_byte { EB_A = 1, EB_B = 2 } __attribute__((packed));
enum e_short { EH_A = 1, EH_B = 0x1234 } __attribute__((packed));
enum e_64 { E64_A = 0x100000000ULL, E64_B = 0xffffffffffffffffULL };
enum e_64_neg { E64N_A = -0x100000000LL, E64N_B = 7 };
typedef enum { TE_A, TE_B } typedef_enum;

struct enums {
	enum e_unsigned u;
	enum e_signed s;
	enum e_byte b;
	enum e_short h;
	enum e_64 w;
	enum e_64_neg n;
	typedef_enum t;
	enum { INLINE_A = 3 } inl : 4;
};

/* Forward declarations and mutual recursion through pointers and typedefs. */
struct opaque;
union opaque_union;
typedef struct list_node list_node_t;
typedef struct tree tree_t;
struct list_node {
	list_node_t *next;
	tree_t *owner;
	struct opaque *o;
	union opaque_union *ou;
};
struct tree {
	list_node_t head;
	struct tree *children[2];
	tree_t *parent;
};

/* Typedef chains, typedefs of anonymous types, of arrays and of qualified pointers. */
typedef u64 t1;
typedef t1 t2;
typedef const t2 t3;
typedef volatile t3 *t4;
typedef struct {
	t4 p;
	int v;
} anon_struct_t;
typedef union {
	int i;
	float f;
} anon_union_t;
typedef anon_struct_t anon_array_t[3];
typedef const char *const *const_strv;

struct typedefs {
	t2 two;
	t4 four;
	anon_struct_t as;
	anon_union_t au;
	anon_array_t aa;
	const_strv v;
	__int128 wide;
	unsigned __int128 uwide;
	long double ld;
	double d;
	_Bool flag;
};

/* Empty struct and union, struct that is only padding through a zero-width array. */
struct empty {
};
union empty_union {
};
struct only_padding {
	char pad[0];
	char c __attribute__((aligned(8)));
};

/* Type tags on pointers (printed by libbpf 1.1 as btf_type_tag attributes). */
struct tagged {
	int __attribute__((btf_type_tag("user"))) *user_ptr;
	char __attribute__((btf_type_tag("rcu"))) __attribute__((btf_type_tag("percpu"))) *two_tags;
};

/* Same struct name in two scopes: the inner one is kept in BTF by a CO-RE relocation and must be
 * renamed with ___2; the same for an enum and its enumerators, which collide. */
struct dup {
	int a;
};
enum dup_enum { DUP_A = 1, DUP_B = 2 };

struct packed_misaligned g_packed_misaligned;
struct holds_packed g_holds_packed;
struct packed_but_natural g_packed_but_natural;
struct over_aligned g_over_aligned;
struct aligned_member g_aligned_member;
struct bitfields g_bitfields;
struct bitfield_holes g_bitfield_holes;
struct zero_arrays g_zero_arrays;
struct anon_nesting g_anon_nesting;
struct ops g_ops;
struct arrays g_arrays;
struct enums g_enums;
struct tree g_tree;
struct typedefs g_typedefs;
struct empty g_empty;
union empty_union g_empty_union;
struct only_padding g_only_padding;
struct tagged g_tagged;
struct dup g_dup;
enum dup_enum g_dup_enum;

int with_locals(void *p)
{
	struct dup {
		long b;
		char c;
	};
	enum dup_enum { DUP_A = 7, DUP_C = 8 };
	int r = __builtin_preserve_field_info(((struct dup *)p)->c, 0);
	return r + __builtin_preserve_enum_value(*(enum dup_enum *)DUP_C, 1);
}
