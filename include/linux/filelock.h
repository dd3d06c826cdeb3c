/* File locks (fs/locks.c): POSIX record locks (fcntl F_GETLK/F_SETLK/
 * F_SETLKW), owned by a process, and BSD flock(2) locks, owned by an open
 * file description. Seed concept: "file locking". */
#ifndef _LINUX_FILELOCK_H
#define _LINUX_FILELOCK_H
#include <linux/types.h>
#include <linux/compiler.h>

struct file;
struct inode;
struct flock;

long fcntl_getlk(struct file *f, struct flock __user *arg);
long fcntl_setlk(struct file *f, unsigned int cmd, struct flock __user *arg);
/* close(2) of any fd: the calling process's record locks on that inode go. */
void locks_remove_posix(struct file *f);
/* The last fput: the flock lock this open file description holds goes. */
void locks_remove_file(struct file *f);
/* Process exit: every record lock it still holds goes. */
void locks_exit(void);
/* iput of the last reference: free the (empty) lock lists. */
void locks_free_lock_context(struct inode *inode);
#endif
