/* Small system calls about the calling process and the machine. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/utsname.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/reboot.h>
#include <asm/processor.h>
#include <asm/fsgsbase.h>
#include <linux/string.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/jiffies.h>

long sys_getpid(void) { return current->tgid; }
long sys_gettid(void) { return current->pid; }
long sys_getppid(void) { return current->real_parent ? current->real_parent->tgid : 0; }
long sys_getuid(void) { return current->cred.uid; }
long sys_geteuid(void) { return current->cred.euid; }
long sys_getgid(void) { return current->cred.gid; }
long sys_getegid(void) { return current->cred.egid; }

long sys_sched_yield(void)
{
	yield();
	return 0;
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_exit((code & 0xff) << 8);
}

/* The address musl/glibc want zeroed (and futex-woken) when the thread exits. */
long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

static bool canonical_user(unsigned long a)
{
	return a < TASK_SIZE_MAX;
}

long sys_arch_prctl(int code, unsigned long addr)
{
	switch (code) {
	case ARCH_SET_FS:
		if (!canonical_user(addr))
			return -EPERM;
		current->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_SET_GS:
		if (!canonical_user(addr))
			return -EPERM;
		current->thread.gsbase = addr;
		wrmsr(MSR_KERNEL_GS_BASE, addr);	/* the user's GS until the next swapgs */
		return 0;
	case ARCH_GET_FS:
		save_fsgs(current);	/* the live value: user code may use wrfsbase */
		return put_user(current->thread.fsbase, (unsigned long __user *)addr);
	case ARCH_GET_GS:
		save_fsgs(current);
		return put_user(current->thread.gsbase, (unsigned long __user *)addr);
	default:
		return -EINVAL;
	}
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc
#define LINUX_REBOOT_CMD_CAD_ON 0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if (current->cred.euid != 0)
		return -EPERM;	/* CAP_SYS_BOOT */
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

/* As Linux on 64-bit: sizes in bytes (mem_unit 1), loads in 1/65536. No
 * swap, no block devices (bufferram 0), no high memory; sharedram is the
 * tmpfs file pages (/proc/meminfo Shmem). */
long sys_sysinfo(struct sysinfo __user *uinfo)
{
	struct sysinfo si;
	memset(&si, 0, sizeof(si));
	u64 up = ktime_get_ns();	/* boot time: Lucid never suspends */
	si.uptime = (long)(up / NSEC_PER_SEC) + (up % NSEC_PER_SEC ? 1 : 0);
	for (int i = 0; i < 3; i++)
		si.loads[i] = READ_ONCE(avenrun[i]) << (16 - FSHIFT);
	si.totalram = totalram_pages() * PAGE_SIZE;
	si.freeram = nr_free_pages() * PAGE_SIZE;
	si.sharedram = (unsigned long)atomic64_read(&tmpfs_nr_pages) * PAGE_SIZE;	/* shmem: tmpfs pages */
	si.procs = (unsigned short)atomic_read(&nr_threads);
	si.mem_unit = 1;
	return copy_to_user(uinfo, &si, sizeof(si)) ? -EFAULT : 0;
}

/* ---- uname, hostname ---- */

#define NEW_UTS_LEN 64
struct new_utsname {
	char sysname[NEW_UTS_LEN + 1], nodename[NEW_UTS_LEN + 1], release[NEW_UTS_LEN + 1];
	char version[NEW_UTS_LEN + 1], machine[NEW_UTS_LEN + 1], domainname[NEW_UTS_LEN + 1];
};

/* "Linux": programs check the system name before using Linux interfaces. */
static struct new_utsname utsname = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "6.1.0-lucid",
	.version = "#1 SMP Lucid",
	.machine = "x86_64",
	.domainname = "(none)",
};
static DEFINE_SPINLOCK(uts_lock);

long sys_uname(struct new_utsname __user *name)
{
	struct new_utsname copy;
	spin_lock(&uts_lock);
	copy = utsname;
	spin_unlock(&uts_lock);
	return copy_to_user(name, &copy, sizeof(copy)) ? -EFAULT : 0;
}

static long set_uts_field(char *field, const char __user *name, int len)
{
	char buf[NEW_UTS_LEN + 1];
	if (current->cred.euid != 0)
		return -EPERM;	/* CAP_SYS_ADMIN */
	if (len < 0 || len > NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(buf, name, len))
		return -EFAULT;
	buf[len] = 0;
	spin_lock(&uts_lock);
	memcpy(field, buf, len + 1);
	spin_unlock(&uts_lock);
	return 0;
}

long sys_sethostname(const char __user *name, int len)
{
	return set_uts_field(utsname.nodename, name, len);
}

long sys_setdomainname(const char __user *name, int len)
{
	return set_uts_field(utsname.domainname, name, len);
}

static char *uts_field_ptr(enum uts_field which)
{
	switch (which) {
	case UTS_SYSNAME: return utsname.sysname;
	case UTS_NODENAME: return utsname.nodename;
	case UTS_RELEASE: return utsname.release;
	case UTS_VERSION: return utsname.version;
	case UTS_MACHINE: return utsname.machine;
	default: return utsname.domainname;
	}
}

void uts_get_field(enum uts_field which, char *buf, size_t size)
{
	spin_lock(&uts_lock);
	strlcpy(buf, uts_field_ptr(which), size);
	spin_unlock(&uts_lock);
}

int uts_set_field(enum uts_field which, const char *buf, size_t len)
{
	if ((which != UTS_NODENAME && which != UTS_DOMAINNAME) || len > NEW_UTS_LEN)
		return -EINVAL;
	char *f = uts_field_ptr(which);
	spin_lock(&uts_lock);
	memcpy(f, buf, len);
	f[len] = 0;
	spin_unlock(&uts_lock);
	return 0;
}

/* ---- getrandom ---- */

void get_random_bytes(void *buf, size_t n);
#define GRND_NONBLOCK 0x1
#define GRND_RANDOM 0x2
#define GRND_INSECURE 0x4

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	char chunk[256];
	size_t done = 0;
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    (flags & GRND_INSECURE && flags & GRND_RANDOM))
		return -EINVAL;
	if (count > INT_MAX)
		count = INT_MAX;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)done;
}

/* ---- resource limits ---- */

#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define NR_OPEN 1048576		/* Linux's fs.nr_open default: RLIMIT_NOFILE's ceiling */

/* Linux's defaults for init; every process inherits its parent's. */
static const struct rlimit64 init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[1] = { RLIM_INFINITY, RLIM_INFINITY },		/* RLIMIT_FSIZE */
	[2] = { RLIM_INFINITY, RLIM_INFINITY },		/* RLIMIT_DATA */
	[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[5] = { RLIM_INFINITY, RLIM_INFINITY },		/* RLIMIT_RSS */
	[RLIMIT_NPROC] = { 63536, 63536 },
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[8] = { 8UL << 20, 8UL << 20 },			/* RLIMIT_MEMLOCK */
	[9] = { RLIM_INFINITY, RLIM_INFINITY },		/* RLIMIT_AS */
	[10] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_LOCKS */
	[RLIMIT_SIGPENDING] = { 63536, 63536 },
	[12] = { 819200, 819200 },			/* RLIMIT_MSGQUEUE */
	[13] = { 0, 0 },				/* RLIMIT_NICE */
	[14] = { 0, 0 },				/* RLIMIT_RTPRIO */
	[15] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_RTTIME */
};
/* Guards every task's rlim[] (the owner changes its own; prlimit64 those
 * of others; fork copies them). Nests inside tasklist_lock. */
static DEFINE_SPINLOCK(rlimit_lock);

void rlimits_init(struct task_struct *t)
{
	memcpy(t->rlim, init_rlimits, sizeof(t->rlim));
}

void rlimits_fork(struct task_struct *child, struct task_struct *parent)
{
	unsigned long flags;
	spin_lock_irqsave(&rlimit_lock, flags);
	memcpy(child->rlim, parent->rlim, sizeof(child->rlim));
	spin_unlock_irqrestore(&rlimit_lock, flags);
}

/* The tick's RLIMIT_CPU check (kernel/time/itimer.c): @secs of CPU used;
 * *sig becomes SIGKILL (hard limit) or SIGXCPU (soft limit, which then
 * moves a second on while below the hard one). */
void rlimit_cpu_tick(struct task_struct *t, u64 secs, int *sig)
{
	unsigned long flags;
	spin_lock_irqsave(&rlimit_lock, flags);
	struct rlimit64 *r = &t->rlim[RLIMIT_CPU];
	if (r->rlim_max != RLIM_INFINITY && secs >= r->rlim_max) {
		*sig = SIGKILL;
	} else if (r->rlim_cur != RLIM_INFINITY && secs >= r->rlim_cur) {
		*sig = SIGXCPU;
		if (r->rlim_cur < r->rlim_max)
			r->rlim_cur++;
	}
	spin_unlock_irqrestore(&rlimit_lock, flags);
}

u64 task_rlimit(struct task_struct *t, unsigned int resource)
{
	unsigned long flags;
	spin_lock_irqsave(&rlimit_lock, flags);
	u64 v = t->rlim[resource].rlim_cur;
	spin_unlock_irqrestore(&rlimit_lock, flags);
	return v;
}

/* prlimit64 on another process: Linux's check_prlimit_permission. The
 * caller's real uid and gid must be all of the target's (real, effective,
 * saved), unless it has CAP_SYS_RESOURCE (root here). */
static bool prlimit_permitted(struct task_struct *t)
{
	const struct cred *c = &current->cred, *tc = &t->cred;
	if (t == current || c->euid == 0)
		return true;
	return c->uid == tc->euid && c->uid == tc->suid && c->uid == tc->uid &&
	       c->gid == tc->egid && c->gid == tc->sgid && c->gid == tc->gid;
}

static long do_prlimit(struct task_struct *t, unsigned int resource, const struct rlimit64 *new,
		       struct rlimit64 *old)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
			return -EPERM;
	}
	long err = 0;
	unsigned long flags;
	spin_lock_irqsave(&rlimit_lock, flags);
	struct rlimit64 *r = &t->rlim[resource];
	/* Raising a hard limit needs CAP_SYS_RESOURCE. */
	if (new && new->rlim_max > r->rlim_max && current->cred.euid != 0)
		err = -EPERM;
	if (!err) {
		if (old)
			*old = *r;
		if (new)
			*r = *new;
	}
	spin_unlock_irqrestore(&rlimit_lock, flags);
	return err;
}

/* The soft limit of resource for the calling task (RLIMIT_NOFILE...). */
unsigned long rlimit(unsigned int resource)
{
	return resource < RLIM_NLIMITS ? task_rlimit(current, resource) : RLIM_INFINITY;
}

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct rlimit64 new, old;
	unsigned long flags;
	long err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	/* tasklist_lock keeps the target from being freed meanwhile. */
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = pid ? find_task_by_vpid(pid) : current;
	if (t && t->exit_state == EXIT_DEAD)
		t = NULL;
	if (!t)
		err = -ESRCH;
	else if (!prlimit_permitted(t))
		err = -EPERM;
	else
		err = do_prlimit(t, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

long sys_getrlimit(unsigned int resource, struct rlimit64 __user *rlim)
{
	struct rlimit64 old;
	long err = do_prlimit(current, resource, NULL, &old);
	if (!err && copy_to_user(rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

long sys_setrlimit(unsigned int resource, const struct rlimit64 __user *rlim)
{
	struct rlimit64 new;
	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

/* ---- CPU time (seed concept: accounting) ---- */

/* Split @t's exact run time in the ratio of the tick's user/system
 * samples (Linux's cputime_adjust), never reporting less than before. */
void task_cputime_adjusted(struct task_struct *t, u64 *ut, u64 *st)
{
	unsigned long flags;
	spin_lock_irqsave(&t->pi_lock, flags);
	u64 rtime = READ_ONCE(t->se.sum_exec_runtime);
	u64 u = READ_ONCE(t->utime) / TICK_NSEC, s = READ_ONCE(t->stime) / TICK_NSEC;
	u64 stime, utime;
	if (rtime < t->prev_utime + t->prev_stime) {
		stime = t->prev_stime;
		utime = t->prev_utime;
		goto out;
	}
	if (s == 0) {
		stime = 0;
	} else if (u == 0) {
		stime = rtime;
	} else {
		u64 total = u + s;	/* ticks: far below 2^32, so no overflow below */
		stime = rtime / total * s + rtime % total * s / total;
	}
	if (stime < t->prev_stime)
		stime = t->prev_stime;
	utime = rtime - stime;
	if (utime < t->prev_utime) {
		utime = t->prev_utime;
		stime = rtime - utime;
	}
	t->prev_stime = stime;
	t->prev_utime = utime;
out:
	spin_unlock_irqrestore(&t->pi_lock, flags);
	*ut = utime;
	*st = stime;
}

/* ---- scheduling policy, priority and affinity ---- */

#define SCHED_NORMAL 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

/* tasklist_lock held: pid 0 is the caller; a negative pid is nobody. */
static struct task_struct *find_process(pid_t pid)
{
	if (pid < 0)
		return NULL;
	return pid ? find_task_by_vpid(pid) : current;
}

long sys_sched_getscheduler(pid_t pid)
{
	unsigned long flags;
	if (pid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	long ret = t ? (long)t->policy : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

struct sched_param {
	int sched_priority;
};

long sys_sched_getparam(pid_t pid, struct sched_param __user *param)
{
	unsigned long flags;
	if (!param || pid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!t)
		return -ESRCH;
	struct sched_param p = { (int)t->rt_priority };	/* 0 for the normal policies */
	return copy_to_user(param, &p, sizeof(p)) ? -EFAULT : 0;
}

#define SCHED_RESET_ON_FORK 0x40000000
#define RLIMIT_RTPRIO 14
static bool nice_permitted(struct task_struct *t);

/* Linux's __sched_setscheduler checks, for the policies Lucid knows.
 * @policy < 0: keep the current one (sched_setparam). */
static long do_sched_setscheduler(pid_t pid, int policy, const struct sched_param __user *param)
{
	struct sched_param lp;
	unsigned long flags;
	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	long err = 0;
	if (!t) {
		err = -ESRCH;
		goto out;
	}
	if (policy < 0)
		policy = (int)t->policy;
	policy &= ~SCHED_RESET_ON_FORK;	/* [LINUX-DIFF] accepted, not acted on */
	bool rt = policy == SCHED_FIFO || policy == SCHED_RR;
	if (policy != SCHED_NORMAL && policy != SCHED_BATCH && policy != SCHED_IDLE && !rt) {
		err = -EINVAL;
		goto out;
	}
	if (lp.sched_priority < 0 || lp.sched_priority > 99 || rt != (lp.sched_priority != 0)) {
		err = -EINVAL;
		goto out;
	}
	if (current->cred.euid != 0) {	/* without CAP_SYS_NICE */
		u64 rtprio = task_rlimit(t, RLIMIT_RTPRIO);
		if (rt && (((unsigned int)policy != t->policy && !rtprio) ||
			   ((unsigned int)lp.sched_priority > t->rt_priority && (u64)lp.sched_priority > rtprio)))
			err = -EPERM;
		else if (t->policy == SCHED_IDLE && policy != SCHED_IDLE)
			err = -EPERM;	/* leaving SCHED_IDLE needs privilege (nice rules) */
		else if (!nice_permitted(t))
			err = -EPERM;
	}
	if (!err)
		sched_set_policy(t, (unsigned int)policy, (unsigned int)lp.sched_priority);
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

long sys_sched_setscheduler(pid_t pid, int policy, const struct sched_param __user *param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

long sys_sched_setparam(pid_t pid, const struct sched_param __user *param)
{
	return do_sched_setscheduler(pid, -1, param);
}

struct __kernel_timespec_rr {
	s64 tv_sec;
	long tv_nsec;
};

/* SCHED_FIFO has no time slice (0); SCHED_RR Linux's 100 ms; the fair
 * policies the scheduler's latency target (24 ms). */
long sys_sched_rr_get_interval(pid_t pid, struct __kernel_timespec_rr __user *interval)
{
	unsigned long flags;
	if (pid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	unsigned int policy = t ? t->policy : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!t)
		return -ESRCH;
	u64 ns = policy == SCHED_FIFO ? 0 : policy == SCHED_RR ? 100000000ULL : 24000000ULL;
	struct __kernel_timespec_rr ts = { (s64)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_sched_get_priority_max(int policy)
{
	switch (policy) {
	case SCHED_FIFO: case SCHED_RR:
		return 99;
	case SCHED_NORMAL: case SCHED_BATCH: case SCHED_IDLE:
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_sched_get_priority_min(int policy)
{
	switch (policy) {
	case SCHED_FIFO: case SCHED_RR:
		return 1;
	case SCHED_NORMAL: case SCHED_BATCH: case SCHED_IDLE:
		return 0;
	default:
		return -EINVAL;
	}
}

static bool nice_permitted(struct task_struct *t)
{
	const struct cred *c = &current->cred;
	return c->euid == 0 || c->euid == t->cred.uid || c->euid == t->cred.euid;
}

/* tasklist_lock held. Linux's set_one_prio: another user's process is
 * EPERM; a lower nice value than now (more CPU) needs CAP_SYS_NICE. */
static long set_one_prio(struct task_struct *t, int niceval, long err)
{
	if (!nice_permitted(t))
		return -EPERM;
	if (niceval < t->static_prio - 120 && current->cred.euid != 0)
		return -EACCES;
	set_user_nice(t, niceval);
	return err == -ESRCH ? 0 : err;
}

/* [LINUX-DIFF] Kernel threads are reachable by pid only, not as members
 * of process group 0 or of user 0's processes. */
static bool prio_matches(struct task_struct *t, int which, int who)
{
	if (t->exit_state || (!t->mm && which != PRIO_PROCESS))
		return false;
	switch (which) {
	case PRIO_PROCESS: return t->tgid == who;
	case PRIO_PGRP: return t->pgrp == who;
	default: return t->cred.uid == (uid_t)who;
	}
}

static int who_or_self(int which, int who)
{
	if (who)
		return who;
	return which == PRIO_PROCESS ? current->tgid : which == PRIO_PGRP ? current->pgrp : (int)current->cred.uid;
}

long sys_setpriority(int which, int who, int niceval)
{
	struct task_struct *t;
	unsigned long flags;
	long err = -ESRCH;
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	niceval = niceval < -20 ? -20 : niceval > 19 ? 19 : niceval;
	who = who_or_self(which, who);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (prio_matches(t, which, who))
			err = set_one_prio(t, niceval, err);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* The raw call returns 20 - nice (1..40), so no success is negative;
 * libc turns it back into the nice value. */
long sys_getpriority(int which, int who)
{
	struct task_struct *t;
	unsigned long flags;
	long ret = -ESRCH;
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	who = who_or_self(which, who);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (!prio_matches(t, which, who))
			continue;
		long n = 20 - (t->static_prio - 120);
		if (n > ret)
			ret = n;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* The cpumask's size in bytes as Linux counts it: whole longs covering
 * nr_cpu_ids bits. */
static unsigned int cpumask_size(void)
{
	return (unsigned int)((nr_cpu_ids + BITS_PER_LONG - 1) / BITS_PER_LONG * sizeof(long));
}

static unsigned long online_mask(void)
{
	unsigned long m = 0;
	int cpu;
	for_each_online_cpu(cpu)
		if (cpu < BITS_PER_LONG)
			m |= 1UL << cpu;
	return m;
}

long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask)
{
	unsigned long flags, mask;
	if ((u64)len * 8 < (u64)nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	mask = t ? READ_ONCE(t->cpus_mask) & online_mask() : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!t)
		return -ESRCH;
	unsigned int retlen = min(len, cpumask_size());
	/* [LINUX-DIFF] at most BITS_PER_LONG CPUs: the mask is one long. */
	if (copy_to_user(user_mask, &mask, min(retlen, (unsigned int)sizeof(mask))) ||
	    (retlen > sizeof(mask) && clear_user((char __user *)user_mask + sizeof(mask), retlen - sizeof(mask))))
		return -EFAULT;
	return retlen;
}

long sys_sched_setaffinity(pid_t pid, unsigned int len, const unsigned long __user *user_mask)
{
	unsigned long flags, mask = 0;
	/* A short mask is zero-extended, a long one cut to cpumask_size(). */
	unsigned int n = min(len, (unsigned int)sizeof(mask));
	if (copy_from_user(&mask, user_mask, n))
		return -EFAULT;
	long err = 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_process(pid);
	if (!t)
		err = -ESRCH;
	else if (!nice_permitted(t))
		err = -EPERM;
	else if (!(mask & online_mask()))
		err = -EINVAL;
	else {
		unsigned long pf;
		spin_lock_irqsave(&t->pi_lock, pf);
		t->cpus_mask = mask;
		spin_unlock_irqrestore(&t->pi_lock, pf);
	}
	bool self = t == current;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	/* A wakeup places a task on an allowed CPU: if we are on a CPU no
	 * longer allowed, sleep one tick to move. [LINUX-DIFF] another task
	 * moves at its next wakeup, not at once. */
	if (!err && self && !(mask & (1UL << smp_processor_id())))
		schedule_timeout_uninterruptible(1);
	return err;
}

struct getcpu_cache;
long sys_getcpu(unsigned __user *cpup, unsigned __user *nodep, struct getcpu_cache __user *unused)
{
	unsigned int cpu = (unsigned int)raw_smp_processor_id();
	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0u, nodep))
		return -EFAULT;
	return 0;
}

/* ---- process groups and sessions (seed concept: sessions and job control) ---- */

struct task_struct *find_task_by_vpid(pid_t pid)
{
	struct task_struct *t;
	if (pid <= 0)
		return NULL;
	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

static bool pgrp_in_session(pid_t pgrp, pid_t session)
{
	struct task_struct *t;
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == pgrp && t->session == session)
			return true;
	return false;
}

long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *me = current, *p;
	unsigned long flags;
	long err = 0;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_vpid(pid) : me;
	if (!pid)
		pid = me->pid;
	if (!pgid)
		pgid = pid;
	if (!p || (p != me && p->real_parent != me)) {
		err = -ESRCH;		/* neither us nor our child */
	} else if (p != me && p->did_exec) {
		err = -EACCES;		/* a child that has exec'd is out of reach */
	} else if (p->session != me->session || p->pid == p->session) {
		err = -EPERM;		/* other session, or a session leader */
	} else if (pgid != pid && !pgrp_in_session(pgid, me->session)) {
		err = -EPERM;		/* joining a group that is not in our session */
	} else {
		p->pgrp = pgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

long sys_getpgid(pid_t pid)
{
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;
	long ret = p ? p->pgrp : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_getpgrp(void)
{
	return sys_getpgid(0);
}

long sys_getsid(pid_t pid)
{
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;
	long ret = p ? p->session : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_setsid(void)
{
	struct task_struct *me = current, *t;
	unsigned long flags;
	long ret = me->pid;
	spin_lock_irqsave(&tasklist_lock, flags);
	/* A process-group leader (or anyone whose pid names a group) may not. */
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == me->pid)
			ret = -EPERM;
	if (ret > 0)
		me->pgrp = me->session = me->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* ---- prctl ---- */

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_GET_KEEPCAPS 7
#define PR_SET_KEEPCAPS 8
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_GET_SECCOMP 21
#define PR_CAPBSET_READ 23
#define PR_SET_TIMERSLACK 29
#define PR_GET_TIMERSLACK 30
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37
#define PR_SET_NO_NEW_PRIVS 38
#define PR_GET_NO_NEW_PRIVS 39
#define PR_GET_TID_ADDRESS 40
#define CAP_LAST_CAP 40

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
	struct task_struct *me = current;
	unsigned long flags;
	char name[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		spin_lock_irqsave(&tasklist_lock, flags);
		me->pdeath_signal = (int)arg2;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(me->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return me->dumpable;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;	/* 2 (root-only dumps) is not for prctl, as on Linux */
		me->dumpable = (u8)arg2;
		return 0;
	case PR_GET_KEEPCAPS:
		return me->keep_caps;
	case PR_SET_KEEPCAPS:
		if (arg2 > 1)
			return -EINVAL;
		me->keep_caps = arg2;
		return 0;
	case PR_SET_NAME: {
		long n = strncpy_from_user(name, (const char __user *)arg2, sizeof(name) - 1);
		if (n < 0)
			return -EFAULT;
		name[n] = 0;
		memcpy(me->comm, name, sizeof(name));
		return 0;
	}
	case PR_GET_NAME:
		memcpy(name, me->comm, sizeof(name));
		name[sizeof(name) - 1] = 0;
		return copy_to_user((char __user *)arg2, name, sizeof(name)) ? -EFAULT : 0;
	case PR_GET_SECCOMP:
		return 0;	/* no seccomp filter: mode 0 */
	case PR_CAPBSET_READ:
		if (arg2 > CAP_LAST_CAP)
			return -EINVAL;
		return 1;	/* [LINUX-DIFF] no capability sets: every capability is in the bounding set */
	case PR_SET_TIMERSLACK:
		me->timer_slack_ns = (long)arg2 <= 0 ? 50000 : arg2;
		return 0;
	case PR_GET_TIMERSLACK:
		return (long)me->timer_slack_ns;
	case PR_SET_CHILD_SUBREAPER:
		spin_lock_irqsave(&tasklist_lock, flags);
		me->is_child_subreaper = arg2 != 0;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)me->is_child_subreaper, (int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		me->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return me->no_new_privs;
	case PR_GET_TID_ADDRESS:
		return put_user((unsigned long)me->clear_child_tid, (unsigned long __user *)arg2);
	default:
		pr_info_once("%s[%d]: prctl option %d not supported\n", me->comm, me->pid, option);
		return -EINVAL;
	}
}
