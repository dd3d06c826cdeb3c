/* The fd table (struct files_struct): allocating the lowest free fd,
 * installing and looking up open files, close, dup, close-on-exec, and the
 * table's life across fork (copy), clone(CLONE_FILES) (share), execve
 * (unshare, close-on-exec) and exit (put). Seed concept: "file descriptors".
 *
 * Locking: files->file_lock (a spinlock) protects the whole table. Nothing
 * that sleeps runs under it: a bigger table is allocated with the lock
 * dropped, and files taken out of the table are fput after unlocking.
 * task->files itself changes only under task->pi_lock ([LINUX-DIFF] Linux's
 * task_lock), so other tasks (/proc/<pid>/fd) can take a reference safely. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <linux/string.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/fs.h>
#include <linux/syscalls.h>

static void fdtable_init_embedded(struct files_struct *files)
{
	files->fdt.max_fds = NR_OPEN_DEFAULT;
	files->fdt.fd = files->fd_array;
	files->fdt.close_on_exec = files->close_on_exec_init;
	files->fdt.open_fds = files->open_fds_init;
}

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);
	if (!files)
		return NULL;
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	fdtable_init_embedded(files);
	return files;
}

/* Big tables (a million fds is 8 MiB of pointers, more than the buddy
 * allocator's largest block) come from vmalloc, as Linux's kvmalloc. */
static void *kvzalloc_table(size_t size)
{
	if (size <= 8 * PAGE_SIZE)
		return kzalloc(size, GFP_KERNEL);
	return vzalloc(size);
}

static void kvfree_table(void *p)
{
	if (p && is_vmalloc_addr(p))
		vfree(p);
	else
		kfree(p);
}

/* New arrays for nr slots, or NULL. */
static bool alloc_fdtable(struct fdtable *t, unsigned int nr)
{
	t->max_fds = nr;
	t->fd = kvzalloc_table(nr * sizeof(struct file *));
	t->close_on_exec = kvzalloc_table(BITS_TO_LONGS(nr) * sizeof(long));
	t->open_fds = kvzalloc_table(BITS_TO_LONGS(nr) * sizeof(long));
	if (t->fd && t->close_on_exec && t->open_fds)
		return true;
	kvfree_table(t->fd);
	kvfree_table(t->close_on_exec);
	kvfree_table(t->open_fds);
	return false;
}

static void free_fdtable(struct files_struct *files, struct fdtable *t)
{
	if (t->fd == files->fd_array)
		return;
	kvfree_table(t->fd);
	kvfree_table(t->close_on_exec);
	kvfree_table(t->open_fds);
}

/* Copy the first n slots of src into dst (same or bigger). */
static void copy_fdtable(struct fdtable *dst, const struct fdtable *src, unsigned int n)
{
	memcpy(dst->fd, src->fd, n * sizeof(struct file *));
	memcpy(dst->close_on_exec, src->close_on_exec, BITS_TO_LONGS(n) * sizeof(long));
	memcpy(dst->open_fds, src->open_fds, BITS_TO_LONGS(n) * sizeof(long));
}

/* Make room for fd nr. Called and returns with file_lock held, but drops it
 * to allocate. Returns 1 if the table grew (the caller must look again),
 * 0 if it was already big enough, or -errno. */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	if (nr < files->fdt.max_fds)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	unsigned int size = NR_OPEN_DEFAULT;
	while (size <= nr)
		size *= 2;
	spin_unlock(&files->file_lock);
	struct fdtable new;
	bool ok = alloc_fdtable(&new, size);
	spin_lock(&files->file_lock);
	if (!ok)
		return -ENOMEM;
	if (files->fdt.max_fds >= size) {	/* someone else grew it meanwhile */
		spin_unlock(&files->file_lock);
		free_fdtable(files, &new);
		spin_lock(&files->file_lock);
		return 1;
	}
	struct fdtable old = files->fdt;
	copy_fdtable(&new, &old, old.max_fds);
	files->fdt = new;
	spin_unlock(&files->file_lock);
	free_fdtable(files, &old);
	spin_lock(&files->file_lock);
	return 1;
}

static unsigned int nofile_limit(void)
{
	unsigned long lim = rlimit(RLIMIT_NOFILE);
	return lim > NR_OPEN_MAX ? NR_OPEN_MAX : (unsigned int)lim;
}

/* Reserve the lowest free fd >= start below end; file_lock held. */
static int alloc_fd(unsigned int start, unsigned int end, unsigned int flags)
{
	struct files_struct *files = current->files;
	int fd;
	if (!files)
		return -EMFILE;
	spin_lock(&files->file_lock);
	for (;;) {
		struct fdtable *t = &files->fdt;
		fd = max(start, files->next_fd);
		fd = find_next_zero_bit(t->open_fds, t->max_fds, fd);
		if ((unsigned int)fd >= end) {
			fd = -EMFILE;
			break;
		}
		int err = expand_files(files, fd);
		if (err < 0) {
			fd = err;
			break;
		}
		if (err > 0)
			continue;	/* the table changed under us: search again */
		set_bit(fd, t->open_fds);
		if (flags & O_CLOEXEC)
			set_bit(fd, t->close_on_exec);
		else
			clear_bit(fd, t->close_on_exec);
		if (start <= files->next_fd)
			files->next_fd = fd + 1;
		break;
	}
	spin_unlock(&files->file_lock);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, nofile_limit(), flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	clear_bit(fd, files->fdt.open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *f)
{
	struct files_struct *files = current->files;
	spin_lock(&files->file_lock);
	BUG_ON(files->fdt.fd[fd]);
	files->fdt.fd[fd] = f;
	spin_unlock(&files->file_lock);
}

static struct file *__fget(unsigned int fd, unsigned int mask)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;
	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		f = files->fdt.fd[fd];
		if (f && (f->f_mode & mask))
			f = NULL;
		if (f)
			get_file(f);
	}
	spin_unlock(&files->file_lock);
	return f;
}

struct file *fget(unsigned int fd)
{
	return __fget(fd, FMODE_PATH);
}

struct file *fget_raw(unsigned int fd)
{
	return __fget(fd, 0);
}

/* Take fd out of the table; returns its file (the table's reference). */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *f = NULL;
	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && (f = files->fdt.fd[fd])) {
		files->fdt.fd[fd] = NULL;
		clear_bit(fd, files->fdt.close_on_exec);
		__put_unused_fd(files, fd);
	}
	spin_unlock(&files->file_lock);
	return f;
}

int close_fd(unsigned int fd)
{
	if (!current->files)
		return -EBADF;
	struct file *f = pick_file(current->files, fd);
	if (!f)
		return -EBADF;
	return filp_close(f);
}

int f_dupfd(unsigned int from, struct file *f, unsigned int flags)
{
	if (from >= nofile_limit())
		return -EINVAL;
	int fd = alloc_fd(from, nofile_limit(), flags);
	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

/* Point newfd at f (taking a new reference), closing whatever it held. A
 * slot reserved by a concurrent open (bit set, no file yet) gives EBUSY,
 * as on Linux. */
int replace_fd(unsigned int newfd, struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	if (newfd >= nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	int err;
	while ((err = expand_files(files, newfd)) > 0)
		;
	if (err < 0) {
		spin_unlock(&files->file_lock);
		return err == -EMFILE ? -EBADF : err;
	}
	struct fdtable *t = &files->fdt;
	struct file *old = t->fd[newfd];
	if (!old && test_bit(newfd, t->open_fds)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	t->fd[newfd] = get_file(f);
	set_bit(newfd, t->open_fds);
	if (flags & O_CLOEXEC)
		set_bit(newfd, t->close_on_exec);
	else
		clear_bit(newfd, t->close_on_exec);
	spin_unlock(&files->file_lock);
	if (old)
		filp_close(old);
	return newfd;
}

void set_close_on_exec(unsigned int fd, bool flag)
{
	struct files_struct *files = current->files;
	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		if (flag)
			set_bit(fd, files->fdt.close_on_exec);
		else
			clear_bit(fd, files->fdt.close_on_exec);
	}
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool r = false;
	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds)
		r = test_bit(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	return r;
}

/* Slots a copy of t needs: up to its highest fd in use, rounded up to a
 * table size (64, 128, ...), so a child of a process that once had a high
 * fd does not inherit a huge, empty table. file_lock held. */
static unsigned int copy_size(const struct fdtable *t)
{
	unsigned int words = BITS_TO_LONGS(t->max_fds);
	while (words && !t->open_fds[words - 1])
		words--;
	unsigned int size = NR_OPEN_DEFAULT;
	while (size < words * BITS_PER_LONG)
		size *= 2;
	return min(size, t->max_fds);
}

/* A copy of old for fork: same open files (each gains a reference), same
 * close-on-exec bits. Slots reserved but not yet filled are not copied. */
struct files_struct *dup_fd(struct files_struct *old, int *errorp)
{
	struct files_struct *files = alloc_files();
	*errorp = -ENOMEM;
	if (!files)
		return NULL;
	spin_lock(&old->file_lock);
	for (;;) {
		unsigned int n = copy_size(&old->fdt);
		if (n <= files->fdt.max_fds)
			break;
		spin_unlock(&old->file_lock);
		struct fdtable t;
		if (!alloc_fdtable(&t, n)) {
			put_files_struct(files);
			return NULL;
		}
		free_fdtable(files, &files->fdt);
		files->fdt = t;
		spin_lock(&old->file_lock);
	}
	struct fdtable *src = &old->fdt, *dst = &files->fdt;
	unsigned int n = min(copy_size(src), dst->max_fds);
	copy_fdtable(dst, src, n);
	for (unsigned int i = 0; i < n; i++) {
		if (dst->fd[i])
			get_file(dst->fd[i]);
		else
			clear_bit(i, dst->open_fds);
	}
	files->next_fd = 0;
	spin_unlock(&old->file_lock);
	*errorp = 0;
	return files;
}

/* Close every file of a table nobody uses any more. */
static void close_files(struct files_struct *files)
{
	struct fdtable *t = &files->fdt;
	for (unsigned int i = 0; i < t->max_fds; i++) {
		struct file *f = t->fd[i];
		if (f) {
			t->fd[i] = NULL;
			filp_close(f);
		}
	}
}

void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	close_files(files);
	free_fdtable(files, &files->fdt);
	kfree(files);
}

int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *old = current->files;
	tsk->files = NULL;
	if (!old)
		return 0;
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&old->count);
		tsk->files = old;
		return 0;
	}
	int err;
	tsk->files = dup_fd(old, &err);
	return err;
}

/* The task lets go of its table. [c]: only the task itself (or its creator
 * on a failed fork) changes tsk->files, under tsk->pi_lock so that /proc
 * can read another task's table (fs/proc/base.c). */
void exit_files(struct task_struct *tsk)
{
	unsigned long flags;
	spin_lock_irqsave(&tsk->pi_lock, flags);
	struct files_struct *files = tsk->files;
	tsk->files = NULL;
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	if (files)
		put_files_struct(files);
}

int unshare_files(struct files_struct **displaced)
{
	struct files_struct *files = current->files;
	*displaced = NULL;
	if (!files || atomic_read(&files->count) == 1)
		return 0;
	int err;
	struct files_struct *copy = dup_fd(files, &err);
	if (!copy)
		return err;
	*displaced = files;
	unsigned long flags;
	spin_lock_irqsave(&current->pi_lock, flags);	/* see exit_files */
	current->files = copy;
	spin_unlock_irqrestore(&current->pi_lock, flags);
	return 0;
}

void do_close_on_exec(struct files_struct *files)
{
	if (!files)
		return;
	spin_lock(&files->file_lock);
	for (unsigned int i = 0; i < files->fdt.max_fds; i++) {
		struct fdtable *t = &files->fdt;
		if (!test_bit(i, t->close_on_exec))
			continue;
		struct file *f = t->fd[i];
		clear_bit(i, t->close_on_exec);
		if (!f)
			continue;
		t->fd[i] = NULL;
		__put_unused_fd(files, i);
		spin_unlock(&files->file_lock);
		filp_close(f);	/* may sleep: ->release */
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
}

/* close_range: close (or, with CLOSE_RANGE_CLOEXEC, mark close-on-exec)
 * every open fd in [fd, max_fd]; CLOSE_RANGE_UNSHARE first gives a table
 * shared through CLONE_FILES its own copy. */
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	struct files_struct *files = current->files;
	if (!files)
		return 0;
	if (flags & CLOSE_RANGE_UNSHARE) {
		struct files_struct *displaced;
		int err = unshare_files(&displaced);
		if (err)
			return err;
		if (displaced)
			put_files_struct(displaced);
		files = current->files;
	}
	spin_lock(&files->file_lock);
	for (unsigned int i = fd; i <= max_fd && i < files->fdt.max_fds; i++) {
		struct fdtable *t = &files->fdt;
		struct file *f = t->fd[i];
		if (!f)
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC) {
			set_bit(i, t->close_on_exec);
			continue;
		}
		t->fd[i] = NULL;
		clear_bit(i, t->close_on_exec);
		__put_unused_fd(files, i);
		spin_unlock(&files->file_lock);
		filp_close(f);	/* may sleep: ->release */
		spin_lock(&files->file_lock);
		if (i == UINT_MAX)
			break;
	}
	spin_unlock(&files->file_lock);
	return 0;
}
