/* procfs internals: how a /proc inode says what it is. Design note:
 * Documentation/vfs.md ("/proc"). */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H
#include <linux/fs.h>
#include <linux/seq_file.h>

struct task_struct;
struct proc_inode;

/* What a directory lists. */
enum proc_dir_kind {
	PROC_STATIC,	/* a fixed table of entries (the root adds the pids) */
	PROC_PID,	/* /proc/<pid>: tgid_entries */
	PROC_TID,	/* /proc/<pid>/task/<tid>: tid_entries */
	PROC_TASKDIR,	/* /proc/<pid>/task: one directory per thread */
	PROC_FDDIR,	/* /proc/<pid>/fd: one symlink per open fd */
	PROC_FDINFODIR,	/* /proc/<pid>/fdinfo: one file per open fd */
};

/* One name in a fixed directory. Exactly one of the content members is set
 * (dir kind for directories). Tables are const and live forever. */
struct proc_entry {
	const char *name;
	umode_t mode;			/* S_IFREG|0444 ... */
	/* Directories */
	enum proc_dir_kind kind;
	const struct proc_entry *children;	/* PROC_STATIC: NULL-name terminated */
	/* Regular files of the static tree: whole-file show, optional write
	 * (sysctl; count bytes of a kernel buffer). */
	int (*show)(struct seq_file *m, void *v);
	ssize_t (*write)(const char *buf, size_t count);
	/* Regular files under a pid: show for the task (a counted reference). */
	int (*task_show)(struct seq_file *m, struct task_struct *t);
	/* ... and its write (comm): count bytes of a kernel buffer. */
	ssize_t (*task_write)(struct task_struct *t, const char *buf, size_t count);
	/* Files that are not text records (cmdline, environ): read at *pos. */
	ssize_t (*task_read)(struct task_struct *t, char *buf, size_t count, loff_t pos);
	/* Symlinks: the target into buf (PATH_MAX), or -errno. */
	int (*link)(struct proc_inode *pi, char *buf);
	/* Seq files with their own iterator (maps): the operations; the
	 * task is in seq_file->private. */
	const struct seq_operations *seq_ops;
	/* Files with operations of their own (/proc/kmsg): used instead of
	 * everything above. */
	const struct file_operations *proc_fops;
};

/* A /proc inode. [LINUX-DIFF] Linux caches these and revalidates pid
 * dentries; ours are never hashed in the dcache, so every walk asks the
 * filesystem again and a dead process's names disappear at once. All
 * fields are fixed at creation. */
struct proc_inode {
	struct inode vfs_inode;		/* first: iput() frees the container */
	const struct proc_entry *entry;	/* what it is (NULL: pid/tid directory) */
	enum proc_dir_kind kind;	/* directories: what they list */
	pid_t pid;			/* the task it belongs to (0: none) */
	int fd;				/* fd/N, fdinfo/N: N */
	char *link;			/* symlinks: target, computed at lookup */
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return (struct proc_inode *)inode;
}

/* The task a /proc inode names, with a reference (put_task_struct), or
 * NULL if it is gone (reaped). */
struct task_struct *proc_get_task(struct proc_inode *pi);
/* Its address space with an mm_users reference (mmput), or NULL. */
struct mm_struct *proc_get_task_mm(struct task_struct *t);

/* fs/proc/base.c */
extern const struct proc_entry tgid_entries[];
extern const struct proc_entry tid_entries[];
int proc_self_link(struct proc_inode *pi, char *buf);
int proc_thread_self_link(struct proc_inode *pi, char *buf);
int proc_fd_link(struct proc_inode *pi, char *buf);
int proc_fdinfo_show(struct seq_file *m, struct task_struct *t);
/* For readdir: the nth open fd at or above from, or -1. */
int proc_next_fd(struct task_struct *t, int from);
/* The task has fd open (fd/ lookups). */
bool proc_fd_exists(struct task_struct *t, int fd);

/* fs/proc/root.c */
extern const struct proc_entry proc_root_entries[];

/* The generators of the static files (fs/proc/{meminfo,cpuinfo,stat,...}.c). */
int meminfo_proc_show(struct seq_file *m, void *v);
int vmstat_proc_show(struct seq_file *m, void *v);
int buddyinfo_proc_show(struct seq_file *m, void *v);
int slabinfo_proc_show(struct seq_file *m, void *v);
int vmallocinfo_proc_show(struct seq_file *m, void *v);
int cpuinfo_proc_show(struct seq_file *m, void *v);
int stat_proc_show(struct seq_file *m, void *v);
int uptime_proc_show(struct seq_file *m, void *v);
int loadavg_proc_show(struct seq_file *m, void *v);
int version_proc_show(struct seq_file *m, void *v);
int cmdline_proc_show(struct seq_file *m, void *v);
int mounts_proc_show(struct seq_file *m, void *v);
int filesystems_proc_show(struct seq_file *m, void *v);
int interrupts_proc_show(struct seq_file *m, void *v);
int devices_proc_show(struct seq_file *m, void *v);
extern const struct proc_entry proc_sys_entries[];
#endif
