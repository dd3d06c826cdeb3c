/* The VFS objects: super_block, inode, file and the ops tables a filesystem
 * fills in. Seed concept: "VFS objects: super_block, inode, dentry, file".
 * Design note and lock order: Documentation/vfs.md.
 *
 * Lock order (outer first): inode->i_lock (directory being changed) ->
 * dcache_lock (fs/dcache.c, hash table and d_subdirs lists) -> super_lock. */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/ktime.h>

typedef unsigned short umode_t;

/* Mode bits (values from the Linux UAPI <linux/stat.h>). */
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISUID  0004000
#define S_ISGID  0002000
#define S_ISVTX  0001000
#define S_IXGRP  0000010
#define S_IALLUGO 0007777	/* every permission and special bit */

#define PATH_MAX 4096
#define NAME_MAX 255

/* f_mode bits (kernel-internal, as Linux's FMODE_*). */
#define FMODE_READ   0x1
#define FMODE_WRITE  0x2
#define FMODE_LSEEK  0x4	/* lseek works (clear: ESPIPE) */
#define FMODE_PREAD  0x8	/* pread/preadv work (clear: ESPIPE) */
#define FMODE_PWRITE 0x10	/* pwrite/pwritev work (clear: ESPIPE) */
#define FMODE_PATH   0x4000	/* O_PATH: a position in the tree, no I/O */

struct dentry;
struct inode;
struct file;
struct super_block;
struct vfsmount;
struct poll_table_struct;
struct pipe_inode_info;
struct file_lock_context;

/* Where a file or directory is: the mount and the dentry within it. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* Directory-entry emitter used by iterate_shared; returns false to stop. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int len,
			  loff_t pos, u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;		/* the filesystem's cursor; opaque to the VFS */
};

/* What a filesystem does with an open file. Every member may sleep unless
 * said otherwise; no VFS lock is held on entry. [LINUX-DIFF] read and write
 * take KERNEL buffers: the syscall layer bounces user data through a kernel
 * buffer, so kernel_read() and sys_read() share one path without set_fs();
 * an iov_iter replaces this later. */
struct file_operations {
	/* Move f_pos. NULL -> generic_file_llseek semantics (SEEK_SET/CUR/END
	 * against i_size). Pipes set no_llseek -> -ESPIPE. */
	loff_t (*llseek)(struct file *f, loff_t off, int whence);
	/* Copy up to count bytes at *pos into buf, advance *pos; 0 at EOF.
	 * NULL -> -EINVAL. */
	ssize_t (*read)(struct file *f, char *buf, size_t count, loff_t *pos);
	/* Copy count bytes from buf to *pos, advance *pos; short writes allowed
	 * (-ENOSPC when none fit). NULL -> -EINVAL. */
	ssize_t (*write)(struct file *f, const char *buf, size_t count, loff_t *pos);
	/* Optional: Linux's own ->write, given the user buffer itself (range
	 * checked with access_ok, not read). write/pwrite64/writev prefer it
	 * and bounce nothing: for files that never look at the data
	 * (/dev/null), where the bounce copy was the whole cost. The file
	 * still needs ->write for the kernel-buffer callers (sendfile). */
	ssize_t (*write_user)(struct file *f, const char __user *buf, size_t count, loff_t *pos);
	/* Emit directory entries from ctx->pos on. The directory's i_lock is
	 * NOT held; the filesystem locks what it walks. NULL -> -ENOTDIR. */
	int (*iterate_shared)(struct file *f, struct dir_context *ctx);
	/* Readiness mask (POLLIN...) now, registering on the wait queues that
	 * may change it through poll_wait(f, wq, pt) (<linux/poll.h>; pt may
	 * be NULL). Must not sleep. NULL -> DEFAULT_POLLMASK (always ready). */
	unsigned int (*poll)(struct file *f, struct poll_table_struct *pt);
	/* Device-specific ioctls after the generic ones. NULL -> -ENOTTY. */
	long (*unlocked_ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* Map the file into a VMA. NULL -> -ENODEV. */
	int (*mmap)(struct file *f, void *vma);
	/* Called once when the file is opened, after f_op is set; may replace
	 * f_op (char devices do). NULL -> nothing to do. */
	int (*open)(struct inode *inode, struct file *f);
	/* Called when the last reference to the file goes. NULL -> nothing. */
	int (*release)(struct inode *inode, struct file *f);
	/* Write dirty data back. NULL -> -EINVAL (as Linux for special files). */
	int (*fsync)(struct file *f, int datasync);
	/* Allocate (or with FALLOC_FL_PUNCH_HOLE free) the contents of
	 * [offset, offset + len); the VFS has checked the mode and the file.
	 * NULL -> -EOPNOTSUPP. */
	long (*fallocate)(struct file *f, int mode, loff_t offset, loff_t len);
};

/* Attribute change request for setattr (Linux's struct iattr). */
#define ATTR_MODE  0x1
#define ATTR_UID   0x2
#define ATTR_GID   0x4
#define ATTR_SIZE  0x8
#define ATTR_ATIME 0x10
#define ATTR_MTIME 0x20
#define ATTR_CTIME 0x40
#define ATTR_ATIME_SET 0x80	/* ia_atime is the caller's, not "now" */
#define ATTR_MTIME_SET 0x100	/* ia_mtime is the caller's */
#define ATTR_FORCE 0x200	/* skip the permission checks (kernel-internal) */
#define ATTR_KILL_SUID 0x800	/* drop S_ISUID (chown of a non-directory) */
#define ATTR_KILL_SGID 0x1000	/* drop S_ISGID if group-executable */
#define ATTR_FILE 0x2000	/* through an open file (ftruncate, fchmod) */
#define ATTR_TIMES_SET 0x10000	/* explicit times: only the owner may */
#define ATTR_TOUCH 0x20000	/* times set to now: owner or writer may */
struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

/* What a filesystem does with names in a directory. On entry to the
 * name-changing members (create .. rename) the VFS holds the parent
 * directory's i_mutex (both parents' for rename, ancestor first: see
 * lock_rename), has checked permission, and has a NEGATIVE dentry for a new
 * name or a positive one for an existing name. All may sleep. A NULL member
 * -> the errno noted. */
struct inode_operations {
	/* Find name (dentry->d_name) in dir; d_add() the inode, or leave the
	 * dentry negative. Return NULL or an ERR_PTR. NULL -> every name is
	 * already in the dcache (ramfs-style): negative. */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	/* Make a regular file. NULL -> -EACCES. */
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	/* Give old's inode a second name. NULL -> -EPERM. */
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	/* Remove a non-directory name. NULL -> -EPERM. */
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	/* Make a symlink whose target is symname. NULL -> -EPERM. */
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	/* Make a directory. NULL -> -EPERM. */
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	/* Remove an EMPTY directory (the VFS checked emptiness is the fs's job:
	 * return -ENOTEMPTY). NULL -> -EPERM. */
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/* Make a device node, FIFO or socket. NULL -> -EPERM. */
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	/* Move old_dentry in old_dir to new_dentry in new_dir (replacing it when
	 * positive). NULL -> -EPERM. */
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
	/* A symlink's target, NUL-terminated, valid while the inode lives.
	 * NULL on a symlink inode -> -EINVAL. */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	/* Change attributes; NULL -> simple_setattr (copy into the inode). */
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	/* May the caller access inode with mask (MAY_*)? NULL ->
	 * generic_permission (mode bits, uid/gid, root override). */
	int (*permission)(struct inode *inode, int mask);
};

#define MAY_EXEC  0x1
#define MAY_WRITE 0x2
#define MAY_READ  0x4

/* Filesystem-wide operations. All may sleep; no lock held on entry. */
struct super_operations {
	/* Allocate a filesystem's inode. NULL -> plain kzalloc'd inode. */
	struct inode *(*alloc_inode)(struct super_block *sb);
	/* The last reference and the last link are gone: free the contents
	 * (tmpfs pages). NULL -> nothing beyond freeing the inode. */
	void (*evict_inode)(struct inode *inode);
	/* Fill struct kstatfs-like figures. NULL -> -ENOSYS. */
	int (*statfs)(struct super_block *sb, void *buf);
	/* The filesystem is being unmounted. NULL -> nothing. */
	void (*put_super)(struct super_block *sb);
};

/* s_flags (Linux's SB_* values, equal to the MS_* ones). */
#define SB_RDONLY 0x1

/* One mounted filesystem instance. */
struct super_block {
	struct list_head s_list;	/* [super_lock] all super blocks */
	unsigned long s_flags;		/* [s_lock] SB_RDONLY */
	dev_t s_dev;			/* anonymous device number */
	unsigned long s_magic;		/* statfs f_type */
	const struct super_operations *s_op;
	const struct file_system_type *s_type;
	struct dentry *s_root;		/* set once at mount, then fixed */
	void *s_fs_info;		/* filesystem private */
	/* Set once at mount: names are never hashed in the dcache (procfs:
	 * every walk asks the filesystem), so unhashed does not mean removed. */
	bool s_unhashed_names;
	atomic_t s_active;		/* mounts of this instance */
	unsigned long s_next_ino;	/* [s_lock] ino allocator */
	spinlock_t s_lock;
};

/* One file (not one name). Fields marked [i] are protected by i_lock; the
 * rest are fixed after creation. Contents belong to the filesystem
 * (i_private, e.g. tmpfs's page array), protected by i_mutex. */
struct inode {
	umode_t i_mode;			/* [i] type and permission bits */
	uid_t i_uid;			/* [i] */
	gid_t i_gid;			/* [i] */
	unsigned int i_nlink;		/* [i] names pointing here */
	loff_t i_size;			/* [i_mutex] */
	u64 i_blocks;			/* [i_lock] 512-byte units the contents occupy (st_blocks) */
	struct timespec64 i_atime, i_mtime, i_ctime;	/* [i] */
	struct timespec64 i_btime;	/* [i] birth (statx); 0: not recorded. [LINUX-DIFF] Linux keeps it per fs */
	dev_t i_rdev;			/* device nodes: the device */
	unsigned long i_ino;
	atomic_t i_count;		/* references (dentries, open files) */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	void *i_private;		/* filesystem private */
	struct pipe_inode_info *i_pipe;	/* [i_lock] FIFOs and pipes: the buffer while open */
	struct file_lock_context *i_flctx;	/* [file_lock_lock] record and flock locks (fs/locks.c); NULL until the first lock */
	spinlock_t i_lock;		/* attributes above */
	struct mutex i_mutex;		/* directory changes; file contents */
};

/* An open file: what an fd points to. f_pos is protected by f_pos_lock;
 * the other fields are fixed after do_dentry_open except f_flags
 * (O_APPEND/O_NONBLOCK through fcntl, [f_lock]). */
struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* [f_lock] O_* */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;			/* [f_pos_lock] */
	atomic_t f_count;
	void *private_data;
	unsigned int f_pipe;		/* FIFOs: the pipe's w_counter at open (fs/pipe.c) */
	spinlock_t f_lock;
	struct mutex f_pos_lock;
};

/* A filesystem type: "tmpfs", "proc"... */
struct file_system_type {
	const char *name;
	/* Build a super block with s_root set; return it or an ERR_PTR. */
	struct super_block *(*mount)(struct file_system_type *fs, int flags, void *data);
	/* Tear an instance down after its last mount went. NULL ->
	 * kill_litter_super (memory filesystems: drop every pinned dentry). */
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* [file_systems_lock] */
};

/* fs/super.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
int get_filesystem_list(char *buf, size_t size);	/* /proc/filesystems */
struct super_block *sget_nodev(struct file_system_type *type, const struct super_operations *ops,
			       unsigned long magic);
/* Drop an active reference (one per mount); the last tears the sb down. */
void deactivate_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
static inline bool sb_rdonly(const struct super_block *sb) { return sb->s_flags & SB_RDONLY; }

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
struct inode *ihold(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void inode_touch(struct inode *inode, bool atime, bool mtime, bool ctime);
int generic_permission(struct inode *inode, int mask);
int inode_permission(struct inode *inode, int mask);

/* fs/namei.c: in-kernel path walk from the VFS root (no dirfd yet). */
int kern_path(const char *name, unsigned int flags, struct path *path);
#define LOOKUP_FOLLOW 0x1
struct qstr;
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };
int filename_parentat(int dfd, const char *name, struct path *parent, struct qstr *last, int *type);
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
struct dentry *kern_path_create(const char *name, struct path *parent);
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
/* A path holds a reference on its mount and on its dentry. */
void path_get(const struct path *p);
void path_put(struct path *p);
void done_path_create(struct path *parent, struct dentry *dentry);

/* Path walks relative to a directory fd (AT_FDCWD: the cwd); absolute
 * names start at the process root. LOOKUP_EMPTY lets "" name dfd itself
 * (AT_EMPTY_PATH); LOOKUP_DIRECTORY demands a directory. */
#define LOOKUP_DIRECTORY 0x2
#define LOOKUP_EMPTY 0x4000
int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
struct dentry *filename_create(int dfd, const char *name, struct path *parent, unsigned int flags);
/* A user path copied into a kernel buffer of PATH_MAX (free with putname):
 * ERR_PTR(-EFAULT) or ERR_PTR(-ENAMETOOLONG) on failure. */
char *getname(const char __user *name);
void putname(char *name);

/* fs/char_dev.c: character devices by major/minor. register_chrdev takes
 * minors 0-255 of major (major 0: pick a free one and return it); opening
 * an S_IFCHR inode (its i_fop is def_chr_fops) finds the driver by i_rdev
 * and switches the file to the driver's fops; no driver -> ENXIO. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name);
extern const struct file_operations def_chr_fops;
int chrdev_show(char *buf, size_t size);	/* /proc/devices */
/* A device node, FIFO or socket inode: set i_mode's type, i_rdev and the
 * i_fop that finds the driver at open. Filesystems call it for mknod. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

/* fs/open.c, fs/read_write.c, fs/file_table.c */
struct file *filp_open(const char *name, int flags, umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode);
int filp_close(struct file *f);
struct file *get_file(struct file *f);
void fput(struct file *f);
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos);
/* llseek helpers: no_llseek (-ESPIPE: pipes, ttys) makes the open clear
 * FMODE_LSEEK/PREAD/PWRITE; generic_file_llseek moves f_pos against i_size;
 * nonseekable_open is for ->open of stream-like files. */
loff_t no_llseek(struct file *f, loff_t off, int whence);
loff_t generic_file_llseek(struct file *f, loff_t off, int whence);
loff_t vfs_llseek(struct file *f, loff_t off, int whence);
int nonseekable_open(struct inode *inode, struct file *f);

/* fs/attr.c: attribute changes. notify_change() is the one entry point:
 * the caller holds the inode's i_mutex; it fills in "now" times and the
 * set-id killing, then calls ->setattr (or simple_setattr). A filesystem's
 * ->setattr starts with setattr_prepare() (the permission rules) and ends
 * with setattr_copy(). */
int notify_change(struct dentry *dentry, struct iattr *attr);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
bool inode_owner_or_capable(const struct inode *inode);
int inode_newsize_ok(const struct inode *inode, loff_t offset);
int mnt_want_write(const struct path *path);
int generic_write_check_limits(loff_t pos, size_t *count);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs);
int file_remove_privs(struct file *file);
#define FALLOC_FL_KEEP_SIZE	0x01	/* values from the UAPI <linux/falloc.h> */
#define FALLOC_FL_PUNCH_HOLE	0x02
#define FALLOC_FL_SUPPORTED_MASK 0x7f	/* every mode bit Linux knows */
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);

/* fs/sync.c */
int noop_fsync(struct file *f, int datasync);
int vfs_fsync(struct file *file, int datasync);

/* fs/rename.c */
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE  (1 << 1)
#define RENAME_WHITEOUT  (1 << 2)
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);

/* fs/pipe.c: what an opened FIFO inode is (init_special_inode sets it). */
extern const struct file_operations pipefifo_fops;

/* fs/ramfs: the root filesystem type, and the VFS root once mounted
 * (vfs_root.mnt is the root mount; the tree holds its references). */
extern struct file_system_type tmpfs_fs_type;
extern atomic64_t tmpfs_nr_pages;	/* file pages of all tmpfs instances (/proc/meminfo) */
extern struct path vfs_root;
#endif
