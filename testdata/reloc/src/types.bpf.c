// SPDX-License-Identifier: GPL-2.0
/* Type relocations: type_exists, type_size, type_matches, local_type_id, target_type_id. */
#include "common.h"

/* A minimal local view: matches the kernel's task_struct (every local member exists). */
struct task_struct___lite {
	int pid;
	int tgid;
	struct mm_struct *mm;
};

/* Does not match: pid has the wrong size. */
struct task_struct___wrong {
	long pid;
};

/* rcu_users as a plain member (6.18) vs in an anonymous union (6.1). */
struct task_struct___rcu_top {
	refcount_t rcu_users;
};

typedef int pid_t___local;
typedef unsigned int pid_t___wrong;

struct no_such_struct_in_any_kernel {
	int x;
};

union no_such_union___x {
	int x;
};

SEC("raw_tp/sys_enter")
int type_rels(void *ctx)
{
	long sum = 0;

	sum += bpf_core_type_exists(struct task_struct);
	sum += bpf_core_type_exists(struct task_struct___lite);
	sum += bpf_core_type_exists(struct no_such_struct_in_any_kernel);
	sum += bpf_core_type_exists(union no_such_union___x);
	sum += bpf_core_type_exists(pid_t);
	sum += bpf_core_type_exists(struct bpf_reg_state);
	sum += bpf_core_type_size(struct task_struct);
	sum += bpf_core_type_size(struct sk_buff);
	sum += bpf_core_type_size(pid_t);
	sum += bpf_core_type_size(struct no_such_struct_in_any_kernel);
	sum += bpf_core_type_size(enum bpf_map_type);
	sum += bpf_core_type_matches(struct task_struct___lite);
	sum += bpf_core_type_matches(struct task_struct___wrong);
	sum += bpf_core_type_matches(struct task_struct___rcu_top);
	sum += bpf_core_type_matches(pid_t___local);
	sum += bpf_core_type_matches(pid_t___wrong);
	sum += bpf_core_type_matches(enum bpf_map_type);
	sum += bpf_core_type_matches(struct list_head);
	return sum;
}

SEC("raw_tp/sys_enter")
int type_ids(void *ctx)
{
	long sum = 0;

	sum += bpf_core_type_id_local(struct task_struct);
	sum += bpf_core_type_id_local(struct no_such_struct_in_any_kernel);
	sum += bpf_core_type_id_kernel(struct task_struct);
	sum += bpf_core_type_id_kernel(struct sk_buff);
	sum += bpf_core_type_id_kernel(struct no_such_struct_in_any_kernel);
	sum += bpf_core_type_id_kernel(pid_t);
	return sum;
}
