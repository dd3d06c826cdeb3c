/* File locks. Seed concept: "file locking".
 *
 * POSIX record locks (fcntl F_GETLK/F_SETLK/F_SETLKW) lock byte ranges and
 * belong to a process (fl_pid = its tgid): a process never conflicts with
 * itself, a new lock replaces its own old ones on the range (splitting and
 * merging them), closing ANY fd of the file drops all of the process's
 * locks on it, and so does exit. fork does not inherit them.
 * BSD locks (flock(2)) lock the whole file and belong to the open file
 * description (fl_file): fds made by dup or fork share them, and they go at
 * the last fput. The two kinds do not see each other, as on Linux.
 *
 * Locking: one global spinlock, file_lock_lock, protects every inode's
 * i_flctx pointer and lists, the list of all contexts (for exit) and the
 * list of blocked POSIX waiters (for deadlock detection). [LINUX-DIFF]
 * Linux has a spinlock per context plus a global one for the blocked
 * graph; lock calls are rare enough here for one lock. Waiters sleep on one
 * wait queue and re-check after any change (lock_generation moved), so no
 * wake-up is lost between dropping the lock and sleeping. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>

#define OFFSET_MAX ((loff_t)LONG_MAX)	/* "to the end of the file, however far" */

struct file_lock {
	struct list_head fl_list;	/* [file_lock_lock] in flc_posix or flc_flock */
	int fl_type;			/* F_RDLCK or F_WRLCK */
	pid_t fl_pid;			/* POSIX: the owning process */
	struct file *fl_file;		/* flock: the owning open file description */
	loff_t fl_start, fl_end;	/* POSIX: inclusive byte range */
};

struct file_lock_context {
	struct list_head flc_posix;	/* [file_lock_lock] record locks, any order */
	struct list_head flc_flock;	/* [file_lock_lock] flock locks */
	struct list_head flc_all;	/* [file_lock_lock] on lock_contexts */
};

/* A process asleep in F_SETLKW, and whose lock it waits for. */
struct lock_waiter {
	struct list_head list;		/* [file_lock_lock] on blocked_list */
	pid_t waiter, blocker;
};

static DEFINE_SPINLOCK(file_lock_lock);
static LIST_HEAD(lock_contexts);	/* [file_lock_lock] every live context */
static LIST_HEAD(blocked_list);		/* [file_lock_lock] */
static unsigned long lock_generation;	/* [file_lock_lock] bumped on every release */
static DECLARE_WAIT_QUEUE_HEAD(file_lock_wait);

/* Called under file_lock_lock after locks went away or shrank. */
static void locks_changed(void)
{
	lock_generation++;
}

static void locks_wake(void)
{
	wake_up_all(&file_lock_wait);
}

static bool generation_moved(unsigned long seen)
{
	spin_lock(&file_lock_lock);
	bool moved = lock_generation != seen;
	spin_unlock(&file_lock_lock);
	return moved;
}

/* The inode's context, made on first use. */
static struct file_lock_context *get_ctx(struct inode *inode)
{
	spin_lock(&file_lock_lock);
	struct file_lock_context *ctx = inode->i_flctx;
	spin_unlock(&file_lock_lock);
	if (ctx)
		return ctx;
	struct file_lock_context *n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return NULL;
	INIT_LIST_HEAD(&n->flc_posix);
	INIT_LIST_HEAD(&n->flc_flock);
	spin_lock(&file_lock_lock);
	ctx = inode->i_flctx;
	if (!ctx) {
		ctx = inode->i_flctx = n;
		list_add(&n->flc_all, &lock_contexts);
		n = NULL;
	}
	spin_unlock(&file_lock_lock);
	kfree(n);
	return ctx;
}

void locks_free_lock_context(struct inode *inode)
{
	struct file_lock_context *ctx = inode->i_flctx;
	if (!ctx)
		return;
	spin_lock(&file_lock_lock);
	list_del(&ctx->flc_all);
	inode->i_flctx = NULL;
	spin_unlock(&file_lock_lock);
	/* No file is open on a dying inode, so no lock can be left; be safe. */
	struct file_lock *fl, *t;
	list_for_each_entry_safe(fl, t, &ctx->flc_posix, fl_list)
		kfree(fl);
	list_for_each_entry_safe(fl, t, &ctx->flc_flock, fl_list)
		kfree(fl);
	kfree(ctx);
}

/* ---- POSIX record locks ---- */

static bool overlap(const struct file_lock *a, loff_t start, loff_t end)
{
	return a->fl_start <= end && start <= a->fl_end;
}

/* Another process's lock that stands in the way of @type on [start, end]. */
static struct file_lock *posix_conflict(struct file_lock_context *ctx, pid_t owner, int type,
					loff_t start, loff_t end)
{
	struct file_lock *fl;
	list_for_each_entry(fl, &ctx->flc_posix, fl_list) {
		if (fl->fl_pid == owner || !overlap(fl, start, end))
			continue;
		if (fl->fl_type == F_WRLCK || type == F_WRLCK)
			return fl;
	}
	return NULL;
}

/* Would @owner waiting for @blocker close a cycle? Follow who waits for
 * whom from @blocker; a cycle back to @owner is a deadlock. The walk is
 * bounded: each process waits for at most one lock. */
static bool posix_deadlock(pid_t owner, pid_t blocker)
{
	for (int depth = 0; depth < 64; depth++) {
		if (blocker == owner)
			return true;
		struct lock_waiter *w;
		bool found = false;
		list_for_each_entry(w, &blocked_list, list) {
			if (w->waiter == blocker) {
				blocker = w->blocker;
				found = true;
				break;
			}
		}
		if (!found)
			return false;
	}
	return false;
}

/* Make @owner's locks on [start, end] be @type (F_UNLCK: none), under
 * file_lock_lock with no conflict left. Same-type neighbours and overlaps
 * are merged into one lock; other-type locks are trimmed or split around
 * the range. Uses at most the two preallocated locks in @spare. */
static void posix_apply(struct file_lock_context *ctx, pid_t owner, int type, loff_t start,
			loff_t end, struct file_lock **spare)
{
	struct file_lock *fl, *t;
	bool released = false;
	list_for_each_entry_safe(fl, t, &ctx->flc_posix, fl_list) {
		if (fl->fl_pid != owner)
			continue;
		if (fl->fl_type == type) {
			/* Disjoint and not touching: leave it. */
			if ((fl->fl_end != OFFSET_MAX && fl->fl_end + 1 < start) ||
			    (end != OFFSET_MAX && end + 1 < fl->fl_start))
				continue;
			if (fl->fl_start < start)
				start = fl->fl_start;
			if (fl->fl_end > end)
				end = fl->fl_end;
			list_del(&fl->fl_list);
			kfree(fl);
			continue;
		}
		if (!overlap(fl, start, end))
			continue;
		released = true;
		if (fl->fl_start < start && fl->fl_end > end) {
			struct file_lock *tail = spare[1];
			spare[1] = NULL;
			*tail = *fl;
			tail->fl_start = end + 1;
			list_add(&tail->fl_list, &ctx->flc_posix);
			fl->fl_end = start - 1;
		} else if (fl->fl_start < start) {
			fl->fl_end = start - 1;
		} else if (fl->fl_end > end) {
			fl->fl_start = end + 1;
		} else {
			list_del(&fl->fl_list);
			kfree(fl);
		}
	}
	if (type != F_UNLCK) {
		struct file_lock *n = spare[0];
		spare[0] = NULL;
		n->fl_type = type;
		n->fl_pid = owner;
		n->fl_file = NULL;
		n->fl_start = start;
		n->fl_end = end;
		list_add_tail(&n->fl_list, &ctx->flc_posix);
	}
	if (released)
		locks_changed();
}

/* struct flock -> an inclusive range, with Linux's checks and errnos. */
static int flock_to_range(struct file *f, const struct flock *l, loff_t *startp, loff_t *endp)
{
	loff_t base;
	switch (l->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = READ_ONCE(f->f_pos);
		break;
	case SEEK_END:
		base = READ_ONCE(f->f_inode->i_size);
		break;
	default:
		return -EINVAL;
	}
	if (l->l_start > OFFSET_MAX - base)
		return -EOVERFLOW;
	loff_t start = base + l->l_start, end;
	if (start < 0)
		return -EINVAL;
	if (l->l_len > 0) {
		if (l->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		end = start + l->l_len - 1;
	} else if (l->l_len < 0) {
		if (start + l->l_len < 0)
			return -EINVAL;
		end = start - 1;
		start += l->l_len;
	} else {
		end = OFFSET_MAX;
	}
	if (l->l_type != F_RDLCK && l->l_type != F_WRLCK && l->l_type != F_UNLCK)
		return -EINVAL;
	*startp = start;
	*endp = end;
	return 0;
}

long fcntl_getlk(struct file *f, struct flock __user *arg)
{
	struct flock l;
	loff_t start, end;
	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	int err = flock_to_range(f, &l, &start, &end);
	if (err)
		return err;
	if (l.l_type != F_RDLCK && l.l_type != F_WRLCK)
		return -EINVAL;
	struct inode *inode = f->f_inode;
	int type = l.l_type;
	l.l_type = F_UNLCK;	/* nothing in the way: only the type changes */
	spin_lock(&file_lock_lock);
	struct file_lock_context *ctx = inode->i_flctx;
	struct file_lock *fl = ctx ? posix_conflict(ctx, current->tgid, type, start, end) : NULL;
	if (fl) {
		l.l_type = (short)fl->fl_type;
		l.l_whence = SEEK_SET;
		l.l_start = fl->fl_start;
		l.l_len = fl->fl_end == OFFSET_MAX ? 0 : fl->fl_end - fl->fl_start + 1;
		l.l_pid = fl->fl_pid;
	}
	spin_unlock(&file_lock_lock);
	return copy_to_user(arg, &l, sizeof(l)) ? -EFAULT : 0;
}

long fcntl_setlk(struct file *f, unsigned int cmd, struct flock __user *arg)
{
	struct flock l;
	loff_t start, end;
	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	int err = flock_to_range(f, &l, &start, &end);
	if (err)
		return err;
	if ((l.l_type == F_RDLCK && !(f->f_mode & FMODE_READ)) ||
	    (l.l_type == F_WRLCK && !(f->f_mode & FMODE_WRITE)))
		return -EBADF;
	struct inode *inode = f->f_inode;
	if (l.l_type == F_UNLCK && !READ_ONCE(inode->i_flctx))
		return 0;	/* never locked: nothing to undo */
	struct file_lock_context *ctx = get_ctx(inode);
	/* Enough for the worst case: the new lock and one split-off piece. */
	struct file_lock *spare[2] = { kzalloc(sizeof(struct file_lock), GFP_KERNEL),
				       kzalloc(sizeof(struct file_lock), GFP_KERNEL) };
	if (!ctx || !spare[0] || !spare[1]) {
		kfree(spare[0]);
		kfree(spare[1]);
		return -ENOLCK;
	}
	pid_t owner = current->tgid;
	struct lock_waiter waiter = { .waiter = owner };
	bool waiting = false;
	long r;
	for (;;) {
		spin_lock(&file_lock_lock);
		struct file_lock *fl = l.l_type == F_UNLCK ? NULL :
				       posix_conflict(ctx, owner, l.l_type, start, end);
		if (!fl) {
			posix_apply(ctx, owner, l.l_type, start, end, spare);
			r = 0;
			break;
		}
		if (cmd != F_SETLKW) {
			r = -EAGAIN;
			break;
		}
		if (posix_deadlock(owner, fl->fl_pid)) {
			r = -EDEADLK;
			break;
		}
		waiter.blocker = fl->fl_pid;
		if (!waiting) {
			list_add(&waiter.list, &blocked_list);
			waiting = true;
		}
		unsigned long seen = lock_generation;
		spin_unlock(&file_lock_lock);
		r = wait_event_interruptible(file_lock_wait, generation_moved(seen));
		if (r) {	/* a signal: -ERESTARTSYS (EINTR, or restarted with SA_RESTART) */
			spin_lock(&file_lock_lock);
			break;
		}
	}
	if (waiting)
		list_del(&waiter.list);
	spin_unlock(&file_lock_lock);
	locks_wake();	/* a downgrade or unlock may let others in */
	kfree(spare[0]);
	kfree(spare[1]);
	return r;
}

/* Drop @owner's record locks on @ctx; under file_lock_lock. */
static bool posix_remove_owner(struct file_lock_context *ctx, pid_t owner)
{
	struct file_lock *fl, *t;
	bool any = false;
	list_for_each_entry_safe(fl, t, &ctx->flc_posix, fl_list) {
		if (fl->fl_pid == owner) {
			list_del(&fl->fl_list);
			kfree(fl);
			any = true;
		}
	}
	if (any)
		locks_changed();
	return any;
}

void locks_remove_posix(struct file *f)
{
	struct inode *inode = f->f_inode;
	/* The pointer only goes from NULL to a context while the inode lives,
	 * and this process cannot be adding a lock while it closes. */
	if (!inode || !READ_ONCE(inode->i_flctx))
		return;
	spin_lock(&file_lock_lock);
	bool any = posix_remove_owner(inode->i_flctx, current->tgid);
	spin_unlock(&file_lock_lock);
	if (any)
		locks_wake();
}

void locks_exit(void)
{
	struct file_lock_context *ctx;
	bool any = false;
	spin_lock(&file_lock_lock);
	list_for_each_entry(ctx, &lock_contexts, flc_all)
		any |= posix_remove_owner(ctx, current->tgid);
	spin_unlock(&file_lock_lock);
	if (any)
		locks_wake();
}

/* ---- flock(2) ---- */

static struct file_lock *flock_find(struct file_lock_context *ctx, struct file *f)
{
	struct file_lock *fl;
	list_for_each_entry(fl, &ctx->flc_flock, fl_list)
		if (fl->fl_file == f)
			return fl;
	return NULL;
}

static bool flock_conflict(struct file_lock_context *ctx, struct file *f, int type)
{
	struct file_lock *fl;
	list_for_each_entry(fl, &ctx->flc_flock, fl_list)
		if (fl->fl_file != f && (fl->fl_type == F_WRLCK || type == F_WRLCK))
			return true;
	return false;
}

void locks_remove_file(struct file *f)
{
	struct inode *inode = f->f_inode;
	if (!inode || !READ_ONCE(inode->i_flctx))
		return;
	spin_lock(&file_lock_lock);
	struct file_lock *fl = flock_find(inode->i_flctx, f);
	if (fl) {
		list_del(&fl->fl_list);
		locks_changed();
	}
	spin_unlock(&file_lock_lock);
	if (fl) {
		kfree(fl);
		locks_wake();
	}
}

/* A lock held through another open file description conflicts; changing
 * one's own lock drops the old one first, so the change is not atomic
 * (as on Linux: a waiting converter may lose its shared lock). */
long sys_flock(unsigned int fd, unsigned int cmd)
{
	int type;
	switch (cmd & ~LOCK_NB) {
	case LOCK_SH:
		type = F_RDLCK;
		break;
	case LOCK_EX:
		type = F_WRLCK;
		break;
	case LOCK_UN:
		type = F_UNLCK;
		break;
	default:
		type = -1;
	}
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long r = 0;
	if (type < 0) {
		r = -EINVAL;
		goto out;
	}
	if (type != F_UNLCK && !(f->f_mode & (FMODE_READ | FMODE_WRITE))) {
		r = -EBADF;
		goto out;
	}
	struct inode *inode = f->f_inode;
	if (type == F_UNLCK && !READ_ONCE(inode->i_flctx))
		goto out;
	struct file_lock_context *ctx = get_ctx(inode);
	struct file_lock *n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!ctx || !n) {
		kfree(n);
		r = -ENOLCK;
		goto out;
	}
	bool woke = false;
	for (;;) {
		spin_lock(&file_lock_lock);
		struct file_lock *old = flock_find(ctx, f);
		if (old && old->fl_type == type) {
			spin_unlock(&file_lock_lock);
			break;
		}
		if (old) {
			list_del(&old->fl_list);
			kfree(old);
			locks_changed();
			woke = true;
		}
		if (type == F_UNLCK) {
			spin_unlock(&file_lock_lock);
			break;
		}
		if (!flock_conflict(ctx, f, type)) {
			n->fl_type = type;
			n->fl_file = f;
			list_add_tail(&n->fl_list, &ctx->flc_flock);
			n = NULL;
			spin_unlock(&file_lock_lock);
			break;
		}
		unsigned long seen = lock_generation;
		spin_unlock(&file_lock_lock);
		if (woke) {
			locks_wake();
			woke = false;
		}
		if (cmd & LOCK_NB) {
			r = -EWOULDBLOCK;
			break;
		}
		r = wait_event_interruptible(file_lock_wait, generation_moved(seen));
		if (r)
			break;
	}
	if (woke)
		locks_wake();
	kfree(n);
out:
	fput(f);
	return r;
}
