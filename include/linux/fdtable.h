/* The per-process table of open files: fd number -> struct file. Seed
 * concept: "file descriptors: the fd table, dup, close-on-exec, sharing
 * across fork". Implementation: fs/file.c. Design note: Documentation/vfs.md.
 *
 * A files_struct is shared by tasks created with CLONE_FILES and copied by
 * plain fork (the copies share the struct files, and so their f_pos).
 * Every field of the table is protected by files_struct.file_lock, a
 * spinlock: nothing sleeps under it (allocation and ->release happen
 * outside). [LINUX-DIFF] Linux reads the table under RCU; fget here takes
 * the lock briefly instead. */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/bitmap.h>

#define NR_OPEN_DEFAULT 64	/* slots in the table a new files_struct starts with */
#define NR_OPEN_MAX 1048576	/* Linux's default fs.nr_open: the highest RLIMIT_NOFILE */

struct file;
struct task_struct;

/* The arrays themselves; replaced by a bigger set when an fd above max_fds
 * is needed. All [file_lock]. */
struct fdtable {
	unsigned int max_fds;		/* slots in fd[] (a multiple of 64) */
	struct file **fd;		/* NULL: free (or reserved, see open_fds) */
	unsigned long *close_on_exec;	/* bit n: close fd n at execve */
	unsigned long *open_fds;	/* bit n: fd n is in use or reserved */
};

struct files_struct {
	atomic_t count;			/* [a] tasks sharing this table */
	spinlock_t file_lock;
	unsigned int next_fd;		/* [file_lock] no free fd below this */
	struct fdtable fdt;		/* [file_lock] */
	/* The first NR_OPEN_DEFAULT slots live here, so most processes need no
	 * second allocation. */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long close_on_exec_init[BITS_TO_LONGS(NR_OPEN_DEFAULT)];
	unsigned long open_fds_init[BITS_TO_LONGS(NR_OPEN_DEFAULT)];
};

/* fs/file.c */
struct files_struct *alloc_files(void);
struct files_struct *dup_fd(struct files_struct *old, int *errorp);
void put_files_struct(struct files_struct *files);
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
/* execve: a table shared with other tasks (CLONE_FILES) becomes private;
 * then the close-on-exec fds go. unshare_files before the point of no
 * return (may fail), do_close_on_exec after it. */
int unshare_files(struct files_struct **displaced);
void do_close_on_exec(struct files_struct *files);
void set_close_on_exec(unsigned int fd, bool flag);
bool get_close_on_exec(unsigned int fd);
#endif
