/* poll, ppoll, select, pselect6: wait until one of many files is ready.
 * Seed concept: "sleeping and waking" (one task on many wait queues).
 *
 * Each call loops: ask every file's ->poll for its mask; on the first pass
 * each ->poll also hangs an entry of ours on its wait queues (poll_wait ->
 * __pollwait). If nothing is ready, sleep until an entry's wakeup sets
 * pwq->triggered, a signal arrives or the deadline passes, then ask again.
 * After the loop every entry comes off its queue (poll_freewait). Entries
 * hold a reference to their file, so a queue cannot be freed (the last
 * close of a pipe) while we hang on it.
 *
 * Timeouts are kept as an absolute monotonic deadline; the sleep itself is
 * in jiffies (HZ=100), rounded up, so a wait never ends early. As Linux,
 * select, pselect6 and ppoll write the time left back to the caller. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/gfp.h>

#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_JIFFY (NSEC_PER_SEC / HZ)

/* ---- the poll table: our entries on the files' wait queues ---- */

struct poll_wqueues;

struct poll_table_entry {
	struct file *filp;		/* a reference: keeps the queue alive */
	unsigned int key;		/* events this entry wakes for */
	wait_queue_entry_t wait;
	wait_queue_head_t *wait_address;
	struct poll_wqueues *pwq;
};

/* More entries than fit inline go in pages, chained. */
struct poll_table_page {
	struct poll_table_page *next;
	unsigned int used;
	struct poll_table_entry entries[];
};
#define POLL_PAGE_ENTRIES ((PAGE_SIZE - sizeof(struct poll_table_page)) / sizeof(struct poll_table_entry))
#define N_INLINE_POLL_ENTRIES 8

/* Only the polling task touches this, except triggered (set by wakeups,
 * cleared by the poller; ordered by the barriers in pollwake and
 * poll_schedule_timeout). */
struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	int triggered;
	int error;			/* -ENOMEM if an entry could not be had */
	unsigned int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

static int pollwake(wait_queue_entry_t *wait, unsigned int mode, void *key)
{
	struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);
	/* A wakeup that names its events skips pollers not waiting for them. */
	if (key && !((unsigned long)key & entry->key))
		return 0;
	WRITE_ONCE(entry->pwq->triggered, 1);
	smp_mb();	/* triggered is seen by the poller before it is woken */
	return default_wake_function(wait, mode, key);
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return &p->inline_entries[p->inline_index++];
	struct poll_table_page *table = p->table;
	if (!table || table->used == POLL_PAGE_ENTRIES) {
		struct poll_table_page *page = (void *)__get_free_page(GFP_KERNEL);
		if (!page) {
			p->error = -ENOMEM;
			return NULL;
		}
		page->used = 0;
		page->next = table;
		p->table = table = page;
	}
	return &table->entries[table->used++];
}

/* poll_wait()'s callback while the poller is collecting queues. */
static void __pollwait(struct file *filp, wait_queue_head_t *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);
	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wq;
	entry->key = pt->_key;
	entry->pwq = pwq;
	entry->wait.flags = 0;
	entry->wait.private = pwq->polling_task;
	entry->wait.func = pollwake;
	INIT_LIST_HEAD(&entry->wait.entry);
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->pt._key = ~0u;
	pwq->table = NULL;
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	for (unsigned int i = 0; i < pwq->inline_index; i++)
		free_poll_entry(&pwq->inline_entries[i]);
	struct poll_table_page *p = pwq->table;
	while (p) {
		for (unsigned int i = 0; i < p->used; i++)
			free_poll_entry(&p->entries[i]);
		struct poll_table_page *next = p->next;
		free_page((unsigned long)p);
		p = next;
	}
}

unsigned int vfs_poll(struct file *f, poll_table *pt)
{
	if (!f->f_op || !f->f_op->poll)
		return DEFAULT_POLLMASK;
	return f->f_op->poll(f, pt);
}

/* ---- deadlines ---- */

/* forever: no timeout. Otherwise end is the monotonic deadline; zero
 * means "do not wait at all" (a zero timeout). */
struct poll_deadline {
	bool forever;
	bool zero;
	u64 end;
};

static int set_deadline(struct poll_deadline *d, s64 sec, s64 nsec)
{
	d->forever = false;
	d->zero = false;
	if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	if (!sec && !nsec) {
		d->zero = true;
		d->end = 0;
		return 0;
	}
	u64 now = ktime_get_ns();
	/* Saturate as Linux does: a timeout of centuries is forever. */
	if ((u64)sec >= (~0ULL - now) / NSEC_PER_SEC - 1) {
		d->forever = true;
		return 0;
	}
	d->end = now + (u64)sec * NSEC_PER_SEC + (u64)nsec;
	return 0;
}

static void set_deadline_forever(struct poll_deadline *d)
{
	d->forever = true;
	d->zero = false;
	d->end = 0;
}

/* Sleep until a wakeup, a signal or the deadline. False once the deadline
 * has passed. */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, const struct poll_deadline *d)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;
	if (!d->forever) {
		u64 now = ktime_get_ns();
		if (d->zero || now >= d->end)
			return false;
		timeout = (long)((d->end - now + NSEC_PER_JIFFY - 1) / NSEC_PER_JIFFY);
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pwq->triggered))
		schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, 0);
	smp_mb();	/* cleared before the files are asked again */
	return d->forever || ktime_get_ns() < d->end;
}

enum poll_time_type { PT_TIMEVAL, PT_TIMESPEC };

struct __kernel_old_timeval {	/* select's timeval */
	s64 tv_sec;
	s64 tv_usec;
};
struct __kernel_timespec {
	s64 tv_sec;
	s64 tv_nsec;
};

/* Every call ends here: the caller's signal mask comes back (unless a
 * signal interrupted us: then its handler's frame restores it), and the
 * time left goes back to user space. A timeout in read-only memory cannot
 * be updated: then the call must not be restarted either (EINTR). */
static long poll_select_finish(const struct poll_deadline *d, void __user *p,
			       enum poll_time_type type, long ret)
{
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!p || d->forever || d->zero)
		return ret;
	u64 now = ktime_get_ns(), left = now < d->end ? d->end - now : 0;
	s64 sec = (s64)(left / NSEC_PER_SEC), nsec = (s64)(left % NSEC_PER_SEC);
	unsigned long err;
	if (type == PT_TIMEVAL) {
		struct __kernel_old_timeval tv = { sec, nsec / 1000 };
		err = copy_to_user(p, &tv, sizeof(tv));
	} else {
		struct __kernel_timespec ts = { sec, nsec };
		err = copy_to_user(p, &ts, sizeof(ts));
	}
	if (err && ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

/* ---- poll ---- */

static unsigned int do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	unsigned int mask = 0;
	if (pfd->fd >= 0) {
		struct file *f = fget(pfd->fd);
		mask = POLLNVAL;
		if (f) {
			/* POLLERR and POLLHUP are always reported. */
			unsigned int filter = (unsigned short)pfd->events | POLLERR | POLLHUP;
			pt->_key = filter;
			mask = vfs_poll(f, pt) & filter;
			fput(f);
		}
	}
	pfd->revents = (short)mask;
	return mask;
}

static long do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait,
		    const struct poll_deadline *d)
{
	poll_table *pt = &wait->pt;
	bool timed_out = false;
	long count;

	if (d->zero) {
		pt->_qproc = NULL;	/* never sleeps: no need to queue */
		timed_out = true;
	}
	for (;;) {
		count = 0;
		for (unsigned int i = 0; i < nfds; i++) {
			if (do_pollfd(&fds[i], pt)) {
				count++;
				pt->_qproc = NULL;	/* we will not sleep now */
			}
		}
		pt->_qproc = NULL;	/* queued once, on the first pass */
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -ERESTARTNOHAND;
		}
		if (count || timed_out)
			break;
		if (!poll_schedule_timeout(wait, d))
			timed_out = true;
	}
	return count;
}

static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, const struct poll_deadline *d)
{
	struct poll_wqueues table;
	struct pollfd stack_fds[32], *fds = stack_fds;
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds > ARRAY_SIZE(stack_fds)) {
		fds = size <= PAGE_SIZE * 4 ? kmalloc(size, GFP_KERNEL) : vmalloc(size);
		if (!fds)
			return -ENOMEM;
	}
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, size))
		goto out;
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, d);
	poll_freewait(&table);
	if (ret < 0)
		goto out;
	/* Only revents goes back: events may be in memory we must not touch
	 * differently, as Linux. */
	for (unsigned int i = 0; i < nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			goto out;
		}
	}
out:
	if (fds != stack_fds) {
		if (size <= PAGE_SIZE * 4)
			kfree(fds);
		else
			vfree(fds);
	}
	return ret;
}

/* poll's timeout is not written back, so a poll interrupted by a signal
 * without a handler (a stop and continue) goes on through restart_syscall(2)
 * to the same deadline rather than starting its timeout again. */
static long poll_interrupted(struct restart_block *rb, long ret);

static long do_restart_poll(struct restart_block *rb)
{
	struct poll_deadline d = { .forever = rb->poll.forever, .zero = false, .end = rb->poll.expires };
	return poll_interrupted(rb, do_sys_poll(rb->poll.ufds, rb->poll.nfds, &d));
}

static long poll_interrupted(struct restart_block *rb, long ret)
{
	if (ret != -ERESTARTNOHAND)
		return ret;
	rb->fn = do_restart_poll;
	return -ERESTART_RESTARTBLOCK;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	struct poll_deadline d;
	if (timeout_msecs >= 0)
		set_deadline(&d, timeout_msecs / 1000, (s64)(timeout_msecs % 1000) * 1000000);
	else
		set_deadline_forever(&d);
	long ret = do_sys_poll(ufds, nfds, &d);
	if (ret != -ERESTARTNOHAND)
		return ret;
	struct restart_block *rb = &current->restart_block;
	rb->poll.ufds = ufds;
	rb->poll.nfds = nfds;
	rb->poll.forever = d.forever;
	rb->poll.expires = d.end;	/* a zero timeout: already passed */
	return poll_interrupted(rb, ret);
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct __kernel_timespec __user *tsp,
	       const u64 __user *sigmask, size_t sigsetsize)
{
	struct poll_deadline d;
	long ret;

	set_deadline_forever(&d);
	if (tsp) {
		struct __kernel_timespec ts;
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		if (set_deadline(&d, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, &d);
	return poll_select_finish(&d, tsp, PT_TIMESPEC, ret);
}

/* ---- select ---- */

/* The six bitmaps of one select: what the caller asks, what we answer. */
struct fd_sets {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static inline bool fd_bit(const unsigned long *set, unsigned int fd)
{
	return set[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static inline void set_fd_bit(unsigned long *set, unsigned int fd)
{
	set[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

/* Every fd named in a set must be open (EBADF otherwise). */
static int check_select_fds(unsigned int n, const struct fd_sets *fds)
{
	for (unsigned int fd = 0; fd < n; fd++) {
		if (!fd_bit(fds->in, fd) && !fd_bit(fds->out, fd) && !fd_bit(fds->ex, fd))
			continue;
		struct file *f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return 0;
}

static long do_select(unsigned int n, struct fd_sets *fds, const struct poll_deadline *d)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	bool timed_out = false;
	long retval;

	retval = check_select_fds(n, fds);
	if (retval)
		return retval;
	poll_initwait(&table);
	if (d->zero) {
		pt->_qproc = NULL;
		timed_out = true;
	}
	for (;;) {
		retval = 0;
		for (unsigned int fd = 0; fd < n; fd++) {
			bool in = fd_bit(fds->in, fd), out = fd_bit(fds->out, fd), ex = fd_bit(fds->ex, fd);
			if (!in && !out && !ex)
				continue;
			struct file *f = fget(fd);
			if (!f)
				continue;	/* closed by another thread since the check */
			pt->_key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) | (ex ? POLLEX_SET : 0);
			unsigned int mask = vfs_poll(f, pt);
			fput(f);
			if (in && (mask & POLLIN_SET)) {
				set_fd_bit(fds->res_in, fd);
				retval++;
				pt->_qproc = NULL;
			}
			if (out && (mask & POLLOUT_SET)) {
				set_fd_bit(fds->res_out, fd);
				retval++;
				pt->_qproc = NULL;
			}
			if (ex && (mask & POLLEX_SET)) {
				set_fd_bit(fds->res_ex, fd);
				retval++;
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;
		if (retval || timed_out)
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (signal_pending(current)) {
			retval = -ERESTARTNOHAND;
			break;
		}
		if (!poll_schedule_timeout(&table, d))
			timed_out = true;
	}
	poll_freewait(&table);
	return retval;
}

/* The size of the caller's fd table: select looks no further (as Linux,
 * which clamps n to it rather than failing). */
static unsigned int current_max_fds(void)
{
	struct files_struct *files = current->files;
	unsigned int max;
	spin_lock(&files->file_lock);
	max = files->fdt.max_fds;
	spin_unlock(&files->file_lock);
	return max;
}

static long core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			    unsigned long __user *exp, const struct poll_deadline *d)
{
	unsigned long stack_bits[6 * 4];	/* 6 sets of 256 fds */
	unsigned long *bits = stack_bits;
	struct fd_sets fds;
	long ret;

	if (n < 0)
		return -EINVAL;
	unsigned int max = current_max_fds();
	if ((unsigned int)n > max)
		n = (int)max;
	size_t words = BITS_TO_LONGS((unsigned int)n), size = words * sizeof(long);
	bool big = 6 * size > 4 * PAGE_SIZE;	/* up to 6 x 128 KiB for 1M fds */
	if (6 * words > ARRAY_SIZE(stack_bits)) {
		bits = big ? vmalloc(6 * size) : kmalloc(6 * size, GFP_KERNEL);
		if (!bits)
			return -ENOMEM;
	}
	fds.in = bits;
	fds.out = bits + words;
	fds.ex = bits + 2 * words;
	fds.res_in = bits + 3 * words;
	fds.res_out = bits + 4 * words;
	fds.res_ex = bits + 5 * words;
	memset(bits, 0, 6 * size);
	ret = -EFAULT;
	/* Bits at n and above in the last word are not ours to look at. */
	if ((inp && copy_from_user(fds.in, inp, size)) ||
	    (outp && copy_from_user(fds.out, outp, size)) ||
	    (exp && copy_from_user(fds.ex, exp, size)))
		goto out;
	if (n % BITS_PER_LONG) {
		unsigned long keep = (1UL << (n % BITS_PER_LONG)) - 1;
		fds.in[words - 1] &= keep;
		fds.out[words - 1] &= keep;
		fds.ex[words - 1] &= keep;
	}
	ret = do_select((unsigned int)n, &fds, d);
	if (ret < 0)
		goto out;
	if (!ret) {
		ret = -ERESTARTNOHAND;
		if (signal_pending(current))
			goto out;
		ret = 0;
	}
	if ((inp && copy_to_user(inp, fds.res_in, size)) ||
	    (outp && copy_to_user(outp, fds.res_out, size)) ||
	    (exp && copy_to_user(exp, fds.res_ex, size)))
		ret = -EFAULT;
out:
	if (bits != stack_bits) {
		if (big)
			vfree(bits);
		else
			kfree(bits);
	}
	return ret;
}

long sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		unsigned long __user *exp, struct __kernel_old_timeval __user *tvp)
{
	struct poll_deadline d;

	set_deadline_forever(&d);
	if (tvp) {
		struct __kernel_old_timeval tv;
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* Linux accepts tv_usec of a second or more and carries it. */
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		s64 sec = tv.tv_sec + tv.tv_usec / 1000000;
		if (sec < tv.tv_sec)
			sec = tv.tv_sec;	/* overflow: forever enough */
		if (set_deadline(&d, sec, (tv.tv_usec % 1000000) * 1000))
			return -EINVAL;
	}
	return poll_select_finish(&d, tvp, PT_TIMEVAL, core_sys_select(n, inp, outp, exp, &d));
}

/* pselect6's sixth argument: where the mask is and how big it is. */
struct sigset_argpack {
	const u64 __user *p;
	size_t size;
};

long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct __kernel_timespec __user *tsp, void __user *sig)
{
	struct poll_deadline d;
	struct sigset_argpack pack = { NULL, 0 };
	long ret;

	set_deadline_forever(&d);
	if (tsp) {
		struct __kernel_timespec ts;
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		if (set_deadline(&d, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, &d);
	return poll_select_finish(&d, tsp, PT_TIMESPEC, ret);
}
