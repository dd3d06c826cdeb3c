/* struct task_struct and the scheduler interface (seed concepts: task_struct,
 * `current`, process states, the scheduler).
 *
 * Lock legend for the fields below:
 *   [r] the lock of the run queue the task is on (rq->lock, irqsave)
 *   [p] task->pi_lock (irqsave): serialises wakeups of this task
 *   [t] tasklist_lock: the process tree and the global task list
 *   [c] only the task itself (current) touches it
 *   [i] set before the task first runs, then read-only
 *   [a] atomic
 *   [s] signal_lock (irqsave, kernel/signal.c): pending and blocked signals, actions
 * Lock order: task->pi_lock -> rq->lock -> (timer base lock). */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <asm/percpu.h>
#include <linux/signal_types.h>
#include <linux/timer.h>

/* __state values (the seeds' state machine). */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define __TASK_TRACED 0x0008
#define TASK_WAKEKILL 0x0100	/* SIGKILL wakes it (with __TASK_STOPPED: a stopped task) */
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)	/* job-control stop (SIGSTOP...) */
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_DEAD 0x0080
#define TASK_NEW 0x0800
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* exit_state values */
#define EXIT_ZOMBIE 0x0020
#define EXIT_DEAD 0x0010

#define TASK_COMM_LEN 16
#define THREAD_SIZE (16 * 1024)
#define MAX_SCHEDULE_TIMEOUT LONG_MAX

/* Task flags */
#define PF_KTHREAD 0x00200000
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004

/* thread-info flags (task->ti_flags) */
#define TIF_NEED_RESCHED 3
#define TIF_SIGPENDING 2

struct mm_struct;
struct files_struct;
struct fs_struct;
struct signal_struct;
struct sighand_struct;
struct cred;
struct sched_class;

/* A system call to redo after a signal without handler (restart_syscall(2)):
 * -ERESTART_RESTARTBLOCK leaves its state here. */
struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {
			int clockid;
			u64 expires;	/* absolute ns on that clock */
			void __user *rmtp;
		} nanosleep;
		struct {			/* fs/select.c */
			void __user *ufds;
			unsigned int nfds;
			bool forever;		/* no timeout */
			u64 expires;		/* else: CLOCK_MONOTONIC ns */
		} poll;
	};
};

/* One resource limit (struct rlimit64 of prlimit64(2)). */
struct rlimit64 {
	u64 rlim_cur, rlim_max;
};
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0ULL)
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_CORE 4
#define RLIMIT_NOFILE 7
#define RLIMIT_SIGPENDING 11

/* Interval timers of setitimer(2). ITIMER_REAL is a kernel timer; VIRTUAL
 * and PROF count down in the tick (kernel/time/itimer.c). */
struct cpu_itimer {
	u64 expires;	/* ns of CPU time left, 0: off */
	u64 incr;	/* reload, ns */
};

struct sched_entity {
	u64 vruntime;		/* [r] weighted ns of CPU received */
	u64 exec_start;		/* [r] when it last started running (ns) */
	u64 sum_exec_runtime;	/* [r] total ns on CPU */
	u64 slice_start;	/* [r] sum_exec_runtime when this slice began */
	unsigned long weight;	/* [r] load weight from nice (1024 at nice 0) */
	struct list_head run_node;	/* [r] place in cfs_rq.tasks, by vruntime */
};

struct thread_struct {
	unsigned long sp;	/* [c] kernel rsp while switched out */
	unsigned long fsbase;	/* [c] user FS base (TLS) */
	unsigned long gsbase;	/* [c] user GS base */
	void *fpu_state;	/* [c] XSAVE/FXSAVE area, NULL for kernel threads */
};

struct task_struct {
	struct thread_struct thread;	/* first: the switch code finds thread.sp at offset 0 */
	unsigned long ti_flags;		/* [a] TIF_* */
	volatile long __state;		/* [p][r] TASK_* */
	void *stack;			/* [i] base of the THREAD_SIZE kernel stack */
	atomic_t usage;			/* [a] references; freed at 0 */
	unsigned int flags;		/* [c] PF_* */

	int on_rq;			/* [r] queued on a run queue */
	int on_cpu;			/* [r] running now (or switching out) */
	int sched_contributes_to_load;	/* [r] asleep in D state, counted in rq->nr_uninterruptible */
	int cpu;			/* [p][r] CPU whose run queue has it */
	int prio, static_prio;		/* [r] 100 + 20 + nice for normal tasks */
	unsigned int policy;		/* [r] SCHED_NORMAL ... */
	unsigned int rt_priority;	/* [r] 1..99 for SCHED_FIFO/RR, else 0 */
	const struct sched_class *sched_class;	/* [r] */
	struct sched_entity se;		/* [r] */
	unsigned long cpus_mask;	/* [p] CPUs it may run on */

	pid_t pid;			/* [i] */
	pid_t tgid;			/* [i] */
	pid_t pgrp;			/* [t] process group */
	pid_t session;			/* [t] session */
	bool did_exec;			/* [t] for setpgid's EACCES rule */
	char comm[TASK_COMM_LEN];	/* [c] executable name */
	struct task_struct *real_parent;	/* [t] */
	struct task_struct *parent;	/* [t] */
	struct list_head children;	/* [t] */
	struct list_head sibling;	/* [t] entry in parent's children */
	struct list_head tasks;		/* [t] entry in the global task list */

	int exit_state;			/* [t] EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;			/* [t] wait status */
	int exit_signal;		/* [i] signal to the parent (SIGCHLD) */

	struct mm_struct *mm;		/* [c] user address space, NULL for kthreads */
	struct mm_struct *active_mm;	/* [r] the mm whose page tables are loaded */
	struct files_struct *files;	/* [c] */
	struct fs_struct *fs;		/* [c] */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	struct cred cred;		/* [c] copied at fork */
	int __user *clear_child_tid;	/* [c] set_tid_address */

	/* CPU time (seed concept: accounting). The tick samples where it
	 * finds the task (user or kernel mode); task_cputime_adjusted() splits
	 * the exact sum_exec_runtime in that ratio, as Linux does. */
	u64 utime, stime;		/* [tick] ns sampled in user / kernel mode (only the tick of the task's CPU writes) */
	u64 prev_utime, prev_stime;	/* [p] last adjusted values: reports never go backwards */
	u64 cutime, cstime;		/* [t] adjusted times of reaped children (and theirs) */
	unsigned long min_flt, maj_flt;	/* [c] page faults resolved without / with I/O */
	unsigned long cmin_flt, cmaj_flt;	/* [t] those of reaped children */
	unsigned long maxrss, cmaxrss;	/* [t] peak resident pages seen (own, largest reaped child) */
	u64 start_time;			/* [i] ns since boot */
	unsigned long nvcsw, nivcsw;	/* [r] voluntary / involuntary switches */
	unsigned long cnvcsw, cnivcsw;	/* [t] those of reaped children */

	struct restart_block restart_block;	/* [c] */
	/* prctl(2) state */
	int pdeath_signal;		/* [t] sent to us when our parent exits; 0 at fork */
	bool is_child_subreaper;	/* [t] orphaned descendants come to us, not init */
	bool no_new_privs;		/* [c] inherited, never cleared */
	bool keep_caps;			/* [c] */
	u8 dumpable;			/* [c] 1: core dumps allowed (SUID_DUMP_USER), 0: not */
	unsigned long timer_slack_ns;	/* [c] */
	struct rlimit64 rlim[RLIM_NLIMITS];	/* [rl] rlimit_lock (kernel/sys.c); copied at fork */
	/* Interval timers [it] itimer_lock (kernel/time/itimer.c); not
	 * inherited by fork, kept by exec. */
	struct timer_list real_timer;	/* ITIMER_REAL: fires SIGALRM */
	u64 it_real_expires;		/* [it] CLOCK_MONOTONIC ns, 0: off */
	u64 it_real_incr;		/* [it] reload, ns */
	struct cpu_itimer it[2];	/* [it] ITIMER_VIRTUAL, ITIMER_PROF */

	spinlock_t pi_lock;

	/* kernel threads */
	int (*kthread_fn)(void *data);	/* [i] */
	void *kthread_data;		/* [i] */
	bool kthread_should_stop;	/* [a] */
	int kthread_result;		/* [c] */
	struct completion kthread_exited;
	struct task_signals *signals;	/* [s] NULL for kernel threads (kernel/signal.c) */
	struct completion vfork_done;	/* completed when a vfork child execs or exits */
	wait_queue_head_t wait_chldexit;	/* the parent sleeps here in wait4 */
};

extern struct task_struct init_task;
extern spinlock_t tasklist_lock;
extern struct list_head task_list;	/* [t] every task */
extern atomic_t nr_threads;		/* tasks alive (not yet freed) */

static inline void set_tsk_need_resched(struct task_struct *t) { set_bit(TIF_NEED_RESCHED, &t->ti_flags); }
static inline void clear_tsk_need_resched(struct task_struct *t) { clear_bit(TIF_NEED_RESCHED, &t->ti_flags); }
static inline bool test_tsk_need_resched(struct task_struct *t) { return test_bit(TIF_NEED_RESCHED, &t->ti_flags); }
static inline bool need_resched(void) { return test_tsk_need_resched(current); }
static inline bool signal_pending(struct task_struct *t) { return test_bit(TIF_SIGPENDING, &t->ti_flags); }

#define set_current_state(s) do { WRITE_ONCE(current->__state, (s)); smp_mb(); } while (0)
#define __set_current_state(s) WRITE_ONCE(current->__state, (s))

static inline void get_task_struct(struct task_struct *t) { atomic_inc(&t->usage); }
void put_task_struct(struct task_struct *t);

/* kernel/sched/core.c */
void schedule(void);
void preempt_schedule(void);
void preempt_schedule_irq(void);
void scheduler_tick(void);
void scheduler_ipi(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
void sched_fork(struct task_struct *p);
void cond_resched(void);
void yield(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
struct task_struct *fork_idle(int cpu);
__attribute__((noreturn)) void cpu_startup_entry(void);
void set_user_nice(struct task_struct *p, long nice);
/* kernel/sched/core.c: policy and RT priority, already checked. */
void sched_set_policy(struct task_struct *p, unsigned int policy, unsigned int rt_priority);
u64 sched_nr_switches(int cpu);
unsigned int sched_nr_running(int cpu);
void might_sleep_check(const char *file, int line);
#define might_sleep() might_sleep_check(__FILE__, __LINE__)

/* kernel/fork.c */
struct task_struct *alloc_task_struct(void);
struct task_struct *create_kernel_thread(int (*fn)(void *), void *arg, const char *name);
/* kernel/exit.c */
__attribute__((noreturn)) void do_exit(long code);
extern struct task_struct *child_reaper;	/* init */
/* kernel/sys.c: CPU time with the tick's user/system split applied. */
void task_cputime_adjusted(struct task_struct *t, u64 *ut, u64 *st);
/* kernel/sys.c: @t's current soft limit (t = current, or tasklist_lock held). */
u64 task_rlimit(struct task_struct *t, unsigned int resource);
/* kernel/time/itimer.c */
void account_process_tick(struct task_struct *p, bool user);
void itimers_exit(struct task_struct *t);
void itimer_init_task(struct task_struct *p);
/* kernel/sys.c */
void rlimits_init(struct task_struct *t);
void rlimits_fork(struct task_struct *child, struct task_struct *parent);
void rlimit_cpu_tick(struct task_struct *t, u64 secs, int *sig);
/* kernel/sched/loadavg.c */
extern unsigned long avenrun[3];	/* load averages, FSHIFT fixed point */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
void calc_global_load(void);
long do_no_restart_syscall(struct restart_block *rb);
struct task_struct *find_task_by_vpid(pid_t pid);	/* tasklist_lock held */
/* kernel/sys.c: the caller's soft resource limit (Linux's rlimit()) */
unsigned long rlimit(unsigned int resource);
/* kernel/pid.c */
pid_t alloc_pid(void);
void free_pid(pid_t pid);
extern int pid_max;

/* arch/x86/kernel/process_64.c */
void copy_thread_kernel(struct task_struct *p, int (*fn)(void *), void *arg);
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void __switch_to(struct task_struct *prev, struct task_struct *next);
void sched_cpu_starting(struct task_struct *idle);
void arch_switch_mm(struct task_struct *prev, struct task_struct *next);
void schedule_tail(struct task_struct *prev);
#endif
