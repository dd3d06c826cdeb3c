/* /proc/<pid>: what the kernel knows about one process, in Linux's formats
 * (stat, status, statm, maps, cmdline, environ, comm, ...). Seed concepts:
 * "task_struct", "process states", "the virtual address space, VMAs". Every
 * figure comes from the live structures: the task (under tasklist_lock for
 * the tree, racy single-word reads for counters, as Linux), its mm (under
 * mmap_lock), its page tables (cmdline of another process). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/ktime.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/tty.h>
#include <linux/kdev_t.h>
#include <linux/signal_types.h>
#include <uapi/asm/signal.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

#define USER_HZ 100
#define NSEC_PER_TICK (NSEC_PER_SEC / USER_HZ)

static unsigned long long ns_to_clock_t(u64 ns)
{
	return ns / NSEC_PER_TICK;
}

/* The exact run time split by the tick's user/system samples, never going
 * backwards (kernel/sys.c, shared with getrusage and times). */
static void task_cputime(struct task_struct *t, u64 *ut, u64 *st)
{
	task_cputime_adjusted(t, ut, st);
}

/* Linux's state letters, and status's words. */
static char task_state_char(struct task_struct *t)
{
	long s = READ_ONCE(t->__state);
	if (t->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (t->exit_state == EXIT_DEAD)
		return 'X';
	if (s == TASK_RUNNING || s == TASK_NEW)
		return 'R';
	if (s & TASK_INTERRUPTIBLE)
		return 'S';
	if (s & __TASK_STOPPED)
		return 'T';
	if (s & __TASK_TRACED)
		return 't';
	if (s & TASK_UNINTERRUPTIBLE)	/* a kernel thread waiting for work is idle */
		return (t->flags & PF_KTHREAD) ? 'I' : 'D';
	return 'R';
}

static const char *task_state_name(char c)
{
	switch (c) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 't': return "t (tracing stop)";
	case 'Z': return "Z (zombie)";
	case 'X': return "X (dead)";
	default: return "I (idle)";
	}
}

/* The tree and group figures, read together under tasklist_lock. */
struct task_tree_info {
	pid_t ppid;
	int threads;
	u64 group_ut, group_st;		/* the whole thread group's times */
	unsigned long min_flt, maj_flt;	/* the whole group's */
	u64 cutime, cstime;		/* reaped children's */
	unsigned long cmin_flt, cmaj_flt;
};

static void task_tree(struct task_struct *t, struct task_tree_info *ti)
{
	unsigned long flags;
	struct task_struct *p;
	memset(ti, 0, sizeof(*ti));
	spin_lock_irqsave(&tasklist_lock, flags);
	ti->ppid = t->pid > 1 && t->real_parent ? t->real_parent->tgid : 0;
	list_for_each_entry(p, &task_list, tasks) {
		if (p->tgid != t->tgid || p->pid <= 0)
			continue;
		u64 u, s;
		task_cputime(p, &u, &s);
		ti->threads++;
		ti->group_ut += u;
		ti->group_st += s;
		ti->min_flt += READ_ONCE(p->min_flt);
		ti->maj_flt += READ_ONCE(p->maj_flt);
	}
	ti->cutime = t->cutime;
	ti->cstime = t->cstime;
	ti->cmin_flt = t->cmin_flt;
	ti->cmaj_flt = t->cmaj_flt;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!ti->threads) {	/* reaped meanwhile: its own figures */
		ti->threads = 1;
		task_cputime(t, &ti->group_ut, &ti->group_st);
		ti->min_flt = t->min_flt;
		ti->maj_flt = t->maj_flt;
	}
}

static void task_sig_masks(struct task_struct *t, u64 *pnd, u64 *blk, u64 *ign, u64 *cgt)
{
	struct task_signals *sg = t->signals;
	*pnd = *blk = *ign = *cgt = 0;
	if (!sg)
		return;
	*pnd = READ_ONCE(sg->pending);
	*blk = READ_ONCE(sg->blocked);
	for (int i = 0; i < _NSIG; i++) {
		unsigned long h = READ_ONCE(sg->action[i].handler);
		if (h == SIG_IGN)
			*ign |= 1ULL << i;
		else if (h != SIG_DFL)
			*cgt |= 1ULL << i;
	}
}

/* Page counts of an mm from its VMAs (mmap_lock held for reading). */
struct mm_counts {
	unsigned long total, data, stack, exec;
};

static void mm_count(struct mm_struct *mm, struct mm_counts *c)
{
	struct vm_area_struct *v;
	memset(c, 0, sizeof(*c));
	list_for_each_entry(v, &mm->mmap, vm_list) {
		unsigned long pages = (v->vm_end - v->vm_start) >> PAGE_SHIFT;
		c->total += pages;
		if (v->vm_flags & VM_GROWSDOWN)
			c->stack += pages;
		else if ((v->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			c->data += pages;
		else if ((v->vm_flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
			c->exec += pages;
	}
}

static int proc_pid_stat(struct seq_file *m, struct task_struct *t, bool whole)
{
	struct task_tree_info ti;
	struct mm_counts mc = { 0 };
	struct mm_struct *mm = proc_get_task_mm(t);
	unsigned long start_code = 0, end_code = 0, start_stack = 0, start_data = 0, end_data = 0;
	unsigned long start_brk = 0, arg_start = 0, arg_end = 0, env_start = 0, env_end = 0;
	long rss = 0;
	u64 ut, st, pnd, blk, ign, cgt;
	char state = task_state_char(t);
	task_tree(t, &ti);
	unsigned long min_flt = ti.min_flt, maj_flt = ti.maj_flt;
	if (whole) {
		ut = ti.group_ut;
		st = ti.group_st;
	} else {
		task_cputime(t, &ut, &st);
		min_flt = t->min_flt;
		maj_flt = t->maj_flt;
	}
	if (mm) {
		down_read(&mm->mmap_lock);
		mm_count(mm, &mc);
		start_code = mm->start_code;
		end_code = mm->end_code;
		start_data = mm->start_data;
		end_data = mm->end_data;
		start_brk = mm->start_brk;
		start_stack = mm->start_stack;
		arg_start = mm->arg_start;
		arg_end = mm->arg_end;
		env_start = mm->env_start;
		env_end = mm->env_end;
		up_read(&mm->mmap_lock);
		rss = (long)atomic64_read(&mm->rss);
		mmput(mm);
	}
	task_sig_masks(t, &pnd, &blk, &ign, &cgt);
	int nice = t->static_prio - 120;
	pid_t tpgid;
	dev_t tty = tty_devnum_of_session(t->session, &tpgid);
	/* Linux's new_encode_dev: minor's low byte, major, the rest of minor. */
	unsigned int tty_nr = (MINOR(tty) & 0xff) | (MAJOR(tty) << 8) | ((MINOR(tty) & ~0xffu) << 12);
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu %llu %llu %lld %lld %d %d %d 0 %llu %lu %ld %llu ",
		   t->pid, t->comm, state, ti.ppid, t->pgrp, t->session,
		   tty_nr, tpgid, t->flags,
		   min_flt, ti.cmin_flt, maj_flt, ti.cmaj_flt,
		   ns_to_clock_t(ut), ns_to_clock_t(st),
		   (long long)ns_to_clock_t(ti.cutime), (long long)ns_to_clock_t(ti.cstime),
		   t->prio - 100, nice, ti.threads,
		   ns_to_clock_t(t->start_time), mc.total << PAGE_SHIFT, rss,
		   (unsigned long long)READ_ONCE(t->rlim[5 /* RLIMIT_RSS */].rlim_cur));
	seq_printf(m, "%lu %lu %lu 0 0 %llu %llu %llu %llu 0 0 0 %d %d 0 %u 0 0 0 %lu %lu %lu %lu %lu %lu %lu %d\n",
		   start_code, end_code, start_stack,
		   pnd & 0x7fffffffULL, blk & 0x7fffffffULL, ign & 0x7fffffffULL, cgt & 0x7fffffffULL,
		   t->exit_signal, t->cpu, t->policy,
		   start_data, end_data, start_brk, arg_start, arg_end, env_start, env_end,
		   t->exit_state == EXIT_ZOMBIE ? t->exit_code : 0);
	return 0;
}

static int proc_tgid_stat(struct seq_file *m, struct task_struct *t)
{
	return proc_pid_stat(m, t, true);
}

static int proc_tid_stat(struct seq_file *m, struct task_struct *t)
{
	return proc_pid_stat(m, t, false);
}

static int proc_pid_statm(struct seq_file *m, struct task_struct *t)
{
	struct mm_struct *mm = proc_get_task_mm(t);
	struct mm_counts mc = { 0 };
	unsigned long text = 0;
	long rss = 0;
	if (mm) {
		down_read(&mm->mmap_lock);
		mm_count(mm, &mc);
		text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
		up_read(&mm->mmap_lock);
		rss = (long)atomic64_read(&mm->rss);
		mmput(mm);
	}
	/* size resident shared text lib data dt, in pages */
	seq_printf(m, "%lu %ld 0 %lu 0 %lu 0\n", mc.total, rss, text >> PAGE_SHIFT, mc.data + mc.stack);
	return 0;
}

/* umask and the fd table's size, for status (the sharers' own locks,
 * under pi_lock as task_fget). */
static void task_fs_figures(struct task_struct *t, int *umask, unsigned int *fdsize)
{
	unsigned long flags;
	*umask = -1;
	*fdsize = 0;
	spin_lock_irqsave(&t->pi_lock, flags);
	if (t->fs)
		*umask = READ_ONCE(t->fs->umask);
	if (t->files) {
		spin_lock(&t->files->file_lock);
		*fdsize = t->files->fdt.max_fds;
		spin_unlock(&t->files->file_lock);
	}
	spin_unlock_irqrestore(&t->pi_lock, flags);
}

static int proc_pid_status(struct seq_file *m, struct task_struct *t)
{
	struct task_tree_info ti;
	u64 pnd, blk, ign, cgt;
	char state = task_state_char(t);
	task_tree(t, &ti);
	task_sig_masks(t, &pnd, &blk, &ign, &cgt);
	const struct cred *c = &t->cred;
	int umask;
	unsigned int fdsize;
	task_fs_figures(t, &umask, &fdsize);
	seq_printf(m, "Name:\t%s\n", t->comm);
	if (umask >= 0)
		seq_printf(m, "Umask:\t%04o\n", umask);
	seq_printf(m, "State:\t%s\n", task_state_name(state));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", t->tgid, t->pid, ti.ppid);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", c->uid, c->euid, c->suid, c->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", c->gid, c->egid, c->sgid, c->fsgid);
	seq_printf(m, "FDSize:\t%u\nGroups:\t", fdsize);
	for (int i = 0; i < c->ngroups && i < CRED_NGROUPS; i++)
		seq_printf(m, "%u ", c->groups[i]);
	seq_printf(m, "\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", t->pid, t->pgrp, t->session);
	struct mm_struct *mm = proc_get_task_mm(t);
	if (mm) {
		struct mm_counts mc;
		down_read(&mm->mmap_lock);
		mm_count(mm, &mc);
		up_read(&mm->mmap_lock);
		unsigned long rss = (unsigned long)atomic64_read(&mm->rss) << (PAGE_SHIFT - 10);
		unsigned long kb = PAGE_SIZE >> 10;
		/* [LINUX-DIFF] no peak tracking yet: VmPeak and VmHWM are the
		 * current figures. */
		seq_printf(m, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n",
			   mc.total * kb, mc.total * kb, 0UL, 0UL);
		seq_printf(m, "VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
			   rss, rss, rss, 0UL, 0UL);
		seq_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
			   mc.data * kb, mc.stack * kb, mc.exec * kb, 0UL, 0UL, 0UL);
		seq_printf(m, "HugetlbPages:\t%8lu kB\n", 0UL);
		mmput(mm);
	}
	seq_printf(m, "CoreDumping:\t0\nTHP_enabled:\t0\nThreads:\t%d\nSigQ:\t0/%d\n", ti.threads, 0);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)pnd, 0ULL, (unsigned long long)blk, (unsigned long long)ign,
		   (unsigned long long)cgt);
	/* [LINUX-DIFF] no capability sets: effective uid 0 has them all. */
	unsigned long long caps = c->euid == 0 ? 0x000001ffffffffffULL : 0;
	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\nCapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		   0ULL, caps, caps, 0x000001ffffffffffULL, 0ULL);
	seq_printf(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	unsigned long mask = READ_ONCE(t->cpus_mask) & READ_ONCE(cpu_online_mask);
	seq_printf(m, "Cpus_allowed:\t%lx\nCpus_allowed_list:\t", mask);
	bool first = true;
	for (int cpu = 0; cpu < BITS_PER_LONG; cpu++) {
		if (!(mask >> cpu & 1))
			continue;
		int end = cpu;
		while (end + 1 < BITS_PER_LONG && (mask >> (end + 1) & 1))
			end++;
		seq_printf(m, first ? "%d" : ",%d", cpu);
		if (end > cpu)
			seq_printf(m, "-%d", end);
		first = false;
		cpu = end;
	}
	seq_printf(m, "\nvoluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   t->nvcsw, t->nivcsw);
	return 0;
}

static int proc_pid_comm(struct seq_file *m, struct task_struct *t)
{
	char comm[TASK_COMM_LEN];
	memcpy(comm, t->comm, sizeof(comm));
	comm[TASK_COMM_LEN - 1] = 0;
	seq_printf(m, "%s\n", comm);
	return 0;
}

/* Writing comm renames a thread of the writer's own process, as Linux:
 * the first 15 bytes, taken as they are (a newline stays part of the
 * name); another process's is EINVAL. */
static ssize_t proc_pid_comm_write(struct task_struct *t, const char *buf, size_t count)
{
	char comm[TASK_COMM_LEN] = { 0 };
	if (t->tgid != current->tgid)
		return -EINVAL;
	memcpy(comm, buf, min(count, sizeof(comm) - 1));
	memcpy(t->comm, comm, sizeof(comm));
	return (ssize_t)count;
}

/* Copy len bytes at addr of mm into buf through its page tables; stops at
 * the first page not present. Returns the bytes copied. mmap_lock keeps the
 * VMAs, page_table_lock the page-table entries and the frames they map. */
static size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, char *buf, size_t len)
{
	size_t done = 0;
	down_read(&mm->mmap_lock);
	spin_lock(&mm->page_table_lock);
	while (done < len) {
		unsigned long a = addr + done;
		if (a >= STACK_TOP)
			break;
		pteval_t *pte = walk_page_table(mm->pgd, a, false, 0);
		if (!pte || !(*pte & _PAGE_PRESENT) || !(*pte & _PAGE_USER))
			break;
		size_t off = a & ~PAGE_MASK;
		size_t n = min(len - done, PAGE_SIZE - off);
		memcpy(buf + done, (char *)__va(*pte & PTE_PFN_MASK) + off, n);
		done += n;
	}
	spin_unlock(&mm->page_table_lock);
	up_read(&mm->mmap_lock);
	return done;
}

/* cmdline and environ: the strings exec put on the new stack, as the
 * process may since have changed them. */
static ssize_t read_mm_range(struct task_struct *t, bool env, char *buf, size_t count, loff_t pos)
{
	struct mm_struct *mm = proc_get_task_mm(t);
	if (!mm)
		return 0;	/* kernel threads and zombies: empty, as Linux */
	down_read(&mm->mmap_lock);
	unsigned long start = env ? mm->env_start : mm->arg_start;
	unsigned long end = env ? mm->env_end : mm->arg_end;
	up_read(&mm->mmap_lock);
	ssize_t n = 0;
	if (pos >= 0 && start + pos < end) {
		size_t want = min_t(size_t, count, end - (start + pos));
		n = (ssize_t)access_remote_vm(mm, start + pos, buf, want);
	}
	mmput(mm);
	return n;
}

static ssize_t proc_pid_cmdline(struct task_struct *t, char *buf, size_t count, loff_t pos)
{
	return read_mm_range(t, false, buf, count, pos);
}

/* auxv: the (type, value) pairs exec gave the program, through AT_NULL. */
static ssize_t proc_pid_auxv(struct task_struct *t, char *buf, size_t count, loff_t pos)
{
	struct mm_struct *mm = proc_get_task_mm(t);
	if (!mm)
		return 0;
	size_t n = 0;
	while (n + 2 <= ARRAY_SIZE(mm->saved_auxv) && mm->saved_auxv[n] != 0 /* AT_NULL */)
		n += 2;
	size_t size = min(n + 2, ARRAY_SIZE(mm->saved_auxv)) * sizeof(long);
	ssize_t r = 0;
	if (pos >= 0 && (size_t)pos < size) {
		r = (ssize_t)min(count, size - (size_t)pos);
		memcpy(buf, (char *)mm->saved_auxv + pos, r);
	}
	mmput(mm);
	return r;
}

static ssize_t proc_pid_environ(struct task_struct *t, char *buf, size_t count, loff_t pos)
{
	/* Only the owner (or root) may read another's environment. */
	if (current->cred.euid != 0 && current->cred.euid != t->cred.uid)
		return -EACCES;
	return read_mm_range(t, true, buf, count, pos);
}

/* ---- maps: one VMA per record ---- */

static void *maps_start(struct seq_file *m, loff_t *pos)
{
	struct task_struct *t = m->private;
	struct mm_struct *mm = proc_get_task_mm(t);
	if (!mm)
		return NULL;
	down_read(&mm->mmap_lock);
	loff_t i = 0;
	struct vm_area_struct *v;
	list_for_each_entry(v, &mm->mmap, vm_list)
		if (i++ == *pos)
			return v;	/* stop() drops the lock and the mm */
	up_read(&mm->mmap_lock);
	mmput(mm);
	return NULL;
}

static void *maps_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m;
	++*pos;
	return v;	/* the next start() finds the next VMA; stop() needs this one */
}

static void maps_stop(struct seq_file *m, void *v)
{
	(void)m;
	if (!v)
		return;
	struct mm_struct *mm = ((struct vm_area_struct *)v)->vm_mm;
	up_read(&mm->mmap_lock);
	mmput(mm);
}

static int maps_show(struct seq_file *m, void *p)
{
	struct vm_area_struct *v = p;
	struct mm_struct *mm = v->vm_mm;
	unsigned long f = v->vm_flags;
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", v->vm_start, v->vm_end,
		   f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
		   f & VM_SHARED ? 's' : 'p', v->vm_pgoff << PAGE_SHIFT, 0, 0, 0UL);
	const char *name = NULL;
	if (v->vm_start <= mm->start_stack && mm->start_stack < v->vm_end)
		name = "[stack]";
	else if (mm->start_brk && v->vm_start <= mm->brk && v->vm_end >= mm->start_brk &&
		 !(f & VM_EXEC) && v->vm_start >= mm->start_brk)
		name = "[heap]";
	if (name) {
		seq_pad_to(m, 72);
		seq_printf(m, " %s", name);
	}
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations proc_pid_maps_ops = {
	.start = maps_start,
	.next = maps_next,
	.stop = maps_stop,
	.show = maps_show,
};

/* /proc/<pid>/limits: Linux's table, from the task's rlimits (single
 * words read without rlimit_lock, as Linux's lock_task_sighand snapshot
 * would differ only by a concurrent setrlimit). */
static const struct { const char *name, *unit; } lnames[RLIM_NLIMITS] = {
	{ "Max cpu time", "seconds" }, { "Max file size", "bytes" }, { "Max data size", "bytes" },
	{ "Max stack size", "bytes" }, { "Max core file size", "bytes" }, { "Max resident set", "bytes" },
	{ "Max processes", "processes" }, { "Max open files", "files" }, { "Max locked memory", "bytes" },
	{ "Max address space", "bytes" }, { "Max file locks", "locks" }, { "Max pending signals", "signals" },
	{ "Max msgqueue size", "bytes" }, { "Max nice priority", NULL }, { "Max realtime priority", NULL },
	{ "Max realtime timeout", "us" },
};

static void limit_value(struct seq_file *m, u64 v)
{
	if (v == RLIM_INFINITY)
		seq_printf(m, "%-20s ", "unlimited");
	else
		seq_printf(m, "%-20llu ", (unsigned long long)v);
}

static int proc_pid_limits(struct seq_file *m, struct task_struct *t)
{
	seq_printf(m, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(m, "%-25s ", lnames[i].name);
		limit_value(m, READ_ONCE(t->rlim[i].rlim_cur));
		limit_value(m, READ_ONCE(t->rlim[i].rlim_max));
		if (lnames[i].unit)
			seq_printf(m, "%-10s\n", lnames[i].unit);
		else
			seq_putc(m, '\n');
	}
	return 0;
}

/* /proc/<pid>/mounts: one mount namespace, so /proc/mounts. */
static int proc_pid_mounts(struct seq_file *m, struct task_struct *t)
{
	(void)t;
	return mounts_proc_show(m, NULL);
}

/* ---- links ---- */

int proc_self_link(struct proc_inode *pi, char *buf)
{
	(void)pi;
	scnprintf(buf, PATH_MAX, "%d", current->tgid);
	return 0;
}

int proc_thread_self_link(struct proc_inode *pi, char *buf)
{
	(void)pi;
	scnprintf(buf, PATH_MAX, "%d/task/%d", current->tgid, current->pid);
	return 0;
}

/* ---- fd/, fdinfo/, exe, cwd, root ----
 * Another task's files_struct and fs_struct are read under its pi_lock:
 * exit and exec change task->files and task->fs under it before dropping
 * their reference, so while we hold it (and see the pointer) the table
 * cannot be freed; the table's own lock then keeps the slot stable while
 * we take a reference on the file. */

/* The file at fd of t with a reference (fput), or NULL; *cloexec its flag. */
static struct file *task_fget(struct task_struct *t, int fd, bool *cloexec)
{
	unsigned long flags;
	struct file *f = NULL;
	spin_lock_irqsave(&t->pi_lock, flags);
	struct files_struct *files = t->files;
	if (files && fd >= 0) {
		spin_lock(&files->file_lock);
		if ((unsigned int)fd < files->fdt.max_fds && files->fdt.fd[fd]) {
			f = get_file(files->fdt.fd[fd]);
			if (cloexec)
				*cloexec = test_bit(fd, files->fdt.close_on_exec);
		}
		spin_unlock(&files->file_lock);
	}
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return f;
}

int proc_next_fd(struct task_struct *t, int from)
{
	unsigned long flags;
	int found = -1;
	spin_lock_irqsave(&t->pi_lock, flags);
	struct files_struct *files = t->files;
	if (files && from >= 0) {
		spin_lock(&files->file_lock);
		for (unsigned int i = (unsigned int)from; i < files->fdt.max_fds; i++)
			if (files->fdt.fd[i]) {
				found = (int)i;
				break;
			}
		spin_unlock(&files->file_lock);
	}
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return found;
}

bool proc_fd_exists(struct task_struct *t, int fd)
{
	struct file *f = task_fget(t, fd, NULL);
	if (f)
		fput(f);
	return f != NULL;
}

/* The name of path as the reader sees it, as Linux's d_path: files with
 * no name in the tree show their pseudo name ("pipe:[123]"), removed ones
 * get " (deleted)". */
static int path_link(const struct path *path, char *buf)
{
	if (!path->mnt) {
		strlcpy(buf, path->dentry->d_name.name, PATH_MAX);
		return 0;
	}
	char *tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	char *p = d_path(path, tmp, PATH_MAX - 10);
	int err = 0;
	if (IS_ERR(p))
		err = PTR_ERR(p);
	else
		scnprintf(buf, PATH_MAX, "%s%s", p, d_unlinked(path->dentry) ? " (deleted)" : "");
	kfree(tmp);
	return err;
}

int proc_fd_link(struct proc_inode *pi, char *buf)
{
	struct task_struct *t = proc_get_task(pi);
	if (!t)
		return -ENOENT;
	struct file *f = task_fget(t, pi->fd, NULL);
	put_task_struct(t);
	if (!f)
		return -ENOENT;
	int err = path_link(&f->f_path, buf);
	fput(f);
	return err;
}

int proc_fdinfo_show(struct seq_file *m, struct task_struct *t)
{
	bool cloexec = false;
	struct file *f = task_fget(t, PROC_I(m->file->f_inode)->fd, &cloexec);
	if (!f)
		return -ENOENT;
	unsigned int fl = READ_ONCE(f->f_flags) | (cloexec ? O_CLOEXEC : 0);
	/* [LINUX-DIFF] mounts have no id yet: mnt_id is 0. */
	seq_printf(m, "pos:\t%lld\nflags:\t0%o\nmnt_id:\t0\nino:\t%lu\n",
		   (long long)READ_ONCE(f->f_pos), fl, f->f_inode->i_ino);
	fput(f);
	return 0;
}

static int fs_link(struct proc_inode *pi, char *buf, bool root)
{
	unsigned long flags;
	struct task_struct *t = proc_get_task(pi);
	struct path p = { 0 };
	if (!t)
		return -ENOENT;
	spin_lock_irqsave(&t->pi_lock, flags);
	if (t->fs) {
		if (root)
			get_fs_root(t->fs, &p);
		else
			get_fs_pwd(t->fs, &p);
	}
	spin_unlock_irqrestore(&t->pi_lock, flags);
	put_task_struct(t);
	if (!p.dentry)
		return -ENOENT;
	int err = path_link(&p, buf);
	path_put(&p);
	return err;
}

static int proc_cwd_link(struct proc_inode *pi, char *buf) { return fs_link(pi, buf, false); }
static int proc_root_link(struct proc_inode *pi, char *buf) { return fs_link(pi, buf, true); }

static int proc_exe_link(struct proc_inode *pi, char *buf)
{
	struct task_struct *t = proc_get_task(pi);
	if (!t)
		return -ENOENT;
	struct mm_struct *mm = proc_get_task_mm(t);
	put_task_struct(t);
	if (!mm)
		return -ENOENT;
	int err = mm->exe_file ? path_link(&mm->exe_file->f_path, buf) : -ENOENT;
	mmput(mm);
	return err;
}

#define REG(n, fn) { .name = n, .mode = S_IFREG | 0444, .task_show = fn }

/* The names in /proc/<pid> (thread group) and /proc/<pid>/task/<tid>. */
const struct proc_entry tgid_entries[] = {
	{ .name = "task", .mode = S_IFDIR | 0555, .kind = PROC_TASKDIR },
	{ .name = "fd", .mode = S_IFDIR | 0500, .kind = PROC_FDDIR },
	{ .name = "fdinfo", .mode = S_IFDIR | 0500, .kind = PROC_FDINFODIR },
	{ .name = "environ", .mode = S_IFREG | 0400, .task_read = proc_pid_environ },
	{ .name = "auxv", .mode = S_IFREG | 0400, .task_read = proc_pid_auxv },
	{ .name = "cwd", .mode = S_IFLNK | 0777, .link = proc_cwd_link },
	{ .name = "root", .mode = S_IFLNK | 0777, .link = proc_root_link },
	{ .name = "exe", .mode = S_IFLNK | 0777, .link = proc_exe_link },
	REG("status", proc_pid_status),
	REG("stat", proc_tgid_stat),
	REG("statm", proc_pid_statm),
	{ .name = "comm", .mode = S_IFREG | 0644, .task_show = proc_pid_comm, .task_write = proc_pid_comm_write },
	REG("limits", proc_pid_limits),
	REG("mounts", proc_pid_mounts),
	{ .name = "cmdline", .mode = S_IFREG | 0444, .task_read = proc_pid_cmdline },
	{ .name = "maps", .mode = S_IFREG | 0444, .seq_ops = &proc_pid_maps_ops },
	{ 0 }
};

const struct proc_entry tid_entries[] = {
	{ .name = "fd", .mode = S_IFDIR | 0500, .kind = PROC_FDDIR },
	{ .name = "fdinfo", .mode = S_IFDIR | 0500, .kind = PROC_FDINFODIR },
	{ .name = "environ", .mode = S_IFREG | 0400, .task_read = proc_pid_environ },
	{ .name = "auxv", .mode = S_IFREG | 0400, .task_read = proc_pid_auxv },
	{ .name = "cwd", .mode = S_IFLNK | 0777, .link = proc_cwd_link },
	{ .name = "root", .mode = S_IFLNK | 0777, .link = proc_root_link },
	{ .name = "exe", .mode = S_IFLNK | 0777, .link = proc_exe_link },
	REG("status", proc_pid_status),
	REG("stat", proc_tid_stat),
	REG("statm", proc_pid_statm),
	{ .name = "comm", .mode = S_IFREG | 0644, .task_show = proc_pid_comm, .task_write = proc_pid_comm_write },
	REG("limits", proc_pid_limits),
	REG("mounts", proc_pid_mounts),
	{ .name = "cmdline", .mode = S_IFREG | 0444, .task_read = proc_pid_cmdline },
	{ .name = "maps", .mode = S_IFREG | 0444, .seq_ops = &proc_pid_maps_ops },
	{ 0 }
};
