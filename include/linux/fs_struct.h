/* Where a process's path walks start: its root and current directory, and
 * its umask. Seed concept: "the current directory". Implementation:
 * fs/fs_struct.c. Shared by tasks created with CLONE_FS, copied otherwise.
 * Kernel threads share init_fs. */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H
#include <linux/fs.h>
#include <linux/spinlock.h>

struct task_struct;

struct fs_struct {
	int users;		/* [lock] tasks sharing it */
	spinlock_t lock;
	int umask;		/* [lock] */
	struct path root, pwd;	/* [lock] each holds a reference */
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
/* Replace root or pwd (the path's reference is taken, the old one dropped). */
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
/* A referenced copy of the root or pwd (path_put when done); falls back on
 * the VFS root for a task without an fs_struct. */
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
umode_t current_umask(void);
#endif
