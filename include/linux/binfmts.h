/* Executing programs (fs/exec.c, fs/binfmt_elf.c). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H
#include <linux/types.h>

struct mm_struct;
struct file;

/* Linux's argument limits: argc and envc below MAX_ARG_STRINGS, one string
 * (with its NUL) at most MAX_ARG_STRLEN bytes, and all strings plus their
 * pointers at most a quarter of the stack limit, never less than ARG_MAX. */
#define MAX_ARG_STRINGS 0x7fffffff
#define MAX_ARG_STRLEN (32 * 4096)
#define ARG_MAX (32 * 4096)
#define BINPRM_BUF_SIZE 256
#define BINPRM_MAX_RECURSION 4	/* #! scripts whose interpreter is a script... */

/* One execve in progress. Owned by the exec'ing task alone: no lock. */
struct linux_binprm {
	const char *filename;		/* as the caller named it: AT_EXECFN, comm */
	const char *interp;		/* the file being loaded now (a #! interpreter) */
	struct file *file;		/* that file, open for reading */
	loff_t size;			/* its size when opened */
	char buf[BINPRM_BUF_SIZE];	/* its first bytes (zero-padded) */
	char interp_buf[BINPRM_BUF_SIZE];	/* storage for interp after a #! line */
	char *fdpath;			/* "/dev/fd/N[/name]" for execveat on a dirfd */
	bool path_inaccessible;		/* fdpath's fd is close-on-exec */
	/* argv's strings, then envp's, each NUL-terminated, packed as they go
	 * on the new stack; kmalloc'd or vmalloc'd (exec_strings_free). */
	char *strings;
	size_t strings_len, argv_len;	/* all bytes; argv's share */
	int argc, envc;
	unsigned long limit;		/* bytes allowed for strings + pointers */
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
