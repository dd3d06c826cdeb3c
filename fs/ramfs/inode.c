/* tmpfs: the in-memory filesystem that is the root at boot. Every name
 * lives only in the dentry cache (each positive dentry is pinned by one
 * extra reference while its name exists), and a regular file's contents are
 * an array of pages. Seed concept: "filesystems: tmpfs".
 *
 * [LINUX-DIFF] Linux's tmpfs keeps contents in the page cache (mm/shmem.c);
 * our page array per inode (struct tmpfs_inode_info) has the same shape —
 * page index -> page — so a page cache can replace it without changing the
 * VFS side. Contents are protected by the inode's i_mutex. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/statfs.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kdev_t.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <asm/page.h>
#include <uapi/linux/fcntl.h>

#define TMPFS_MAGIC 0x01021994	/* statfs f_type, as Linux */
/* A directory's st_size: 20 bytes per entry, "." and ".." included, as
 * Linux's tmpfs shows (its BOGO_DIRENT_SIZE); changed under the
 * directory's i_mutex, which every name change holds. */
#define BOGO_DIRENT_SIZE 20

atomic64_t tmpfs_nr_pages;	/* file pages of every instance (/proc/meminfo Shmem) */

/* One instance's size limit and use (statfs, ENOSPC). s_fs_info; freed by
 * put_super, after the last inode went. */
struct tmpfs_sb_info {
	unsigned long max_blocks;	/* size= in pages, fixed at mount; 0: no limit */
	atomic64_t used_blocks;		/* file pages of this instance */
};

/* Account one new file page to inode's instance: false (ENOSPC) when the
 * instance is full. */
static bool tmpfs_charge(struct inode *inode)
{
	struct tmpfs_sb_info *sbi = inode->i_sb->s_fs_info;
	if (sbi) {
		long long used = atomic64_add_return(1, &sbi->used_blocks);
		if (sbi->max_blocks && (unsigned long long)used > sbi->max_blocks) {
			atomic64_dec(&sbi->used_blocks);
			return false;
		}
	}
	atomic64_inc(&tmpfs_nr_pages);
	return true;
}

static void tmpfs_uncharge(struct inode *inode, unsigned long pages)
{
	struct tmpfs_sb_info *sbi = inode->i_sb->s_fs_info;
	if (sbi)
		atomic64_sub(pages, &sbi->used_blocks);
	atomic64_sub(pages, &tmpfs_nr_pages);
}

/* A regular file's contents: pages[i] holds bytes [i*PAGE_SIZE, ...), or is
 * NULL for a hole (reads as zeros). [i_mutex] */
struct tmpfs_inode_info {
	void **pages;
	unsigned long nr_pages;		/* length of the pages array */
};

static const struct inode_operations tmpfs_dir_inode_operations;
static const struct inode_operations tmpfs_symlink_inode_operations;
static const struct inode_operations tmpfs_file_inode_operations;
static const struct file_operations tmpfs_file_operations;
static const struct file_operations tmpfs_dir_operations;

static struct inode *tmpfs_get_inode(struct super_block *sb, const struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);
	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	inode->i_btime = inode->i_mtime;	/* new_inode stamped all three times */
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_private = kzalloc(sizeof(struct tmpfs_inode_info), GFP_KERNEL);
		if (!inode->i_private) {
			iput(inode);
			return NULL;
		}
		inode->i_op = &tmpfs_file_inode_operations;
		inode->i_fop = &tmpfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &tmpfs_dir_inode_operations;
		inode->i_fop = &tmpfs_dir_operations;
		inode->i_nlink = 2;	/* "." and the name in the parent */
		inode->i_size = 2 * BOGO_DIRENT_SIZE;
		break;
	case S_IFLNK:
		inode->i_op = &tmpfs_symlink_inode_operations;
		break;
	default:	/* device nodes, FIFOs, sockets: fops come at open */
		inode->i_op = &tmpfs_file_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* Give dentry its inode and pin it: the name now exists. */
static void tmpfs_instantiate(struct inode *dir, struct dentry *dentry, struct inode *inode)
{
	d_add(dentry, inode);
	dget(dentry);
	dir->i_size += BOGO_DIRENT_SIZE;
	inode_touch(dir, false, true, true);
}

static int tmpfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = tmpfs_get_inode(dir->i_sb, dir, mode, dev);
	if (!inode)
		return -ENOSPC;
	tmpfs_instantiate(dir, dentry, inode);
	return 0;
}

static int tmpfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	(void)excl;
	return tmpfs_mknod(dir, dentry, (mode & 07777) | S_IFREG, 0);
}

static int tmpfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = tmpfs_mknod(dir, dentry, (mode & 07777) | S_IFDIR, 0);
	if (!err) {
		spin_lock(&dir->i_lock);
		dir->i_nlink++;		/* the child's ".." */
		spin_unlock(&dir->i_lock);
	}
	return err;
}

static int tmpfs_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname);
	char *target = kmalloc(len + 1, GFP_KERNEL);
	if (!target)
		return -ENOSPC;
	memcpy(target, symname, len + 1);
	struct inode *inode = tmpfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(target);
		return -ENOSPC;
	}
	inode->i_private = target;
	inode->i_size = len;
	tmpfs_instantiate(dir, dentry, inode);
	return 0;
}

static int tmpfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	spin_unlock(&inode->i_lock);
	inode_touch(inode, false, false, true);
	tmpfs_instantiate(dir, dentry, ihold(inode));
	return 0;
}

/* Remove the name: unhash it and drop the pin. The inode lives on while
 * an open file or another dentry holds it. */
static int tmpfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_nlink--;
	spin_unlock(&inode->i_lock);
	inode_touch(inode, false, false, true);
	dir->i_size -= BOGO_DIRENT_SIZE;
	inode_touch(dir, false, true, true);
	d_delete(dentry);
	dput(dentry);
	return 0;
}

static int tmpfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	spin_lock(&dentry->d_inode->i_lock);
	dentry->d_inode->i_nlink--;	/* its "." */
	spin_unlock(&dentry->d_inode->i_lock);
	spin_lock(&dir->i_lock);
	dir->i_nlink--;			/* its ".." */
	spin_unlock(&dir->i_lock);
	return tmpfs_unlink(dir, dentry);
}

/* RENAME_WHITEOUT (for overlay filesystems): a character device 0:0 with
 * mode 0 takes the old name. It is hashed while old_dentry still is: a
 * lookup finds one or the other until d_move takes old_dentry away. */
static int tmpfs_whiteout(struct inode *old_dir, struct dentry *old_dentry)
{
	struct dentry *whiteout = d_alloc(old_dentry->d_parent, &old_dentry->d_name);
	if (!whiteout)
		return -ENOMEM;
	int err = tmpfs_mknod(old_dir, whiteout, S_IFCHR, MKDEV(0, 0));
	dput(whiteout);		/* the name's pin keeps it */
	return err;
}

/* Move or exchange names (Linux's simple_rename). The VFS has checked
 * permissions and types and holds both parents' i_mutex; d_move/d_exchange
 * afterwards are the VFS's too. Here: replace the target and keep the link
 * counts right ("." and ".." are counted in i_nlink). */
static int tmpfs_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode, *target = new_dentry->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);
	if (!(flags & RENAME_EXCHANGE) && target && is_dir && !simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (flags & RENAME_WHITEOUT) {	/* only now that nothing can fail */
		int err = tmpfs_whiteout(old_dir, old_dentry);
		if (err)
			return err;
	}
	if (flags & RENAME_EXCHANGE) {
		bool new_is_dir = S_ISDIR(target->i_mode);
		/* A directory changing parent takes its ".." along. */
		if (old_dir != new_dir && is_dir != new_is_dir) {
			struct inode *gains = is_dir ? new_dir : old_dir;
			struct inode *loses = is_dir ? old_dir : new_dir;
			spin_lock(&loses->i_lock);
			loses->i_nlink--;
			spin_unlock(&loses->i_lock);
			spin_lock(&gains->i_lock);
			gains->i_nlink++;
			spin_unlock(&gains->i_lock);
		}
		inode_touch(target, false, false, true);
	} else if (target) {
		if (is_dir) {
			spin_lock(&target->i_lock);
			target->i_nlink--;	/* its "." */
			spin_unlock(&target->i_lock);
			spin_lock(&old_dir->i_lock);
			old_dir->i_nlink--;	/* our ".." moves out (new_dir's count is unchanged) */
			spin_unlock(&old_dir->i_lock);
		}
		tmpfs_unlink(new_dir, new_dentry);	/* unhash and unpin the old name */
	} else if (is_dir) {
		spin_lock(&old_dir->i_lock);
		old_dir->i_nlink--;
		spin_unlock(&old_dir->i_lock);
		spin_lock(&new_dir->i_lock);
		new_dir->i_nlink++;
		spin_unlock(&new_dir->i_lock);
	}
	if (!(flags & RENAME_EXCHANGE)) {
		old_dir->i_size -= BOGO_DIRENT_SIZE;
		new_dir->i_size += BOGO_DIRENT_SIZE;
	}
	inode_touch(old_dir, false, true, true);
	inode_touch(new_dir, false, true, true);
	inode_touch(inode, false, false, true);
	return 0;
}

/* Drop the contents beyond newsize; zero the tail of the last page kept so
 * that growing the file later reads zeros there. Caller holds i_mutex. */
static void tmpfs_truncate(struct inode *inode, loff_t newsize)
{
	struct tmpfs_inode_info *info = inode->i_private;
	unsigned long keep = (newsize + PAGE_SIZE - 1) / PAGE_SIZE;
	unsigned long freed = 0;
	for (unsigned long i = keep; i < info->nr_pages; i++)
		if (info->pages[i]) {
			free_page((unsigned long)info->pages[i]);
			info->pages[i] = NULL;
			freed++;
		}
	tmpfs_uncharge(inode, freed);
	spin_lock(&inode->i_lock);
	inode->i_blocks -= freed * (PAGE_SIZE / 512);
	spin_unlock(&inode->i_lock);
	if (!keep) {
		kfree(info->pages);
		info->pages = NULL;
		info->nr_pages = 0;
	}
	unsigned long off = newsize % PAGE_SIZE, index = newsize / PAGE_SIZE;
	if (off && index < info->nr_pages && info->pages[index])
		memset((char *)info->pages[index] + off, 0, PAGE_SIZE - off);
}

static void *tmpfs_get_page(struct inode *inode, unsigned long index);

/* While fallocate runs, the pages it allocated carry this tag in
 * info->pages (page addresses are aligned, bit 0 is free), so that a
 * failure frees exactly them. Only seen under i_mutex, which fallocate holds. */
#define FALLOC_NEW 1UL

/* fallocate: mode 0 or KEEP_SIZE allocates (zeroed) pages for the range,
 * growing the file unless KEEP_SIZE; PUNCH_HOLE|KEEP_SIZE frees the whole
 * pages in it and zeroes the partial ones. Other modes: EOPNOTSUPP, as
 * Linux's tmpfs. As Linux's too: a range larger than the instance is
 * ENOSPC at once, a signal stops the allocation (EINTR), and on any error
 * the pages this call allocated are freed again. */
static long tmpfs_fallocate(struct file *f, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = f->f_inode;
	struct tmpfs_inode_info *info = inode->i_private;
	struct tmpfs_sb_info *sbi = inode->i_sb->s_fs_info;
	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	loff_t end = offset + len;
	unsigned long freed = 0;
	long err = 0;
	mutex_lock(&inode->i_mutex);
	if (mode & FALLOC_FL_PUNCH_HOLE) {
		/* Only pages that exist can be punched: a hole to the end of
		 * time must not walk 2^35 empty slots. */
		end = min(end, (loff_t)info->nr_pages * PAGE_SIZE);
		for (loff_t pos = offset; pos < end;) {
			unsigned long index = pos / PAGE_SIZE, off = pos % PAGE_SIZE;
			loff_t n = min((loff_t)(PAGE_SIZE - off), end - pos);
			if (info->pages[index]) {
				if (n == PAGE_SIZE) {
					free_page((unsigned long)info->pages[index]);
					info->pages[index] = NULL;
					freed++;
				} else {
					memset((char *)info->pages[index] + off, 0, n);
				}
			}
			pos += n;
		}
		goto out;
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE))
		err = inode_newsize_ok(inode, end);
	unsigned long first = offset / PAGE_SIZE, last = (end - 1) / PAGE_SIZE, i;
	if (!err && sbi && sbi->max_blocks && last - first >= sbi->max_blocks)
		err = -ENOSPC;
	for (i = first; !err && i <= last; i++) {
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		bool hole = i >= info->nr_pages || !info->pages[i];
		if (!tmpfs_get_page(inode, i)) {
			err = -ENOSPC;
			break;
		}
		if (hole)
			info->pages[i] = (void *)((unsigned long)info->pages[i] | FALLOC_NEW);
	}
	/* Untag what this call allocated, or on error give it back. */
	for (unsigned long j = first; j < i && j < info->nr_pages; j++) {
		unsigned long page = (unsigned long)info->pages[j];
		if (!(page & FALLOC_NEW))
			continue;
		page &= ~FALLOC_NEW;
		if (err) {
			free_page(page);
			page = 0;
			freed++;
		}
		info->pages[j] = (void *)page;
	}
	if (!err && !(mode & FALLOC_FL_KEEP_SIZE) && end > inode->i_size)
		inode->i_size = end;
out:
	tmpfs_uncharge(inode, freed);
	spin_lock(&inode->i_lock);
	inode->i_blocks -= freed * (PAGE_SIZE / 512);
	spin_unlock(&inode->i_lock);
	mutex_unlock(&inode->i_mutex);
	if (!err)
		inode_touch(inode, false, !!(mode & FALLOC_FL_PUNCH_HOLE), true);
	return err;
}

/* chmod, chown, utimes, truncate. The caller (notify_change) holds i_mutex,
 * which also guards the contents. */
static int tmpfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	if ((attr->ia_valid & ATTR_SIZE) && S_ISREG(inode->i_mode) && attr->ia_size != inode->i_size) {
		if (attr->ia_size < inode->i_size)
			tmpfs_truncate(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
		inode_touch(inode, false, true, true);
	}
	setattr_copy(inode, attr);
	return 0;
}

static const char *tmpfs_get_link(struct dentry *dentry, struct inode *inode)
{
	(void)dentry;
	return inode->i_private;
}

/* Make sure the page array covers index; returns the page or NULL. A new
 * page counts in i_blocks. */
static void *tmpfs_get_page(struct inode *inode, unsigned long index)
{
	struct tmpfs_inode_info *info = inode->i_private;
	if (index >= info->nr_pages) {
		unsigned long n = max(index + 1, info->nr_pages * 2);
		void **p = krealloc(info->pages, n * sizeof(void *), GFP_KERNEL);
		if (!p)
			return NULL;
		memset(p + info->nr_pages, 0, (n - info->nr_pages) * sizeof(void *));
		info->pages = p;
		info->nr_pages = n;
	}
	if (!info->pages[index]) {
		if (!tmpfs_charge(inode))
			return NULL;	/* the instance is full: ENOSPC */
		void *page = (void *)__get_free_page(GFP_KERNEL);
		if (!page) {
			tmpfs_uncharge(inode, 1);
			return NULL;
		}
		memset(page, 0, PAGE_SIZE);
		info->pages[index] = page;
		spin_lock(&inode->i_lock);
		inode->i_blocks += PAGE_SIZE / 512;
		spin_unlock(&inode->i_lock);
	}
	return info->pages[index];
}

static ssize_t tmpfs_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	struct tmpfs_inode_info *info = inode->i_private;
	size_t done = 0;
	mutex_lock(&inode->i_mutex);
	while (done < count && *pos < inode->i_size) {
		unsigned long index = *pos / PAGE_SIZE, off = *pos % PAGE_SIZE;
		size_t n = min(min(count - done, PAGE_SIZE - off), (size_t)(inode->i_size - *pos));
		if (index < info->nr_pages && info->pages[index])
			memcpy(buf + done, (char *)info->pages[index] + off, n);
		else
			memset(buf + done, 0, n);
		done += n;
		*pos += n;
	}
	mutex_unlock(&inode->i_mutex);
	if (done)
		inode_touch(inode, true, false, false);
	return done;
}

static ssize_t tmpfs_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	size_t done = 0;
	mutex_lock(&inode->i_mutex);
	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;	/* under i_mutex: appends never interleave */
	ssize_t err = generic_write_check_limits(*pos, &count);
	if (!err && count)
		err = file_remove_privs(f);
	if (err) {
		mutex_unlock(&inode->i_mutex);
		return err;
	}
	while (done < count) {
		unsigned long index = *pos / PAGE_SIZE, off = *pos % PAGE_SIZE;
		size_t n = min(count - done, PAGE_SIZE - off);
		char *page = tmpfs_get_page(inode, index);
		if (!page)
			break;
		memcpy(page + off, buf + done, n);
		done += n;
		*pos += n;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
	}
	mutex_unlock(&inode->i_mutex);
	if (!done && count)
		return -ENOSPC;
	inode_touch(inode, false, true, true);
	return done;
}

static void tmpfs_evict_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode) && inode->i_private) {
		struct tmpfs_inode_info *info = inode->i_private;
		unsigned long freed = 0;
		for (unsigned long i = 0; i < info->nr_pages; i++)
			if (info->pages[i]) {
				free_page((unsigned long)info->pages[i]);
				freed++;
			}
		tmpfs_uncharge(inode, freed);
		kfree(info->pages);
	}
	kfree(inode->i_private);	/* the info, or a symlink's target */
}

static const struct inode_operations tmpfs_dir_inode_operations = {
	.create = tmpfs_create,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.symlink = tmpfs_symlink,
	.mkdir = tmpfs_mkdir,
	.rmdir = tmpfs_rmdir,
	.mknod = tmpfs_mknod,
	.rename = tmpfs_rename,
	.setattr = tmpfs_setattr,
};

static const struct inode_operations tmpfs_symlink_inode_operations = {
	.get_link = tmpfs_get_link,
	.setattr = tmpfs_setattr,
};

/* Regular files, device nodes, FIFOs and sockets. */
static const struct inode_operations tmpfs_file_inode_operations = {
	.setattr = tmpfs_setattr,
};

static const struct file_operations tmpfs_file_operations = {
	.read = tmpfs_read,
	.write = tmpfs_write,
	.fsync = noop_fsync,
	.fallocate = tmpfs_fallocate,
};

static const struct file_operations tmpfs_dir_operations = {
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

/* df's figures: size= (half of RAM by default, as Linux) and the pages in
 * use. [LINUX-DIFF] no inode limit: f_files and f_ffree are 0. */
static int tmpfs_statfs(struct super_block *sb, void *buf)
{
	struct kstatfs *st = buf;
	struct tmpfs_sb_info *sbi = sb->s_fs_info;
	if (!sbi || !sbi->max_blocks)
		return 0;
	unsigned long long used = (unsigned long long)atomic64_read(&sbi->used_blocks);
	st->f_blocks = sbi->max_blocks;
	st->f_bfree = st->f_bavail = used < sbi->max_blocks ? sbi->max_blocks - used : 0;
	return 0;
}

static void tmpfs_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

static const struct super_operations tmpfs_super_operations = {
	.evict_inode = tmpfs_evict_inode,
	.statfs = tmpfs_statfs,
	.put_super = tmpfs_put_super,
};

/* Mount options: mode=, uid=, gid= set the root directory's; size= (bytes
 * with k/m/g/t, or a percentage of RAM) and nr_blocks= (pages) limit the
 * file pages (ENOSPC beyond); nr_inodes= is accepted and not enforced
 * ([LINUX-DIFF]). Anything else -> EINVAL, as Linux's tmpfs. */
struct tmpfs_options {
	umode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned long max_blocks;	/* pages; 0: no limit */
};

static int tmpfs_parse_options(char *data, struct tmpfs_options *o)
{
	char *opt;
	while ((opt = strsep(&data, ",")) != NULL) {
		if (!*opt)
			continue;
		char *val = strchr(opt, '=');
		unsigned long v = 0;
		if (val)
			*val++ = 0;
		if (!strcmp(opt, "mode")) {
			if (!val || kstrtoul(val, 8, &v) || v > 07777)
				return -EINVAL;
			o->mode = v;
		} else if (!strcmp(opt, "uid") || !strcmp(opt, "gid")) {
			if (!val || kstrtoul(val, 10, &v) || v > 0xfffffffeUL)
				return -EINVAL;
			if (opt[0] == 'u')
				o->uid = v;
			else
				o->gid = v;
		} else if (!strcmp(opt, "size") || !strcmp(opt, "nr_blocks")) {
			char *end;
			if (!val || !*val)
				return -EINVAL;
			unsigned long long n = simple_strtoull(val, &end, 10);
			if (opt[0] == 'n') {
				if (*end)
					return -EINVAL;
			} else if (*end == '%' && !end[1]) {
				n = (unsigned long long)totalram_pages() * n / 100 * PAGE_SIZE;
			} else {
				int shift = 0;
				switch (*end) {
				case 't': case 'T': shift += 10; /* fall through */
				case 'g': case 'G': shift += 10; /* fall through */
				case 'm': case 'M': shift += 10; /* fall through */
				case 'k': case 'K': shift += 10; end++; break;
				}
				if (*end)
					return -EINVAL;
				n <<= shift;
			}
			o->max_blocks = opt[0] == 'n' ? n : (n + PAGE_SIZE - 1) / PAGE_SIZE;
		} else if (strcmp(opt, "nr_inodes") && strcmp(opt, "huge") &&
			   strcmp(opt, "inode64") && strcmp(opt, "inode32")) {
			return -EINVAL;
		}
	}
	return 0;
}

/* A new tmpfs instance; data is the option string (a kernel copy that we
 * may modify) or NULL. */
static struct super_block *tmpfs_mount(struct file_system_type *type, int flags, void *data)
{
	struct tmpfs_options o = { .mode = 01777, .uid = 0, .gid = 0, .max_blocks = totalram_pages() / 2 };
	int err = data ? tmpfs_parse_options(data, &o) : 0;
	if (err)
		return ERR_PTR(err);
	struct super_block *sb = sget_nodev(type, &tmpfs_super_operations, TMPFS_MAGIC);
	if (IS_ERR(sb))
		return sb;
	sb->s_flags = flags & SB_RDONLY;
	struct tmpfs_sb_info *sbi = kzalloc(sizeof(*sbi), GFP_KERNEL);
	if (!sbi) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	sbi->max_blocks = o.max_blocks;
	sb->s_fs_info = sbi;
	struct inode *root = tmpfs_get_inode(sb, NULL, S_IFDIR | o.mode, 0);
	if (root) {
		root->i_uid = o.uid;
		root->i_gid = o.gid;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
};

/* The boot root is a tmpfs that /proc/mounts calls "rootfs", as Linux's
 * initramfs root; `mount -t rootfs` makes another tmpfs. */
static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = tmpfs_mount,
};

/* The root of the VFS: a tmpfs mounted at boot, before /init runs. Its
 * mount is its own parent; the references in vfs_root are the tree's. */
struct path vfs_root;

static int __init init_rootfs(void)
{
	dcache_init();
	register_filesystem(&tmpfs_fs_type);
	register_filesystem(&rootfs_fs_type);
	struct vfsmount *mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("vfs: cannot mount the root tmpfs: %ld\n", PTR_ERR(mnt));
		return PTR_ERR(mnt);
	}
	mnt->mnt_flags = MNT_RELATIME;
	mnt_init_root(mnt);
	vfs_root.mnt = mnt;
	vfs_root.dentry = mnt->mnt_root;
	set_fs_root(&init_fs, &vfs_root);	/* kernel threads' and init's / and cwd */
	set_fs_pwd(&init_fs, &vfs_root);
	pr_info("vfs: tmpfs mounted as the root\n");
	return 0;
}
fs_initcall(init_rootfs);
