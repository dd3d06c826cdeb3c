/* execve (seed concept: execve: ELF loading, the stack with argv, envp and
 * auxv, `_start` before `main`). The program is a file found through the VFS
 * (path walk from the caller's root or cwd); a new address space is built
 * beside the old one, and only when the program has loaded does the task
 * switch to it, so a failed exec leaves the caller untouched.
 *
 * Order of work, as in Linux 6.1's do_execveat_common(): copy argv and envp
 * in (EFAULT, E2BIG), then open the file (ENOENT, EACCES...), then look at
 * its first bytes: "#!" rewrites the arguments and opens the interpreter
 * (up to BINPRM_MAX_RECURSION+1 levels), "\177ELF" loads it, anything else
 * is ENOEXEC. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/binfmts.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/vmalloc.h>
#include <uapi/linux/fcntl.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/processor.h>
#include <asm/fpu.h>
#include <linux/slab.h>
#include <linux/signal.h>
#include <linux/fdtable.h>

void get_random_bytes(void *buf, size_t n);

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

/* ---- the argument strings ---- */

/* Copy s to p; returns the byte after its NUL. */
static char *put_str(char *p, const char *s)
{
	size_t n = strlen(s) + 1;
	memcpy(p, s, n);
	return p + n;
}

/* Linux's bprm_stack_limits(): a quarter of the stack limit, at most 3/4 of
 * _STK_LIM, at least ARG_MAX, minus the pointers' room. */
#define RLIMIT_STACK 3
#define _STK_LIM (8UL << 20)
static int set_limit(struct linux_binprm *b)
{
	unsigned long limit = min(_STK_LIM / 4 * 3, rlimit(RLIMIT_STACK) / 4);
	limit = max(limit, (unsigned long)ARG_MAX);
	unsigned long ptrs = ((unsigned long)max(b->argc, 1) + b->envc) * sizeof(void *);
	if (limit <= ptrs)
		return -E2BIG;
	b->limit = limit - ptrs;
	return 0;
}

static char *strings_alloc(size_t n)
{
	return n <= 4 * PAGE_SIZE ? kmalloc(n ?: 1, GFP_KERNEL) : vmalloc(n);
}

static void strings_free(char *p)
{
	if (p && is_vmalloc_addr(p))
		vfree(p);
	else
		kfree(p);
}

/* Strings plus the file name (Linux counts it: it goes on the stack too)
 * within the limit? */
static int check_room(const struct linux_binprm *b, size_t strings_len)
{
	return strings_len + strlen(b->filename) + 1 > b->limit ? -E2BIG : 0;
}

/* Count a NULL-terminated user array and its strings' bytes (with NULs). */
static int count_user(const char __user *const __user *uv, int *count, size_t *bytes)
{
	int n = 0;
	*bytes = 0;
	for (; uv; n++) {
		const char __user *s;
		if (get_user(s, uv + n))
			return -EFAULT;
		if (!s)
			break;
		if (n >= MAX_ARG_STRINGS - 1)
			return -E2BIG;
		long len = strnlen_user(s, MAX_ARG_STRLEN + 1);
		if (!len)
			return -EFAULT;
		if (len > MAX_ARG_STRLEN)
			return -E2BIG;
		*bytes += len;
		/* Past any possible limit: stop walking a huge array now. */
		if (*bytes > STACK_MAX_SIZE || n > (int)(STACK_MAX_SIZE / sizeof(void *)))
			return -E2BIG;
	}
	*count = n;
	return 0;
}

/* Copy count strings into *dst (room bytes left); a string that grew since
 * it was counted (another thread) is E2BIG rather than an overrun. */
static int copy_user_strings(const char __user *const __user *uv, int count, char **dst, size_t *room)
{
	for (int i = 0; i < count; i++) {
		const char __user *s;
		if (get_user(s, uv + i))
			return -EFAULT;
		long len = s ? strncpy_from_user(*dst, s, *room) : -EFAULT;
		if (len < 0)
			return -EFAULT;
		if ((size_t)len >= *room)
			return -E2BIG;
		*dst += len + 1;
		*room -= len + 1;
	}
	return 0;
}

static int copy_strings_from_user(struct linux_binprm *b, const char __user *const __user *argv,
				  const char __user *const __user *envp)
{
	size_t abytes, ebytes;
	int err = count_user(argv, &b->argc, &abytes);
	if (!err)
		err = count_user(envp, &b->envc, &ebytes);
	if (!err)
		err = set_limit(b);
	if (!err)
		err = check_room(b, abytes + ebytes + (b->argc ? 0 : 1));
	if (err)
		return err;
	size_t room = abytes + ebytes + 1;	/* +1: the "" for an empty argv */
	char *p = b->strings = strings_alloc(room);
	if (!p)
		return -ENOMEM;
	if (!b->argc) {
		/* Linux (since 5.18) gives a program started with an empty argv
		 * an argv[0] of "": too many programs trust argc >= 1. */
		*p++ = 0;
		room--;
		b->argc = 1;
	} else {
		err = copy_user_strings(argv, b->argc, &p, &room);
	}
	b->argv_len = p - b->strings;
	if (!err)
		err = copy_user_strings(envp, b->envc, &p, &room);
	b->strings_len = p - b->strings;
	return err;
}

static int copy_strings_kernel(struct linux_binprm *b, const char *const *argv, const char *const *envp)
{
	size_t abytes = 0, ebytes = 0;
	for (b->argc = 0; argv && argv[b->argc]; b->argc++)
		abytes += strlen(argv[b->argc]) + 1;
	for (b->envc = 0; envp && envp[b->envc]; b->envc++)
		ebytes += strlen(envp[b->envc]) + 1;
	int err = set_limit(b) ?: check_room(b, abytes + ebytes + 1);
	if (err)
		return err;
	char *p = b->strings = strings_alloc(abytes + ebytes + 1);
	if (!p)
		return -ENOMEM;
	if (!b->argc) {
		*p++ = 0;
		b->argc = 1;
	}
	for (int i = 0; argv && argv[i]; i++)
		p = put_str(p, argv[i]);
	b->argv_len = p - b->strings;
	for (int i = 0; i < b->envc; i++)
		p = put_str(p, envp[i]);
	b->strings_len = p - b->strings;
	return 0;
}

/* ---- the new stack ---- */

/* Push a string down the user stack at *p; returns its user address or 0. */
static unsigned long push_string(unsigned long *p, const char *s)
{
	size_t len = strlen(s) + 1;
	*p -= len;
	return copy_to_user((void __user *)*p, s, len) ? 0 : *p;
}

/* The initial stack, top down: the file name (AT_EXECFN), the platform
 * string, envp's and argv's strings, AT_RANDOM bytes, then (16-byte
 * aligned) argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL. */
static int create_elf_tables(struct linux_binprm *b, struct mm_struct *mm)
{
	unsigned long p = STACK_TOP - sizeof(long);
	unsigned long execfn = push_string(&p, b->filename);
	unsigned long platform = push_string(&p, "x86_64");
	p -= b->strings_len;
	unsigned long strings = p;
	if (copy_to_user((void __user *)strings, b->strings, b->strings_len))
		return -EFAULT;
	u8 rnd[16];
	get_random_bytes(rnd, sizeof(rnd));
	p = (p - sizeof(rnd)) & ~15UL;
	unsigned long random = p;
	if (!execfn || !platform || copy_to_user((void __user *)random, rnd, sizeof(rnd)))
		return -EFAULT;
	mm->arg_start = strings;
	mm->arg_end = mm->env_start = strings + b->argv_len;
	mm->env_end = strings + b->strings_len;

	const struct cred *c = current_cred();
	unsigned long auxv[] = {
		AT_PHDR, b->phdr_addr, AT_PHENT, 56, AT_PHNUM, b->phnum, AT_PAGESZ, PAGE_SIZE,
		AT_BASE, 0, AT_FLAGS, 0, AT_ENTRY, b->entry, AT_UID, c->uid, AT_EUID, c->euid,
		AT_GID, c->gid, AT_EGID, c->egid, AT_SECURE, 0, AT_RANDOM, random,
		AT_HWCAP, boot_cpu_data.cpuid_1_edx, AT_HWCAP2, 0, AT_CLKTCK, 100,
		AT_PLATFORM, platform, AT_EXECFN, execfn, AT_NULL, 0,
	};
	unsigned long words = 1 + b->argc + 1 + b->envc + 1 + ARRAY_SIZE(auxv);
	unsigned long sp = (p - words * sizeof(long)) & ~15UL;
	unsigned long __user *u = (unsigned long __user *)sp;
	int err = put_user((unsigned long)b->argc, u++);
	const char *k = b->strings;
	for (int i = 0; i < b->argc + b->envc && !err; i++) {
		if (i == b->argc)
			err = put_user(0UL, u++);	/* argv's NULL */
		err = err ?: put_user(strings + (k - b->strings), u++);
		k += strlen(k) + 1;
	}
	if (!b->envc)
		err = err ?: put_user(0UL, u++);	/* argv's NULL */
	err = err ?: put_user(0UL, u++);		/* envp's NULL */
	if (err || copy_to_user(u, auxv, sizeof(auxv)))
		return -EFAULT;
	BUILD_BUG_ON(sizeof(auxv) > sizeof(mm->saved_auxv));
	memcpy(mm->saved_auxv, auxv, sizeof(auxv));
	mm->start_stack = sp;
	b->sp = sp;
	return 0;
}

static void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = 0x202;	/* IF */
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_KERNEL_GS_BASE, 0);	/* the user's GS base after the return's swapgs */
	wrmsr(MSR_FS_BASE, 0);
	fpu_init_user_state();	/* a clean FPU, as a freshly started program expects */
	flush_signal_handlers(current);	/* the old image's handlers are gone */
}

/* ---- finding and reading the program ---- */

/* Open @name (relative to dfd) for exec (Linux's do_open_execat): a
 * regular file (else EACCES; a symlink with AT_SYMLINK_NOFOLLOW is ELOOP)
 * on a mount without noexec that the caller may execute (MAY_EXEC: for
 * root, some x bit); its first bytes go to b->buf. */
static int open_exec(struct linux_binprm *b, int dfd, const char *name, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			      (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
	struct path path;
	int err = filename_lookup(dfd, name, lookup, &path);
	if (err)
		return err;
	struct inode *inode = path.dentry->d_inode;
	err = -EACCES;
	if (S_ISLNK(inode->i_mode))
		err = -ELOOP;
	else if (S_ISREG(inode->i_mode) && !(path.mnt->mnt_flags & MNT_NOEXEC))
		err = inode_permission(inode, MAY_EXEC);	/* noexec mounts: EACCES */
	if (!err) {
		struct file *f = dentry_open(&path, O_RDONLY);
		if (IS_ERR(f))
			err = PTR_ERR(f);
		else
			b->file = f;
	}
	path_put(&path);
	if (err)
		return err;
	b->size = b->file->f_inode->i_size;
	memset(b->buf, 0, sizeof(b->buf));
	loff_t pos = 0;
	ssize_t n = kernel_read(b->file, b->buf, sizeof(b->buf), &pos);
	if (n < 0) {
		fput(b->file);
		b->file = NULL;
		return n;
	}
	return 0;
}

static void close_exec(struct linux_binprm *b)
{
	if (b->file)
		fput(b->file);
	b->file = NULL;
}

/* "#!interpreter [one argument]" (Linux's fs/binfmt_script.c): argv becomes
 * interpreter, [argument], the script's path, then the caller's argv[1..].
 * Returns 1 if b is not a script, 0 with b->interp set to the interpreter
 * to open next, or an errno. */
static int load_script(struct linux_binprm *b)
{
	if (b->buf[0] != '#' || b->buf[1] != '!')
		return 1;
	/* The interpreter would be handed /dev/fd/N, which the exec closes. */
	if (b->path_inaccessible)
		return -ENOENT;
	/* The line is what lies before a newline in buf[2..254] (Linux reads
	 * BINPRM_BUF_SIZE bytes and keeps the last for a NUL). */
	char line[BINPRM_BUF_SIZE - 2];
	memcpy(line, b->buf + 2, sizeof(line) - 1);
	line[sizeof(line) - 1] = 0;
	char *nl = strchr(line, '\n');
	if (nl)
		*nl = 0;
	char *interp = line;
	while (*interp == ' ' || *interp == '\t')
		interp++;
	char *end = interp;
	while (*end && *end != ' ' && *end != '\t')
		end++;
	if (!nl && end == line + sizeof(line) - 1 && b->size > BINPRM_BUF_SIZE - 1)
		return -ENOEXEC;	/* the interpreter's name does not fit */
	char *arg = end;
	if (*arg) {
		*arg++ = 0;
		while (*arg == ' ' || *arg == '\t')
			arg++;
	}
	if (!*interp)
		return -ENOEXEC;
	/* Trailing blanks are not part of the optional argument. */
	for (char *t = arg + strlen(arg); t > arg && (t[-1] == ' ' || t[-1] == '\t'); )
		*--t = 0;

	/* New strings: interp, [arg], path, then the old ones after argv[0]. */
	size_t a0 = strlen(b->strings) + 1;
	size_t ilen = strlen(interp) + 1, alen = *arg ? strlen(arg) + 1 : 0;
	size_t plen = strlen(b->interp) + 1;
	size_t len = ilen + alen + plen + b->strings_len - a0;
	int nargc = b->argc - 1 + (*arg ? 3 : 2);
	unsigned long ptrs = ((unsigned long)nargc + b->envc) * sizeof(void *);
	unsigned long full = b->limit + ((unsigned long)b->argc + b->envc) * sizeof(void *);
	if (ptrs >= full || len + strlen(b->filename) + 1 > full - ptrs)
		return -E2BIG;
	char *n = strings_alloc(len), *p = n;
	if (!n)
		return -ENOMEM;
	p = put_str(p, interp);
	if (*arg)
		p = put_str(p, arg);
	p = put_str(p, b->interp);
	memcpy(p, b->strings + a0, b->strings_len - a0);
	b->argv_len += len - b->strings_len;
	b->strings_len = len;
	strings_free(b->strings);
	b->strings = n;
	b->argc = nargc;
	b->limit = full - ptrs;
	strcpy(b->interp_buf, interp);	/* fits: it came from a BINPRM_BUF_SIZE line */
	b->interp = b->interp_buf;
	return 0;
}

/* With the strings copied and b->file open on the caller's file: follow
 * #! lines to a real program, build its address space, and switch to it. */
static int exec_binprm(struct linux_binprm *b)
{
	int err;
	for (int depth = 0;; depth++) {
		err = load_script(b);
		if (err > 0)
			break;
		close_exec(b);
		if (err)
			return err;
		if (depth > BINPRM_MAX_RECURSION)
			return -ELOOP;
		err = open_exec(b, AT_FDCWD, b->interp, 0);
		if (err)
			return err;
	}
	if (fpu_alloc(current))
		return -ENOMEM;
	b->mm = mm_alloc();
	if (!b->mm)
		return -ENOMEM;
	err = load_elf_binary(b);
	if (err)
		goto fail;
	b->mm->exe_file = get_file(b->file);	/* the ELF loaded (a #! script's interpreter) */
	/* The stack VMA covers the strings and pointers, plus 128 KiB. */
	unsigned long need = PAGE_ALIGN(b->strings_len + strlen(b->filename) + 256 +
					((unsigned long)b->argc + b->envc + 64) * sizeof(long));
	err = insert_vm_area(b->mm, STACK_TOP - need - 32 * PAGE_SIZE, STACK_TOP,
			     VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (err)
		goto fail;
	close_exec(b);
	/* A table shared through CLONE_FILES becomes this task's own. */
	struct files_struct *displaced;
	err = unshare_files(&displaced);
	if (err)
		goto fail;
	/* Point of no return: switch to the new address space. */
	if (displaced)
		put_files_struct(displaced);
	do_close_on_exec(current->files);
	struct mm_struct *old = current->mm;
	unsigned long flags;
	spin_lock_irqsave(&current->pi_lock, flags);	/* /proc readers count the mm under it */
	current->mm = b->mm;
	spin_unlock_irqrestore(&current->pi_lock, flags);
	current->active_mm = b->mm;
	switch_mm(old, b->mm);
	if (old) {
		complete_all(&current->vfork_done);	/* a vfork parent may go on */
		mmput(old);
	}
	err = create_elf_tables(b, b->mm);
	if (err)
		do_exit(SIGSEGV);	/* past the point of no return: no image to go back to */
	const char *base = strrchr(b->filename, '/');
	strlcpy(current->comm, base ? base + 1 : b->filename, sizeof(current->comm));
	current->flags &= ~PF_KTHREAD;
	current->did_exec = true;
	start_thread(task_pt_regs(current), b->entry, b->sp);
	return 0;
fail:
	mmput(b->mm);
	b->mm = NULL;
	return err;
}

/* Linux's alloc_bprm(): the name the new program will know itself by is
 * the caller's, or /dev/fd/N[/name] for a path relative to a dirfd. */
static struct linux_binprm *alloc_bprm(int dfd, const char *filename)
{
	struct linux_binprm *b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return ERR_PTR(-ENOMEM);
	b->filename = filename;
	if (dfd != AT_FDCWD && filename[0] != '/') {
		size_t n = strlen(filename) + 32;
		b->fdpath = kmalloc(n, GFP_KERNEL);
		if (!b->fdpath) {
			kfree(b);
			return ERR_PTR(-ENOMEM);
		}
		if (filename[0])
			snprintf(b->fdpath, n, "/dev/fd/%d/%s", dfd, filename);
		else
			snprintf(b->fdpath, n, "/dev/fd/%d", dfd);
		b->path_inaccessible = dfd >= 0 && get_close_on_exec(dfd);
		b->filename = b->fdpath;
	}
	b->interp = b->filename;
	return b;
}

static void free_bprm(struct linux_binprm *b)
{
	close_exec(b);
	strings_free(b->strings);
	kfree(b->fdpath);
	kfree(b);
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct linux_binprm *b = alloc_bprm(AT_FDCWD, filename);
	if (IS_ERR(b))
		return PTR_ERR(b);
	int err = copy_strings_kernel(b, argv, envp) ?: open_exec(b, AT_FDCWD, filename, 0) ?:
		  exec_binprm(b);
	free_bprm(b);
	return err;
}

/* ---- execve(2), execveat(2) ---- */

static long do_execveat(int dfd, const char __user *filename, const char __user *const __user *argv,
			const char __user *const __user *envp, int flags)
{
	char *path = getname(filename);
	if (IS_ERR(path))
		return PTR_ERR(path);
	long err = -ENOENT;
	if (!path[0] && !(flags & AT_EMPTY_PATH))
		goto out;
	struct linux_binprm *b = alloc_bprm(dfd, path);
	err = PTR_ERR(b);
	if (IS_ERR(b))
		goto out;
	err = copy_strings_from_user(b, argv, envp) ?: open_exec(b, dfd, path, flags) ?: exec_binprm(b);
	free_bprm(b);
out:
	putname(path);
	return err;
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	return do_execveat(AT_FDCWD, filename, argv, envp, 0);
}

long sys_execveat(int dfd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags)
{
	return do_execveat(dfd, filename, argv, envp, flags);
}
