/* The dentry: a name in a directory, linking the name to its inode, and the
 * dentry cache that makes repeated path walks cheap. Seed concept: "path
 * lookup and the dentry cache". Implementation: fs/dcache.c. */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H
#include <linux/fs.h>

#define DNAME_INLINE_LEN 32

struct qstr {
	unsigned int hash;
	unsigned int len;
	const char *name;
};

/* Fields marked [d] are protected by dcache_lock (fs/dcache.c). d_inode
 * goes from NULL to an inode once (d_instantiate) and back to NULL on
 * unlink (d_delete) under dcache_lock; d_parent and d_name change only in
 * d_move, also under dcache_lock. A dentry holds a reference on its parent
 * and on its inode. */
struct dentry {
	struct inode *d_inode;		/* [d] NULL: negative dentry */
	struct dentry *d_parent;	/* [d] the root's parent is itself */
	struct qstr d_name;		/* [d] */
	struct list_head d_hash;	/* [d] dentry_hashtable chain */
	struct list_head d_child;	/* [d] entry in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* [d] our children */
	struct super_block *d_sb;
	unsigned int d_mounted;		/* [mount_lock] mounts on top of us (fs/namespace.c) */
	atomic_t d_count;
	bool d_hashed;			/* [d] findable by d_lookup */
	char d_iname[DNAME_INLINE_LEN];	/* short names live here */
};

extern spinlock_t dcache_lock;
void dcache_init(void);
/* fs/d_path.c: the path of path as seen from root, built backwards at the
 * end of buf; returns where it starts, or ERR_PTR(-ENAMETOOLONG). */
char *d_path(const struct path *path, char *buf, int buflen);
bool d_unlinked(const struct dentry *dentry);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_make_root(struct inode *root);
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *dentry1, struct dentry *dentry2);
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
bool simple_empty(struct dentry *dentry);
/* Unhash every positive name below root and drop its pin (tmpfs-style
 * filesystems at umount); dentries still referenced die with their last
 * reference. */
void d_genocide(struct dentry *root);
static inline bool d_mountpoint(const struct dentry *d) { return d->d_mounted != 0; }
int dcache_readdir(struct file *file, struct dir_context *ctx);
unsigned int full_name_hash(const struct dentry *parent, const char *name, unsigned int len);
#endif
