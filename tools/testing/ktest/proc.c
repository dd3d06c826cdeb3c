/* ktests for procfs (fs/proc/) and seq_file (fs/seq_file.c): /proc is
 * mounted at boot; its files agree with the kernel's own figures; the pid
 * directories follow the task list; a record too big for the first buffer
 * is printed again into a bigger one; lseek regenerates; a sysctl write
 * takes effect. User space checks the formats against Linux in
 * tools/testing/user/fs_proc.c. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include <linux/ktest.h>
#include <uapi/linux/fcntl.h>

/* The whole file into a kmalloc'd NUL-terminated buffer (size 64 KiB), or
 * NULL; *err gets the error. */
static char *slurp(const char *name, long *err, size_t chunk)
{
	char *buf = kzalloc(65536, GFP_KERNEL);
	struct file *f = filp_open(name, O_RDONLY, 0);
	*err = 0;
	if (IS_ERR(f)) {
		*err = PTR_ERR(f);
		kfree(buf);
		return NULL;
	}
	loff_t pos = 0;
	size_t len = 0;
	for (;;) {
		long n = kernel_read(f, buf + len, min(chunk, 65535 - len), &pos);
		if (n < 0) {
			*err = n;
			break;
		}
		if (n == 0 || len + n >= 65535)
			break;
		len += n;
	}
	filp_close(f);
	if (*err) {
		kfree(buf);
		return NULL;
	}
	return buf;
}

static long number_after(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	if (!p)
		return -1;
	p += strlen(key);
	while (*p == ' ' || *p == '\t')
		p++;
	long n = 0;
	while (*p >= '0' && *p <= '9')
		n = n * 10 + (*p++ - '0');
	return n;
}

KTEST(proc, mounted_at_boot_with_meminfo)
{
	long err;
	char *s = slurp("/proc/meminfo", &err, 4096);
	KASSERT(t, s);
	KEXPECT_EQ(t, number_after(s, "MemTotal:"), (long)(totalram_pages() * (PAGE_SIZE / 1024)));
	long free_kb = number_after(s, "MemFree:");
	KEXPECT(t, free_kb > 0 && free_kb <= number_after(s, "MemTotal:"));
	KEXPECT(t, strstr(s, "SwapTotal:") != NULL);
	kfree(s);
}

KTEST(proc, self_is_the_caller)
{
	struct path p;
	KASSERT(t, kern_path("/proc/self", 0, &p) == 0);
	struct inode *inode = p.dentry->d_inode;
	KEXPECT(t, S_ISLNK(inode->i_mode));
	const char *target = inode->i_op->get_link(p.dentry, inode);
	char want[16];
	scnprintf(want, sizeof(want), "%d", current->tgid);
	KEXPECT(t, target && !strcmp(target, want));
	path_put(&p);

	long err;
	char *s = slurp("/proc/self/stat", &err, 7);	/* small reads: the snapshot continues */
	KASSERT(t, s);
	char head[64];
	scnprintf(head, sizeof(head), "%d (%s) R ", current->pid, current->comm);
	KEXPECT(t, !strncmp(s, head, strlen(head)));
	/* 52 fields, the last followed by a newline */
	int spaces = 0;
	for (char *c = s; *c; c++)
		spaces += *c == ' ';
	KEXPECT_EQ(t, spaces, 51 + 0);
	KEXPECT(t, s[strlen(s) - 1] == '\n');
	kfree(s);

	s = slurp("/proc/self/status", &err, 4096);
	KASSERT(t, s);
	KEXPECT_EQ(t, number_after(s, "\nPid:"), current->pid);
	KEXPECT_EQ(t, number_after(s, "\nTgid:"), current->tgid);
	KEXPECT(t, strstr(s, "State:\tR (running)") != NULL);
	kfree(s);
}

struct names {
	bool self, meminfo, me, init;
	char mine[16];
};

static bool collect(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino, unsigned int type)
{
	struct names *n = (struct names *)(ctx + 1);
	(void)pos;
	(void)ino;
	if (len == 4 && !memcmp(name, "self", 4))
		n->self = type == (S_IFLNK >> 12);
	if (len == 7 && !memcmp(name, "meminfo", 7))
		n->meminfo = type == (S_IFREG >> 12);
	if ((size_t)len == strlen(n->mine) && !memcmp(name, n->mine, len))
		n->me = type == (S_IFDIR >> 12);
	if (len == 1 && name[0] == '1')
		n->init = true;
	return true;
}

KTEST(proc, readdir_lists_entries_and_pids)
{
	struct { struct dir_context ctx; struct names n; } d = { { collect, 0 }, { 0 } };
	scnprintf(d.n.mine, sizeof(d.n.mine), "%d", current->tgid);
	struct file *f = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	KASSERT(t, !IS_ERR(f));
	KEXPECT_EQ(t, f->f_op->iterate_shared(f, &d.ctx), 0);
	filp_close(f);
	KEXPECT(t, d.n.self);
	KEXPECT(t, d.n.meminfo);
	KEXPECT(t, d.n.me);
	KEXPECT(t, d.n.init);
}

static int wait_for_stop(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

KTEST(proc, pid_directory_follows_the_task)
{
	struct task_struct *k = kthread_run(wait_for_stop, NULL, "proctest");
	KASSERT(t, k);
	char name[64];
	scnprintf(name, sizeof(name), "/proc/%d/comm", k->pid);
	long err;
	char *s = slurp(name, &err, 4096);
	KEXPECT(t, s && !strcmp(s, "proctest\n"));
	kfree(s);
	struct file *f = filp_open(name, O_RDONLY, 0);
	KEXPECT(t, !IS_ERR(f));
	KEXPECT_EQ(t, kthread_stop(k), 0);
	/* A kernel thread leaves the task list as it exits: the name is gone. */
	struct path p;
	int gone = kern_path(name, 0, &p);
	if (!gone)
		path_put(&p);
	KEXPECT_EQ(t, gone, -ENOENT);
	if (!IS_ERR(f)) {
		char buf[32];
		loff_t pos = 0;
		/* The task_struct is pinned by the open file: its last state. */
		KEXPECT(t, kernel_read(f, buf, sizeof(buf), &pos) > 0);
		filp_close(f);
	}
}

static int big_show(struct seq_file *m, void *v)
{
	(void)v;
	for (int i = 0; i < 3000; i++)
		seq_printf(m, "%04d\n", i);	/* 15000 bytes: more than 3 pages */
	return 0;
}

KTEST(proc, seq_file_grows_and_seeks)
{
	struct file f;
	memset(&f, 0, sizeof(f));
	KASSERT(t, single_open(&f, big_show, NULL) == 0);
	char *buf = kmalloc(16384, GFP_KERNEL);
	KASSERT(t, buf);
	loff_t pos = 0;
	ssize_t n, total = 0;
	while ((n = seq_read(&f, buf + total, 1000, &pos)) > 0)
		total += n;
	KEXPECT_EQ(t, total, 15000);
	KEXPECT_EQ(t, pos, 15000);
	KEXPECT(t, !memcmp(buf + 5 * 2999, "2999\n", 5));
	f.f_pos = pos;
	KEXPECT_EQ(t, seq_lseek(&f, 5 * 1234, 0), 5 * 1234);
	pos = 5 * 1234;
	KEXPECT_EQ(t, seq_read(&f, buf, 5, &pos), 5);
	KEXPECT(t, !memcmp(buf, "1234\n", 5));
	KEXPECT_EQ(t, seq_lseek(&f, 0, 2 /* SEEK_END */), -EINVAL);
	pos = 20000;	/* past the end */
	KEXPECT_EQ(t, seq_read(&f, buf, 5, &pos), 0);
	single_release(NULL, &f);
	kfree(buf);
}

KTEST(proc, hostname_sysctl_writes)
{
	char old[__NEW_UTS_LEN + 1], now[__NEW_UTS_LEN + 1];
	uts_get_field(UTS_NODENAME, old, sizeof(old));
	struct file *f = filp_open("/proc/sys/kernel/hostname", O_WRONLY, 0);
	KASSERT(t, !IS_ERR(f));
	loff_t pos = 0;
	KEXPECT_EQ(t, kernel_write(f, "ktesthost\n", 10, &pos), 10);
	filp_close(f);
	uts_get_field(UTS_NODENAME, now, sizeof(now));
	KEXPECT(t, !strcmp(now, "ktesthost"));
	long err;
	char *s = slurp("/proc/sys/kernel/hostname", &err, 4096);
	KEXPECT(t, s && !strcmp(s, "ktesthost\n"));
	kfree(s);
	KEXPECT_EQ(t, uts_set_field(UTS_NODENAME, old, strlen(old)), 0);
	s = slurp("/proc/sys/kernel/ostype", &err, 4096);
	KEXPECT(t, s && !strcmp(s, "Linux\n"));
	kfree(s);
}

KTEST(proc, mounts_lists_proc)
{
	long err;
	char *s = slurp("/proc/mounts", &err, 100);
	KASSERT(t, s);
	KEXPECT(t, strstr(s, "proc /proc proc rw") != NULL);
	kfree(s);
	s = slurp("/proc/filesystems", &err, 4096);
	KEXPECT(t, s && strstr(s, "nodev\tproc\n") && strstr(s, "nodev\ttmpfs\n"));
	kfree(s);
}

KTEST(proc, limits_are_the_tasks)
{
	long err;
	char *s = slurp("/proc/self/limits", &err, 4096);
	KASSERT(t, s);
	KEXPECT(t, !strncmp(s, "Limit                     Soft Limit           Hard Limit           Units     \n", 79));
	char want[128];
	u64 cur = current->rlim[RLIMIT_NOFILE].rlim_cur, max = current->rlim[RLIMIT_NOFILE].rlim_max;
	if (cur == RLIM_INFINITY || max == RLIM_INFINITY)
		scnprintf(want, sizeof(want), "Max open files            ");
	else
		scnprintf(want, sizeof(want), "Max open files            %-20llu %-20llu files     \n",
			  (unsigned long long)cur, (unsigned long long)max);
	KEXPECT(t, strstr(s, want) != NULL);
	KEXPECT(t, strstr(s, "Max realtime timeout      ") != NULL);
	kfree(s);
}

KTEST(proc, meminfo_shmem_counts_tmpfs_pages)
{
	long err;
	char *s = slurp("/proc/meminfo", &err, 4096);
	KASSERT(t, s);
	long before = number_after(s, "\nShmem:");
	KEXPECT_EQ(t, number_after(s, "\nCached:"), before);
	kfree(s);
	struct file *f = filp_open("/proc-shmem-test", O_WRONLY | O_CREAT, 0644);
	KASSERT(t, !IS_ERR(f));
	static char page[PAGE_SIZE];
	loff_t pos = 0;
	for (int i = 0; i < 3; i++)
		KEXPECT_EQ(t, kernel_write(f, page, PAGE_SIZE, &pos), PAGE_SIZE);
	filp_close(f);
	s = slurp("/proc/meminfo", &err, 4096);
	KASSERT(t, s);
	KEXPECT_EQ(t, number_after(s, "\nShmem:"), before + 3 * (long)(PAGE_SIZE / 1024));
	kfree(s);
	struct path parent;
	struct dentry *d = kern_path_create("/proc-shmem-test", &parent);
	KASSERT(t, !IS_ERR(d));
	KEXPECT_EQ(t, vfs_unlink(parent.dentry->d_inode, d), 0);
	done_path_create(&parent, d);
	s = slurp("/proc/meminfo", &err, 4096);
	KASSERT(t, s);
	KEXPECT_EQ(t, number_after(s, "\nShmem:"), before);
	kfree(s);
}
