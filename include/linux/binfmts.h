/* Executing programs (fs/exec.c, fs/binfmt_elf.c). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H
#include <linux/types.h>

struct mm_struct;
#define MAX_ARG_STRINGS 0x7fffffff
#define MAX_ARG_BYTES (128 * 1024)	/* [LINUX-DIFF] fixed, not 1/4 of RLIMIT_STACK */

struct linux_binprm {
	const char *filename;
	const void *data;		/* the whole file (from the initramfs for now) */
	size_t size;
	const char *const *argv, *const *envp;	/* kernel strings */
	struct mm_struct *mm;
	unsigned long entry;		/* where user mode starts */
	unsigned long phdr_addr, phnum, load_bias;
	unsigned long sp;		/* the initial user stack pointer */
};

int load_elf_binary(struct linux_binprm *bprm);
/* Replace current's user image with @filename; on success the caller returns
 * to user mode through task_pt_regs(current). */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
#endif
