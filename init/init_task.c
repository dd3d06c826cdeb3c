/* The first task and the end of boot (seed concept: boot -> /init).
 * init_task is the boot context itself; it becomes CPU 0's idle task.
 * rest_init() starts kernel_init (PID 1), which runs the in-kernel tests when
 * asked or else becomes the first user process, /init from the initramfs. */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/reboot.h>
#include <linux/start_kernel.h>
#include <linux/binfmts.h>
#include <linux/device.h>
#include <linux/signal.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/console.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include <asm/ptrace.h>
#include <asm/bootinfo.h>

extern char boot_stack[];

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.stack = boot_stack,
	.usage = ATOMIC_INIT(2),
	.flags = PF_KTHREAD | PF_IDLE,
	.comm = "swapper/0",
	.pid = 0,
	.exit_signal = -1,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.pi_lock = __SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.real_parent = &init_task,
	.parent = &init_task,
	.fs = &init_fs,
};
DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(task_list);

void ret_to_user(struct pt_regs *regs);	/* arch/x86/entry/entry_64.S */
struct pt_regs *task_pt_regs(struct task_struct *t);

/* fds 0, 1 and 2 of PID 1: /dev/console opened once and dup'ed twice, as
 * Linux's console_on_rootfs. Without it (no devtmpfs) init starts with no
 * fds and the kernel says so, as Linux does. */
static void open_initial_console(void)
{
	struct file *f = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(f)) {
		pr_err("Warning: unable to open an initial console (%ld).\n", PTR_ERR(f));
		return;
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);
		if (fd >= 0)
			fd_install(fd, get_file(f));
	}
	fput(f);
}

/* Become the first user process: exec path; returns only on failure. */
static int run_init_process(const char *path)
{
	extern struct task_struct *child_reaper;
	argv_init[0] = path;
	current->exit_signal = SIGCHLD;
	child_reaper = current;	/* pgrp and session stay 0, as on Linux, until init calls setsid */
	int err = kernel_execve(path, argv_init, envp_init);
	if (err)
		return err;
	ret_to_user(task_pt_regs(current));	/* never returns */
	return 0;
}

static int try_to_run_init_process(const char *path)
{
	int err = run_init_process(path);
	if (err && err != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n", path, err);
	return err;
}

/* Which program becomes PID 1, in Linux's order: rdinit= (default /init)
 * from the initramfs; then init=; then /sbin/init, /etc/init, /bin/init,
 * /bin/sh. [LINUX-DIFF] Linux mounts a root device when the initramfs has
 * no rdinit program and runs init= from there (with no root device it
 * panics); Lucid has no block devices, so the initramfs stays the root and
 * init= names a program in it. A requested init= that fails panics, as on
 * Linux; so does finding none at all. */
static int kernel_init(void *unused)
{
	devtmpfs_mount();	/* /dev, before the tests and /init look there */
	devpts_mount();		/* /dev/pts, the pty slaves */
	if (ktest_requested())
		ktest_run_selected();	/* does not return */
	/* Our own cwd and root (a copy of the kernel threads' init_fs) and an
	 * fd table whose 0, 1 and 2 are the console, kept across the init
	 * candidates tried below. */
	struct fs_struct *fs = copy_fs_struct(&init_fs);
	current->files = alloc_files();
	if (!fs || !current->files)
		panic("kernel_init: out of memory for fs_struct/files");
	exit_fs(current);
	current->fs = fs;
	open_initial_console();
	if (ramdisk_execute_command) {
		int ret = run_init_process(ramdisk_execute_command);
		if (ret != -ENOENT)
			pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	}
	if (execute_command) {
		int ret = run_init_process(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (!boot_info.initrd_start) {
		/* Boots without an initramfs (the in-kernel test runs, a bare
		 * `make run` without usr/) have nothing to run: idle. */
		pr_notice("kernel_init: no initramfs, no user space to run; idling\n");
		for (;;)
			schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
	}
	if (!try_to_run_init_process("/sbin/init") || !try_to_run_init_process("/etc/init") ||
	    !try_to_run_init_process("/bin/init") || !try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
	return 0;
}

void rest_init(void)
{
	struct task_struct *init = kthread_create(kernel_init, NULL, "init");
	if (!init)
		panic("cannot create the init task");
	wake_up_new_task(init);
	cpu_startup_entry();
}
