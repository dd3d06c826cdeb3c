/* procfs: the "proc" filesystem type, its inodes, and directories whose
 * contents are computed at every lookup and readdir (a fixed table of
 * names, plus one directory per live process at the root). Seed concepts:
 * "VFS objects" (a filesystem with no storage) and "process states" (what
 * ps reads). Design note: Documentation/vfs.md ("/proc").
 *
 * Dentries of /proc are never hashed in the dcache: every path walk calls
 * our ->lookup again, so /proc/<pid> vanishes the moment the process is
 * reaped, /proc/self always names the caller, and no stale name outlives
 * what it described. An open file pins its inode (and the inode only a pid
 * number), so reading after the process went gives ESRCH, as on Linux. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/mm_struct.h>
#include <linux/seq_file.h>
#include "internal.h"

#define PROC_SUPER_MAGIC 0x9fa0		/* statfs f_type, as Linux */
#define PROC_ROOT_INO 1
/* readdir positions: 0 ".", 1 "..", 2.. fixed entries, then
 * PROC_DYN_POS + number for pids, tids and fds, so a directory read in
 * several calls resumes at the right number even if some went away. */
#define PROC_DYN_POS 0x10000

static const struct inode_operations proc_dir_inode_operations;
/* fd/N and fdinfo/N. */
static const struct proc_entry proc_fd_entry = { .name = "", .mode = S_IFLNK | 0500, .link = proc_fd_link };
static const struct proc_entry proc_fdinfo_entry = { .name = "", .mode = S_IFREG | 0400,
						     .task_show = proc_fdinfo_show };
static const struct file_operations proc_dir_operations;
static const struct inode_operations proc_link_inode_operations;
static const struct file_operations proc_file_operations;

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	(void)sb;
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	return pi ? &pi->vfs_inode : NULL;
}

static void proc_evict_inode(struct inode *inode)
{
	kfree(PROC_I(inode)->link);
}

static const struct super_operations proc_super_operations = {
	.alloc_inode = proc_alloc_inode,
	.evict_inode = proc_evict_inode,
};

struct task_struct *proc_get_task(struct proc_inode *pi)
{
	unsigned long flags;
	struct task_struct *t;
	if (pi->pid <= 0)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	t = find_task_by_vpid(pi->pid);
	if (t)
		get_task_struct(t);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t;
}

/* exit_mm and exec change t->mm under t->pi_lock, so the mm we count here
 * cannot be freed between reading the pointer and taking the reference. */
struct mm_struct *proc_get_task_mm(struct task_struct *t)
{
	unsigned long flags;
	struct mm_struct *mm;
	spin_lock_irqsave(&t->pi_lock, flags);
	mm = t->mm;
	if (mm && !(t->flags & PF_KTHREAD))
		atomic_inc(&mm->mm_users);
	else
		mm = NULL;
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return mm;
}

/* A fresh inode for entry (or a pid/tid directory when entry is NULL). */
static struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *entry,
				     enum proc_dir_kind kind, umode_t mode, pid_t pid, int fd)
{
	struct inode *inode = new_inode(sb);
	if (!inode)
		return NULL;
	struct proc_inode *pi = PROC_I(inode);
	pi->entry = entry;
	pi->kind = kind;
	pi->pid = pid;
	pi->fd = fd;
	inode->i_mode = mode;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
		inode->i_nlink = 2;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &proc_link_inode_operations;
	} else {
		inode->i_fop = entry && entry->proc_fops ? entry->proc_fops : &proc_file_operations;
	}
	/* What belongs to a process is owned by its effective ids, as Linux
	 * (ps takes the USER column from the owner of /proc/<pid>). */
	if (pid > 0) {
		struct task_struct *t = proc_get_task(pi);
		if (t) {
			inode->i_uid = t->cred.euid;
			inode->i_gid = t->cred.egid;
			put_task_struct(t);
		}
	}
	return inode;
}

static int proc_fill_link(struct inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	int err = pi->entry->link(pi, buf);
	if (err < 0) {
		kfree(buf);
		return err;
	}
	pi->link = buf;
	inode->i_size = strlen(buf);
	return 0;
}

/* Attach a new inode to dentry without hashing it (see the top comment). */
static struct dentry *proc_instantiate(struct dentry *dentry, struct inode *inode)
{
	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (S_ISLNK(inode->i_mode)) {
		int err = proc_fill_link(inode);
		if (err) {
			iput(inode);
			return err == -ENOENT || err == -ESRCH ? NULL : ERR_PTR(err);
		}
	}
	d_instantiate(dentry, inode);
	return NULL;
}

/* "123" -> 123; anything else (leading zeros, signs, overflow) -> -1. */
static long name_to_number(const struct dentry *dentry)
{
	const char *s = dentry->d_name.name;
	unsigned int len = dentry->d_name.len;
	long n = 0;
	if (!len || len > 9 || (s[0] == '0' && len > 1))
		return -1;
	for (unsigned int i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

static const struct proc_entry *entries_of(struct proc_inode *dir)
{
	switch (dir->kind) {
	case PROC_PID:
		return tgid_entries;
	case PROC_TID:
		return tid_entries;
	case PROC_STATIC:
		return dir->entry ? dir->entry->children : proc_root_entries;
	default:
		return NULL;
	}
}

static struct inode *proc_entry_inode(struct super_block *sb, const struct proc_entry *e, pid_t pid)
{
	enum proc_dir_kind kind = e->kind;
	return proc_make_inode(sb, e, kind, e->mode, pid, -1);
}

/* Is there a task pid; with leader_of set, is it a thread of that group? */
static bool task_alive(pid_t pid, pid_t leader_of)
{
	unsigned long flags;
	bool ok;
	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_task_by_vpid(pid);
	ok = t && (!leader_of || t->tgid == leader_of);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ok;
}

static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	struct proc_inode *pd = PROC_I(dir);
	struct super_block *sb = dir->i_sb;
	const struct proc_entry *e = entries_of(pd);
	(void)flags;
	if (e) {
		for (; e->name; e++)
			if (strlen(e->name) == dentry->d_name.len &&
			    !memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
				return proc_instantiate(dentry, proc_entry_inode(sb, e, pd->pid));
	}
	/* Every directory below a pid goes when the process does. */
	if (pd->pid > 0 && !task_alive(pd->pid, 0))
		return NULL;
	long n = name_to_number(dentry);
	if (n <= 0 && !(n == 0 && (pd->kind == PROC_FDDIR || pd->kind == PROC_FDINFODIR)))
		return NULL;
	switch (pd->kind) {
	case PROC_STATIC:
		/* Any task, thread or not, answers at the root (only leaders
		 * are listed), as Linux. */
		if (pd->entry || !task_alive((pid_t)n, 0))
			return NULL;
		return proc_instantiate(dentry, proc_make_inode(sb, NULL, PROC_PID, S_IFDIR | 0555, (pid_t)n, -1));
	case PROC_TASKDIR:
		if (!task_alive((pid_t)n, pd->pid))
			return NULL;
		return proc_instantiate(dentry, proc_make_inode(sb, NULL, PROC_TID, S_IFDIR | 0555, (pid_t)n, -1));
	case PROC_FDDIR:
	case PROC_FDINFODIR: {
		struct task_struct *t = proc_get_task(pd);
		bool open = t && proc_fd_exists(t, (int)n);
		if (t)
			put_task_struct(t);
		if (!open)
			return NULL;
		e = pd->kind == PROC_FDDIR ? &proc_fd_entry : &proc_fdinfo_entry;
		return proc_instantiate(dentry, proc_make_inode(sb, e, pd->kind, e->mode, pd->pid, (int)n));
	}
	default:
		return NULL;
	}
}

/* The smallest task number >= from in the list: leaders at the root,
 * threads of group tgid in task/; 0 when none is left. */
static pid_t next_task_number(pid_t from, pid_t tgid)
{
	unsigned long flags;
	pid_t best = 0;
	struct task_struct *t;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->pid <= 0 || t->pid < from || (best && t->pid >= best))
			continue;
		if (tgid ? t->tgid != tgid : t->pid != t->tgid)
			continue;
		best = t->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;
	struct proc_inode *pd = PROC_I(dentry->d_inode);
	const struct proc_entry *e = entries_of(pd);
	char name[16];
	if (pd->pid > 0 && !task_alive(pd->pid, 0))
		return -ENOENT;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, dentry->d_inode->i_ino, S_IFDIR >> 12))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, dentry->d_parent->d_inode->i_ino, S_IFDIR >> 12))
			return 0;
		ctx->pos = 2;
	}
	if (e) {
		for (loff_t i = 0; e[i].name; i++) {
			if (i + 2 < ctx->pos)
				continue;
			/* [LINUX-DIFF] readdir's inode numbers are not stat's:
			 * our inodes are made at lookup. */
			if (!ctx->actor(ctx, e[i].name, (int)strlen(e[i].name), ctx->pos,
					PROC_DYN_POS + (u64)i, (e[i].mode & S_IFMT) >> 12))
				return 0;
			ctx->pos = i + 3;
		}
		if (pd->kind != PROC_STATIC || pd->entry)
			return 0;
	}
	if (ctx->pos < PROC_DYN_POS)
		ctx->pos = PROC_DYN_POS;
	for (;;) {
		long n;
		unsigned int type = S_IFDIR >> 12;
		loff_t from = ctx->pos - PROC_DYN_POS;
		if (pd->kind == PROC_FDDIR || pd->kind == PROC_FDINFODIR) {
			struct task_struct *t = proc_get_task(pd);
			n = t ? proc_next_fd(t, (int)from) : -1;
			if (t)
				put_task_struct(t);
			type = (pd->kind == PROC_FDDIR ? S_IFLNK : S_IFREG) >> 12;
		} else {
			n = next_task_number((pid_t)from, pd->kind == PROC_TASKDIR ? pd->pid : 0);
			if (!n)
				n = -1;
		}
		if (n < 0)
			return 0;
		int len = scnprintf(name, sizeof(name), "%ld", n);
		ctx->pos = PROC_DYN_POS + n;
		if (!ctx->actor(ctx, name, len, ctx->pos, PROC_DYN_POS + (u64)n, type))
			return 0;
		ctx->pos++;
	}
}

static const char *proc_get_link(struct dentry *dentry, struct inode *inode)
{
	(void)dentry;
	return PROC_I(inode)->link;
}

/* ---- regular files ---- */

static int proc_task_single_show(struct seq_file *m, void *v)
{
	(void)v;
	const struct proc_entry *e = PROC_I(m->file->f_inode)->entry;
	return e->task_show(m, m->private);
}

static int proc_open(struct inode *inode, struct file *file)
{
	struct proc_inode *pi = PROC_I(inode);
	const struct proc_entry *e = pi->entry;
	struct task_struct *t = NULL;
	int err;
	if (pi->pid > 0) {
		t = proc_get_task(pi);
		if (!t)
			return -ESRCH;
	}
	if (e->show) {
		err = single_open(file, e->show, NULL);
	} else if (e->task_show) {
		err = single_open(file, proc_task_single_show, t);
	} else if (e->seq_ops) {
		err = seq_open(file, e->seq_ops);
		if (!err)
			((struct seq_file *)file->private_data)->private = t;
	} else if (e->task_read) {
		file->private_data = t;
		return 0;
	} else if (e->write) {
		file->private_data = NULL;
		return 0;
	} else {
		err = -EINVAL;
	}
	if (err && t)
		put_task_struct(t);
	return err;
}

static int proc_release(struct inode *inode, struct file *file)
{
	struct proc_inode *pi = PROC_I(inode);
	const struct proc_entry *e = pi->entry;
	struct task_struct *t = NULL;
	if (e && e->task_read) {
		t = file->private_data;
	} else if (file->private_data) {
		struct seq_file *m = file->private_data;
		if (pi->pid > 0)
			t = m->private;
		if (e && e->seq_ops)
			seq_release(inode, file);
		else
			single_release(inode, file);
	}
	if (t)
		put_task_struct(t);
	return 0;
}

static ssize_t proc_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	const struct proc_entry *e = PROC_I(file->f_inode)->entry;
	if (e && e->task_read) {
		ssize_t n = e->task_read(file->private_data, buf, count, *pos);
		if (n > 0)
			*pos += n;
		return n;
	}
	if (!file->private_data)
		return -EINVAL;	/* write-only */
	return seq_read(file, buf, count, pos);
}

static ssize_t proc_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	const struct proc_entry *e = PROC_I(file->f_inode)->entry;
	ssize_t n;
	if (e && e->task_write && file->private_data)
		n = e->task_write(((struct seq_file *)file->private_data)->private, buf, count);
	else if (e && e->write)
		n = e->write(buf, count);
	else
		return -EINVAL;
	if (n > 0)
		*pos += n;
	return n;
}

static loff_t proc_llseek(struct file *file, loff_t off, int whence)
{
	const struct proc_entry *e = PROC_I(file->f_inode)->entry;
	if (file->private_data && !(e && e->task_read))
		return seq_lseek(file, off, whence);
	/* cmdline, environ, sysctl writes: plain offsets. */
	if (whence == 1)
		off += file->f_pos;
	else if (whence != 0)
		return -EINVAL;
	if (off < 0)
		return -EINVAL;
	file->f_pos = off;
	return off;
}

static const struct file_operations proc_file_operations = {
	.open = proc_open,
	.release = proc_release,
	.read = proc_read,
	.write = proc_write,
	.llseek = proc_llseek,
};

/* Nothing can be created in /proc: Linux 6.1 answers open(O_CREAT) of a
 * new name with ENOENT (checked by the fs_proc user test). */
static int proc_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	(void)dir;
	(void)dentry;
	(void)mode;
	(void)excl;
	return -ENOENT;
}

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
	.create = proc_create,
};

static const struct file_operations proc_dir_operations = {
	.iterate_shared = proc_readdir,
};

static const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

/* ---- the filesystem ---- */

static struct super_block *proc_mount(struct file_system_type *type, int flags, void *data)
{
	(void)data;
	struct super_block *sb = sget_nodev(type, &proc_super_operations, PROC_SUPER_MAGIC);
	if (IS_ERR(sb))
		return sb;
	sb->s_flags = flags & SB_RDONLY;
	sb->s_unhashed_names = true;
	struct inode *root = proc_make_inode(sb, NULL, PROC_STATIC, S_IFDIR | 0555, 0, -1);
	if (root) {
		root->i_ino = PROC_ROOT_INO;
		root->i_nlink = 3;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
};

static int __init proc_root_init(void)
{
	int err = register_filesystem(&proc_fs_type);
	if (err)
		pr_err("proc: cannot register: %d\n", err);
	return err;
}
fs_initcall(proc_root_init);

/* /proc is there before /init runs (after the initramfs is unpacked, so
 * an archive's own /proc directory becomes the mount point). [LINUX-DIFF]
 * Linux leaves this to user space; mounting it again there is harmless. */
static int __init proc_mount_at_boot(void)
{
	int err = init_mount("proc", "/proc", "proc", 0, NULL);
	if (err)
		pr_err("proc: cannot mount on /proc: %d\n", err);
	return err;
}
late_initcall(proc_mount_at_boot);
