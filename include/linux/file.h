/* Getting from an fd to its struct file and back: the calls every fd-based
 * system call uses. Seed concept: "read(): fd -> file -> VFS -> filesystem".
 * Implementation: fs/file.c (the table), fs/file_table.c (struct file). */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H
#include <linux/types.h>

struct file;
struct inode;
struct file_operations;

/* Reserve the lowest free fd (close-on-exec if flags has O_CLOEXEC);
 * -EMFILE past RLIMIT_NOFILE. Fill it with fd_install or give it back with
 * put_unused_fd. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Put f (whose reference the table takes over) in a reserved slot. */
void fd_install(unsigned int fd, struct file *f);
/* The file open on fd with a new reference (drop with fput), or NULL.
 * fget refuses O_PATH files; fget_raw returns them too. */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
void fput(struct file *f);
/* Take fd out of the table and drop its reference; -EBADF if not open. */
int close_fd(unsigned int fd);
/* The lowest free fd >= from pointing at f (a new reference), for F_DUPFD. */
int f_dupfd(unsigned int from, struct file *f, unsigned int flags);
/* dup2/dup3: make newfd refer to f, closing what was there. */
int replace_fd(unsigned int newfd, struct file *f, unsigned int flags);

/* An open file on an inode that has no name in any directory (pipes,
 * anonymous files, the boot console). Takes over the inode reference on
 * success (the caller keeps it on failure);
 * flags are O_* (access mode, O_NONBLOCK). */
struct file *alloc_file_pseudo(struct inode *inode, const char *name, int flags,
			       const struct file_operations *fop);
#endif
