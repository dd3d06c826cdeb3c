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
#include <linux/signal_types.h>
#include <uapi/asm/signal.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include "internal.h"

#define USER_HZ 100
#define NSEC_PER_TICK (NSEC_PER_SEC / USER_HZ)

static unsigned long long ns_to_clock_t(u64 ns)
{
	return ns / NSEC_PER_TICK;
}

/* Linux's cputime_adjust: the exact run time split in the ratio the tick
 * sampled user and kernel mode in (all of it user until a sample says
 * otherwise). */
static void task_cputime(struct task_struct *t, u64 *ut, u64 *st)
{
	u64 rt = READ_ONCE(t->se.sum_exec_runtime);
	u64 u = READ_ONCE(t->utime), s = READ_ONCE(t->stime);
	if (!s) {
		*ut = rt;
		*st = 0;
		return;
	}
	if (!u) {
		*ut = 0;
		*st = rt;
		return;
	}
	/* rt * s / (u + s) with a 128-bit product (mul, div): the quotient
	 * is at most rt, so it fits. */
	u64 stime, rem;
	__asm__("mulq %3\n\tdivq %4" : "=a"(stime), "=&d"(rem) : "a"(rt), "r"(s), "r"(u + s) : "cc");
	(void)rem;
	*st = stime;
	*ut = rt - stime;
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
	unsigned long group_minflt;
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
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!ti->threads) {	/* reaped meanwhile: its own figures */
		ti->threads = 1;
		task_cputime(t, &ti->group_ut, &ti->group_st);
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
	if (whole) {
		ut = ti.group_ut;
		st = ti.group_st;
	} else {
		task_cputime(t, &ut, &st);
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
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu %llu %llu %lld %lld %d %d %d 0 %llu %lu %ld %llu ",
		   t->pid, t->comm, state, ti.ppid, t->pgrp, t->session,
		   0 /* tty_nr: no controlling tty yet */, -1 /* tpgid */, t->flags,
		   0UL, 0UL, 0UL, 0UL,	/* min_flt, cmin_flt, maj_flt, cmaj_flt */
		   ns_to_clock_t(ut), ns_to_clock_t(st), 0LL, 0LL,
		   t->prio - 100, nice, ti.threads,
		   ns_to_clock_t(t->start_time), mc.total << PAGE_SHIFT, rss,
		   0xffffffffffffffffULL /* rsslim: RLIM_INFINITY */);
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

static int proc_pid_status(struct seq_file *m, struct task_struct *t)
{
	struct task_tree_info ti;
	u64 pnd, blk, ign, cgt;
	char state = task_state_char(t);
	task_tree(t, &ti);
	task_sig_masks(t, &pnd, &blk, &ign, &cgt);
	const struct cred *c = &t->cred;
	seq_printf(m, "Name:\t%s\n", t->comm);
	seq_printf(m, "Umask:\t%04o\n", 022);
	seq_printf(m, "State:\t%s\n", task_state_name(state));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", t->tgid, t->pid, ti.ppid);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", c->uid, c->euid, c->suid, c->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", c->gid, c->egid, c->sgid, c->fsgid);
	seq_printf(m, "FDSize:\t%d\nGroups:\t", 64);
	for (int i = 0; i < c->ngroups && i < CRED_NGROUPS; i++)
		seq_printf(m, "%u ", c->groups[i]);
	seq_printf(m, "\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", t->pid, t->pgrp, t->session);
	struct mm_struct *mm = proc_get_task_mm(t);
	if (mm) {
		struct mm_counts mc;
		down_read(&mm->mmap_lock);
		mm_count(&*mm, &mc);
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

/* ---- fd/ and fdinfo/ ---- [LINUX-DIFF] until the fd tables land every
 * process has no fds here. */
int proc_next_fd(struct task_struct *t, int from)
{
	(void)t;
	(void)from;
	return -1;
}

bool proc_fd_exists(struct task_struct *t, int fd)
{
	(void)t;
	(void)fd;
	return false;
}

int proc_fd_link(struct proc_inode *pi, char *buf)
{
	(void)pi;
	(void)buf;
	return -ENOENT;
}

int proc_fdinfo_show(struct seq_file *m, struct task_struct *t)
{
	(void)m;
	(void)t;
	return -ENOENT;
}

#define REG(n, fn) { .name = n, .mode = S_IFREG | 0444, .task_show = fn }

/* The names in /proc/<pid> (thread group) and /proc/<pid>/task/<tid>. */
const struct proc_entry tgid_entries[] = {
	{ .name = "task", .mode = S_IFDIR | 0555, .kind = PROC_TASKDIR },
	{ .name = "fd", .mode = S_IFDIR | 0500, .kind = PROC_FDDIR },
	{ .name = "fdinfo", .mode = S_IFDIR | 0500, .kind = PROC_FDINFODIR },
	{ .name = "environ", .mode = S_IFREG | 0400, .task_read = proc_pid_environ },
	REG("status", proc_pid_status),
	REG("stat", proc_tgid_stat),
	REG("statm", proc_pid_statm),
	REG("comm", proc_pid_comm),
	REG("mounts", proc_pid_mounts),
	{ .name = "cmdline", .mode = S_IFREG | 0444, .task_read = proc_pid_cmdline },
	{ .name = "maps", .mode = S_IFREG | 0444, .seq_ops = &proc_pid_maps_ops },
	{ 0 }
};

const struct proc_entry tid_entries[] = {
	{ .name = "fd", .mode = S_IFDIR | 0500, .kind = PROC_FDDIR },
	{ .name = "fdinfo", .mode = S_IFDIR | 0500, .kind = PROC_FDINFODIR },
	{ .name = "environ", .mode = S_IFREG | 0400, .task_read = proc_pid_environ },
	REG("status", proc_pid_status),
	REG("stat", proc_tid_stat),
	REG("statm", proc_pid_statm),
	REG("comm", proc_pid_comm),
	REG("mounts", proc_pid_mounts),
	{ .name = "cmdline", .mode = S_IFREG | 0444, .task_read = proc_pid_cmdline },
	{ .name = "maps", .mode = S_IFREG | 0444, .seq_ops = &proc_pid_maps_ops },
	{ 0 }
};
