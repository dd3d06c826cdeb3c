/* execve (seed concept: execve: ELF loading, the stack with argv, envp and
 * auxv, `_start` before `main`). A new address space is built beside the old
 * one; only when the program has loaded does the task switch to it, so a
 * failed exec leaves the caller untouched.
 * [LINUX-DIFF] Until the VFS lands, programs are read straight from the
 * initramfs archive (lib/cpio.c). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/binfmts.h>
#include <linux/uaccess.h>
#include <linux/cpio.h>
#include <asm/bootinfo.h>
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

static int count_strings(const char *const *v, size_t *bytes)
{
	int n = 0;
	for (; v && v[n]; n++)
		*bytes += strlen(v[n]) + 1;
	return n;
}

/* Push a string down the user stack at *p; returns its user address or 0. */
static unsigned long push_string(unsigned long *p, const char *s)
{
	size_t len = strlen(s) + 1;
	*p -= len;
	return copy_to_user((void __user *)*p, s, len) ? 0 : *p;
}

/* The initial stack, top down: strings, AT_RANDOM bytes, then (16-byte
 * aligned) argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL. */
static int create_elf_tables(struct linux_binprm *b, struct mm_struct *mm)
{
	size_t bytes = 0;
	int argc = count_strings(b->argv, &bytes), envc = count_strings(b->envp, &bytes);
	unsigned long argv_u[64], envp_u[64];
	if (argc > 64 || envc > 64 || bytes > MAX_ARG_BYTES)
		return -E2BIG;
	unsigned long p = STACK_TOP - sizeof(long);
	unsigned long execfn = push_string(&p, b->filename);
	unsigned long platform = push_string(&p, "x86_64");
	for (int i = envc - 1; i >= 0; i--)
		envp_u[i] = push_string(&p, b->envp[i]);
	for (int i = argc - 1; i >= 0; i--)
		argv_u[i] = push_string(&p, b->argv[i]);
	u8 rnd[16];
	get_random_bytes(rnd, sizeof(rnd));
	p = (p - sizeof(rnd)) & ~15UL;
	unsigned long random = p;
	if (!execfn || !platform || copy_to_user((void __user *)random, rnd, sizeof(rnd)))
		return -EFAULT;
	mm->arg_start = argc ? argv_u[0] : p;
	mm->arg_end = argc ? argv_u[argc - 1] + strlen(b->argv[argc - 1]) + 1 : p;
	mm->env_start = envc ? envp_u[0] : p;
	mm->env_end = envc ? envp_u[envc - 1] + strlen(b->envp[envc - 1]) + 1 : p;

	unsigned long auxv[] = {
		AT_PHDR, b->phdr_addr, AT_PHENT, 56, AT_PHNUM, b->phnum, AT_PAGESZ, PAGE_SIZE,
		AT_BASE, 0, AT_FLAGS, 0, AT_ENTRY, b->entry, AT_UID, 0, AT_EUID, 0, AT_GID, 0,
		AT_EGID, 0, AT_SECURE, 0, AT_RANDOM, random, AT_HWCAP, boot_cpu_data.cpuid_1_edx,
		AT_HWCAP2, 0, AT_CLKTCK, 100, AT_PLATFORM, platform, AT_EXECFN, execfn, AT_NULL, 0,
	};
	unsigned long words = 1 + argc + 1 + envc + 1 + ARRAY_SIZE(auxv);
	unsigned long sp = (p - words * sizeof(long)) & ~15UL;
	unsigned long __user *u = (unsigned long __user *)sp;
	int err = put_user((unsigned long)argc, u++);
	for (int i = 0; i < argc && !err; i++)
		err = put_user(argv_u[i], u++);
	err = err ?: put_user(0UL, u++);
	for (int i = 0; i < envc && !err; i++)
		err = put_user(envp_u[i], u++);
	err = err ?: put_user(0UL, u++);
	if (err || copy_to_user(u, auxv, sizeof(auxv)))
		return -EFAULT;
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

#define EXEC_SCRIPT_MAX_ARGS 64
static int do_execve(const char *filename, const char *const *argv, const char *const *envp, int depth);

static int find_program(struct linux_binprm *b)
{
	struct cpio_entry e;
	if (!boot_info.initrd_start)
		return -ENOENT;
	int err = cpio_find(__va(boot_info.initrd_start), boot_info.initrd_size, b->filename, &e);
	if (err)
		return err;
	if ((e.mode & 0170000) != 0100000)	/* not a regular file */
		return -EACCES;
	if (!(e.mode & 0111))
		return -EACCES;
	b->data = e.data;
	b->size = e.size;
	return 0;
}

/* "#!interpreter [one argument]": run the interpreter with the script's
 * path in place of argv[0] (fs/binfmt_script.c in Linux). Returns 1 if
 * @b is not a script, else the result of executing the interpreter. */
#define BINPRM_BUF_SIZE 256
#define MAX_SCRIPT_DEPTH 4
static int load_script(struct linux_binprm *b, int depth)
{
	const char *d = b->data;
	if (b->size < 2 || d[0] != '#' || d[1] != '!')
		return 1;
	if (depth >= MAX_SCRIPT_DEPTH)
		return -ELOOP;
	char line[BINPRM_BUF_SIZE];
	size_t n = min(b->size - 2, sizeof(line) - 1);
	memcpy(line, d + 2, n);
	line[n] = 0;
	char *nl = strchr(line, '\n');
	if (!nl && b->size - 2 >= sizeof(line) - 1)
		return -ENOEXEC;	/* the #! line is too long */
	if (nl)
		*nl = 0;
	char *interp = skip_spaces(line), *end = interp;
	while (*end && *end != ' ' && *end != '\t')
		end++;
	char *arg = *end ? skip_spaces(end) : end;
	*end = 0;
	if (!*interp)
		return -ENOEXEC;
	/* Trailing blanks are not part of the optional argument. */
	for (char *t = arg + strlen(arg); t > arg && (t[-1] == ' ' || t[-1] == '\t'); )
		*--t = 0;
	const char *nargv[EXEC_SCRIPT_MAX_ARGS + 4];
	int i = 0, k = 1;
	nargv[i++] = interp;
	if (*arg)
		nargv[i++] = arg;
	nargv[i++] = b->filename;
	while (b->argv && b->argv[0] && b->argv[k] && i < EXEC_SCRIPT_MAX_ARGS + 3)
		nargv[i++] = b->argv[k++];
	nargv[i] = NULL;
	return do_execve(interp, nargv, b->envp, depth + 1);
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execve(filename, argv, envp, 0);
}

static int do_execve(const char *filename, const char *const *argv, const char *const *envp, int depth)
{
	struct linux_binprm b = { .filename = filename, .argv = argv, .envp = envp };
	int err = find_program(&b);
	if (err)
		return err;
	err = load_script(&b, depth);
	if (err <= 0)
		return err;
	if (fpu_alloc(current))
		return -ENOMEM;
	b.mm = mm_alloc();
	if (!b.mm)
		return -ENOMEM;
	err = load_elf_binary(&b);
	if (err)
		goto fail;
	err = insert_vm_area(b.mm, STACK_TOP - 32 * PAGE_SIZE, STACK_TOP, VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (err)
		goto fail;
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
	current->mm = b.mm;
	current->active_mm = b.mm;
	switch_mm(old, b.mm);
	if (old) {
		complete_all(&current->vfork_done);	/* a vfork parent may go on */
		mmput(old);
	}
	err = create_elf_tables(&b, b.mm);
	if (err)
		do_exit(SIGSEGV);	/* past the point of no return: no image to go back to */
	const char *base = strrchr(filename, '/');
	strlcpy(current->comm, base ? base + 1 : filename, sizeof(current->comm));
	current->flags &= ~PF_KTHREAD;
	current->did_exec = true;
	start_thread(task_pt_regs(current), b.entry, b.sp);
	return 0;
fail:
	mmput(b.mm);
	return err;
}

/* ---- execve(2): copy the arguments in from user space ---- */

#define EXEC_MAX_ARGS 64

/* Copy a NULL-terminated array of user strings into one kernel buffer. */
static int copy_strings(const char __user *const __user *uv, const char **kv, char **bufp, size_t *room)
{
	int n = 0;
	if (!uv) {
		kv[0] = NULL;
		return 0;
	}
	for (;;) {
		const char __user *s;
		if (get_user(s, uv + n))
			return -EFAULT;
		if (!s)
			break;
		if (n == EXEC_MAX_ARGS)
			return -E2BIG;
		long len = strncpy_from_user(*bufp, s, *room);
		if (len < 0)
			return -EFAULT;
		if ((size_t)len >= *room)
			return -E2BIG;
		kv[n++] = *bufp;
		*bufp += len + 1;
		*room -= len + 1;
	}
	kv[n] = NULL;
	return n;
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	const char *kargv[EXEC_MAX_ARGS + 1], *kenvp[EXEC_MAX_ARGS + 1];
	char *buf = kmalloc(MAX_ARG_BYTES + 4096, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	char *path = buf, *p = buf + 4096;
	size_t room = MAX_ARG_BYTES;
	long err = strncpy_from_user(path, filename, 4096);
	if (err < 0)
		goto out;
	err = -ENAMETOOLONG;
	if (err == 4096)
		goto out;
	err = -ENOENT;
	if (!path[0])
		goto out;
	err = copy_strings(argv, kargv, &p, &room);
	if (err < 0)
		goto out;
	err = copy_strings(envp, kenvp, &p, &room);
	if (err < 0)
		goto out;
	err = kernel_execve(path, kargv, kenvp);
	if (err > 0)
		err = 0;
out:
	kfree(buf);
	return err;
}
