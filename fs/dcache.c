/* The dentry cache: every name the kernel has looked up, hashed on
 * (parent, name) so a path walk finds each component without asking the
 * filesystem. Seed concept: "path lookup and the dentry cache".
 *
 * One spinlock, dcache_lock, guards the hash table and every dentry's
 * tree links ([d] fields in <linux/dcache.h>). Reference counts are atomic.
 * A dentry whose count drops to zero stays cached while hashed and positive
 * (ramfs-style filesystems pin theirs with an extra reference anyway);
 * an unhashed or negative one is freed at once. [LINUX-DIFF] no LRU or
 * shrinker yet: the cache only shrinks by unlink/rmdir. */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>

#define D_HASH_BITS 8
#define D_HASH_SIZE (1u << D_HASH_BITS)

DEFINE_SPINLOCK(dcache_lock);	/* also taken by fs/d_path.c */
static struct list_head dentry_hashtable[D_HASH_SIZE];	/* [dcache_lock] */

void dcache_init(void)
{
	for (unsigned int i = 0; i < D_HASH_SIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
}

/* FNV-1a over the name, salted with the parent's address so "bin" under
 * two directories lands in different chains. */
unsigned int full_name_hash(const struct dentry *parent, const char *name, unsigned int len)
{
	unsigned int h = 2166136261u ^ (unsigned int)((unsigned long)parent >> 4);
	for (unsigned int i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

static struct list_head *d_hash_chain(unsigned int hash)
{
	return &dentry_hashtable[hash & (D_HASH_SIZE - 1)];
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return NULL;
	char *buf = d->d_iname;
	if (name->len >= DNAME_INLINE_LEN) {
		buf = kmalloc(name->len + 1, GFP_KERNEL);
		if (!buf) {
			kfree(d);
			return NULL;
		}
	}
	memcpy(buf, name->name, name->len);
	buf[name->len] = 0;
	d->d_name.name = buf;
	d->d_name.len = name->len;
	d->d_name.hash = name->hash;
	d->d_sb = sb;
	atomic_set(&d->d_count, 1);
	INIT_LIST_HEAD(&d->d_hash);
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	d->d_parent = d;
	return d;
}

/* A new, negative, unhashed child of parent; it holds a reference on parent. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);
	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	spin_lock(&dcache_lock);
	list_add(&d->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return d;
}

/* A dentry with no parent that is never hashed, for files that have no
 * name in any directory (alloc_file_pseudo). */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	return __d_alloc(sb, name);
}

/* The root dentry of a new super block; consumes the inode reference. */
struct dentry *d_make_root(struct inode *root)
{
	static const struct qstr slash = { 0, 1, "/" };
	if (!root)
		return NULL;
	struct dentry *d = __d_alloc(root->i_sb, &slash);
	if (!d) {
		iput(root);
		return NULL;
	}
	d->d_inode = root;
	return d;
}

/* Find a hashed child of parent named name; returns a new reference. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d, *found = NULL;
	spin_lock(&dcache_lock);
	list_for_each_entry(d, d_hash_chain(name->hash), d_hash) {
		if (d->d_parent != parent || d->d_name.hash != name->hash ||
		    d->d_name.len != name->len || memcmp(d->d_name.name, name->name, name->len))
			continue;
		found = dget(d);
		break;
	}
	spin_unlock(&dcache_lock);
	return found;
}

/* Attach inode (whose reference we take over) to a negative dentry. */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

/* Instantiate (inode may be NULL: a negative entry) and make findable. */
void d_add(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	if (!dentry->d_hashed) {
		list_add(&dentry->d_hash, d_hash_chain(dentry->d_name.hash));
		dentry->d_hashed = true;
	}
	spin_unlock(&dcache_lock);
}

/* Make the dentry unfindable; it dies with its last reference. */
void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	if (dentry->d_hashed) {
		list_del_init(&dentry->d_hash);
		dentry->d_hashed = false;
	}
	spin_unlock(&dcache_lock);
}

/* The name was unlinked: drop it from the hash so lookups miss. The inode
 * reference goes with the dentry's last reference (an open file keeps it). */
void d_delete(struct dentry *dentry)
{
	d_drop(dentry);
}

/* Swap the names (and their hashes) of two dentries. Inline names are
 * swapped by value, external ones by pointer, so nothing is allocated and
 * d_move cannot fail. Caller holds dcache_lock. */
static void swap_names(struct dentry *a, struct dentry *b)
{
	bool a_inline = a->d_name.name == a->d_iname;
	bool b_inline = b->d_name.name == b->d_iname;
	const char *a_name = a->d_name.name, *b_name = b->d_name.name;
	char tmp[DNAME_INLINE_LEN];
	memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
	memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
	memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	a->d_name.name = b_inline ? a->d_iname : b_name;
	b->d_name.name = a_inline ? b->d_iname : a_name;
	unsigned int len = a->d_name.len, hash = a->d_name.hash;
	a->d_name.len = b->d_name.len;
	a->d_name.hash = b->d_name.hash;
	b->d_name.len = len;
	b->d_name.hash = hash;
}

/* The heart of rename: dentry takes target's name and place in the tree,
 * target takes dentry's old ones. Each still holds one reference on a
 * parent, so parents' counts do not change. With exchange both stay
 * findable; otherwise target is left unhashed and dies with its last
 * reference (a replaced file's inode with it). The hash includes the
 * parent, so swapping name and parent together keeps each hash right.
 * Callers hold both parents' i_mutex (lock_rename). */
static void __d_move(struct dentry *dentry, struct dentry *target, bool exchange)
{
	spin_lock(&dcache_lock);
	bool target_hashed = target->d_hashed;
	if (dentry->d_hashed)
		list_del_init(&dentry->d_hash);
	if (target->d_hashed)
		list_del_init(&target->d_hash);
	target->d_hashed = false;
	swap_names(dentry, target);
	struct dentry *old_parent = dentry->d_parent;
	dentry->d_parent = target->d_parent;
	target->d_parent = old_parent;
	list_move(&dentry->d_child, &dentry->d_parent->d_subdirs);
	list_move(&target->d_child, &target->d_parent->d_subdirs);
	list_add(&dentry->d_hash, d_hash_chain(dentry->d_name.hash));
	dentry->d_hashed = true;
	if (exchange && target_hashed) {
		list_add(&target->d_hash, d_hash_chain(target->d_name.hash));
		target->d_hashed = true;
	}
	spin_unlock(&dcache_lock);
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	__d_move(dentry, target, false);
}

void d_exchange(struct dentry *dentry1, struct dentry *dentry2)
{
	__d_move(dentry1, dentry2, true);
}

/* Is new_dentry at or below old_dentry? (rename's "into itself" check.)
 * Stable while the caller holds the rename mutex. */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry)
{
	bool found = false;
	spin_lock(&dcache_lock);
	for (struct dentry *d = new_dentry;; d = d->d_parent) {
		if (d == old_dentry) {
			found = true;
			break;
		}
		if (d->d_parent == d)
			break;
	}
	spin_unlock(&dcache_lock);
	return found;
}

static void d_free(struct dentry *d)
{
	if (d->d_name.name != d->d_iname)
		kfree(d->d_name.name);
	kfree(d);
}

/* Drop a reference; free unhashed or negative dentries, walking up the
 * parents whose last reference that was. */
void dput(struct dentry *dentry)
{
	while (dentry) {
		spin_lock(&dcache_lock);
		if (atomic_dec_return(&dentry->d_count) > 0 ||
		    (dentry->d_hashed && dentry->d_inode)) {
			spin_unlock(&dcache_lock);
			return;
		}
		if (dentry->d_hashed)
			list_del(&dentry->d_hash);
		struct dentry *parent = dentry->d_parent;
		if (parent != dentry)
			list_del(&dentry->d_child);
		else
			parent = NULL;
		spin_unlock(&dcache_lock);
		if (dentry->d_inode)
			iput(dentry->d_inode);
		d_free(dentry);
		dentry = parent;
	}
}

/* True if the directory has no positive, hashed child (rmdir's rule). */
bool simple_empty(struct dentry *dentry)
{
	struct dentry *c;
	bool empty = true;
	spin_lock(&dcache_lock);
	list_for_each_entry(c, &dentry->d_subdirs, d_child)
		if (c->d_hashed && c->d_inode) {
			empty = false;
			break;
		}
	spin_unlock(&dcache_lock);
	return empty;
}

void d_genocide(struct dentry *root)
{
	for (;;) {
		struct dentry *d = root, *c, *next;
		spin_lock(&dcache_lock);
		/* Descend to a pinned name that has no pinned children. */
		do {
			next = NULL;
			list_for_each_entry(c, &d->d_subdirs, d_child)
				if (c->d_hashed && c->d_inode) {
					next = c;
					break;
				}
			if (next)
				d = next;
		} while (next);
		if (d == root) {
			spin_unlock(&dcache_lock);
			return;
		}
		list_del_init(&d->d_hash);
		d->d_hashed = false;
		spin_unlock(&dcache_lock);
		dput(d);	/* the pin; holders elsewhere keep it until their dput */
	}
}

/* readdir for filesystems whose directories live entirely in the dcache
 * (tmpfs, devtmpfs): ".", "..", then the positive children. ctx->pos is
 * the index of the next entry. The actor runs under dcache_lock and must
 * not sleep (it fills a kernel buffer). [LINUX-DIFF] Linux keeps a cursor
 * dentry in the list so concurrent unlinks never skip a name; our index
 * may skip or repeat one entry if the directory changes between calls. */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *c;
	loff_t i = 2;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, dir->d_inode->i_ino, S_IFDIR >> 12))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, dir->d_parent->d_inode->i_ino, S_IFDIR >> 12))
			return 0;
		ctx->pos = 2;
	}
	spin_lock(&dcache_lock);
	list_for_each_entry(c, &dir->d_subdirs, d_child) {
		if (!c->d_hashed || !c->d_inode)
			continue;
		if (i++ < ctx->pos)
			continue;
		if (!ctx->actor(ctx, c->d_name.name, c->d_name.len, ctx->pos,
				c->d_inode->i_ino, (c->d_inode->i_mode & S_IFMT) >> 12))
			break;
		ctx->pos++;
	}
	spin_unlock(&dcache_lock);
	return 0;
}
