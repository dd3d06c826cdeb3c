/* Small system calls about the calling process and the machine. */
#include <linux/kernel.h>
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

long sys_sysinfo(struct sysinfo __user *uinfo)
{
	struct sysinfo si;
	memset(&si, 0, sizeof(si));
	si.uptime = (long)(ktime_get_ns() / NSEC_PER_SEC);
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.procs = (unsigned short)atomic_read(&nr_threads);
	si.mem_unit = PAGE_SIZE;
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

#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)
#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_SIGPENDING 11

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

/* [LINUX-DIFF] One set of limits for the whole system until processes carry
 * a signal_struct; the values are Linux's defaults. rlimit_lock guards it. */
static struct rlimit64 rlimits[RLIM_NLIMITS] = {
	[0] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_CPU */
	[1] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_FSIZE */
	[2] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_DATA */
	[5] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_RSS */
	[9] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_AS */
	[10] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_LOCKS */
	[15] = { RLIM_INFINITY, RLIM_INFINITY },	/* RLIMIT_RTTIME */
	[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },
	[4] = { 0, RLIM_INFINITY },			/* RLIMIT_CORE */
	[RLIMIT_NPROC] = { 63536, 63536 },
	[RLIMIT_NOFILE] = { 1024, 1048576 },
	[8] = { 8UL << 20, 8UL << 20 },			/* RLIMIT_MEMLOCK */
	[RLIMIT_SIGPENDING] = { 63536, 63536 },
	[12] = { 819200, 819200 },			/* RLIMIT_MSGQUEUE */
	[13] = { 0, 0 },				/* RLIMIT_NICE */
	[14] = { 0, 0 },				/* RLIMIT_RTPRIO */
};
static DEFINE_SPINLOCK(rlimit_lock);

/* The soft limit of resource for the calling task (RLIMIT_NOFILE...). */
unsigned long rlimit(unsigned int resource)
{
	return resource < RLIM_NLIMITS ? READ_ONCE(rlimits[resource].rlim_cur) : RLIM_INFINITY;
}

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct rlimit64 new, old;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->tgid)
		return -ESRCH;	/* [LINUX-DIFF] only the caller's own limits for now */
	if (new_rlim) {
		if (copy_from_user(&new, new_rlim, sizeof(new)))
			return -EFAULT;
		if (new.rlim_cur > new.rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new.rlim_max > 1048576)
			return -EPERM;
	}
	spin_lock(&rlimit_lock);
	old = rlimits[resource];
	if (new_rlim)
		rlimits[resource] = new;
	spin_unlock(&rlimit_lock);
	if (old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit64 __user *rlim)
{
	return sys_prlimit64(0, resource, NULL, rlim);
}

long sys_setrlimit(unsigned int resource, const struct rlimit64 __user *rlim)
{
	if (!rlim)
		return -EFAULT;
	return sys_prlimit64(0, resource, rlim, NULL);
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
