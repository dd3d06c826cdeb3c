/* ktests for the mount table (fs/namespace.c) and the walk across mounts
 * (fs/namei.c): tmpfs mounted on a directory, ".." back out of it, busy and
 * lazy unmounts, stacked mounts, read-only mounts, the /proc/mounts walk,
 * and that an unmounted tmpfs gives back its pages. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/gfp.h>
#include <linux/ktest.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/mount.h>

static int mkdir_k(const char *name)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = vfs_mkdir(parent.dentry->d_inode, d, 0755);
	done_path_create(&parent, d);
	return err;
}

static int rm_k(const char *name, bool dir)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = dir ? vfs_rmdir(parent.dentry->d_inode, d) : vfs_unlink(parent.dentry->d_inode, d);
	done_path_create(&parent, d);
	return err;
}

static long put_file(const char *name, const char *data, size_t len)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT, 0644);
	if (IS_ERR(f))
		return PTR_ERR(f);
	loff_t pos = 0;
	long n = kernel_write(f, data, len, &pos);
	filp_close(f);
	return n;
}

static int exists(const char *name)
{
	struct path p;
	int err = kern_path(name, 0, &p);
	if (!err)
		path_put(&p);
	return err;
}

KTEST(mount, root_is_a_real_mount)
{
	struct path p;
	KASSERT(t, vfs_root.mnt != NULL);
	KASSERT(t, kern_path("/", 0, &p) == 0);
	KEXPECT(t, p.mnt == vfs_root.mnt);
	KEXPECT(t, p.dentry == p.mnt->mnt_root);
	KEXPECT(t, p.mnt->mnt_parent == p.mnt);
	path_put(&p);
}

KTEST(mount, tmpfs_on_dir_hides_and_restores)
{
	struct path p, q;
	KASSERT(t, mkdir_k("/kt_m1") == 0);
	KASSERT(t, put_file("/kt_m1/under", "u", 1) == 1);
	KASSERT(t, do_mount("none", "/kt_m1", "tmpfs", 0, NULL) == 0);
	KEXPECT_EQ(t, exists("/kt_m1/under"), -ENOENT);	/* covered */
	KEXPECT_EQ(t, put_file("/kt_m1/over", "o", 1), 1);
	KASSERT(t, kern_path("/kt_m1/over", 0, &p) == 0);
	KEXPECT(t, p.mnt != vfs_root.mnt);
	KEXPECT(t, p.mnt->mnt_parent == vfs_root.mnt);
	KEXPECT(t, p.dentry->d_sb == p.mnt->mnt_sb);
	path_put(&p);
	/* ".." from the mount's root climbs into the parent mount. */
	KASSERT(t, kern_path("/kt_m1/..", 0, &p) == 0);
	KEXPECT(t, p.dentry == vfs_root.dentry && p.mnt == vfs_root.mnt);
	path_put(&p);
	KASSERT(t, kern_path("/kt_m1/../kt_m1/over", 0, &q) == 0);
	KEXPECT(t, q.mnt != vfs_root.mnt);
	path_put(&q);
	KEXPECT_EQ(t, rm_k("/kt_m1", true), -EBUSY);	/* a mount point */
	KEXPECT_EQ(t, do_umount_path("/kt_m1", 0), 0);
	KEXPECT_EQ(t, exists("/kt_m1/over"), -ENOENT);
	KEXPECT_EQ(t, exists("/kt_m1/under"), 0);
	KEXPECT_EQ(t, do_umount_path("/kt_m1", 0), -EINVAL);	/* not a mount point now */
	KEXPECT_EQ(t, rm_k("/kt_m1/under", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_m1", true), 0);
}

KTEST(mount, errors)
{
	KASSERT(t, mkdir_k("/kt_m2") == 0);
	KASSERT(t, put_file("/kt_m2/file", "f", 1) == 1);
	KEXPECT_EQ(t, do_mount("none", "/kt_m2", "no_such_fs", 0, NULL), -ENODEV);
	KEXPECT_EQ(t, do_mount("none", "/kt_m2", NULL, 0, NULL), -EINVAL);
	KEXPECT_EQ(t, do_mount("none", "/kt_m2/file", "tmpfs", 0, NULL), -ENOTDIR);
	KEXPECT_EQ(t, do_mount("none", "/kt_m2/missing", "tmpfs", 0, NULL), -ENOENT);
	KEXPECT_EQ(t, do_mount("none", "/kt_m2", "tmpfs", 0, (char[]){"bogus=1"}), -EINVAL);
	KEXPECT_EQ(t, do_umount_path("/kt_m2", 0), -EINVAL);
	KEXPECT_EQ(t, do_umount_path("/kt_m2", 0x100), -EINVAL);	/* unknown flag */
	KEXPECT_EQ(t, do_umount_path("/kt_m2/missing", 0), -ENOENT);
	KEXPECT_EQ(t, do_umount_path("/", 0), -EBUSY);
	KEXPECT_EQ(t, do_mount(NULL, "/kt_m2", NULL, MS_REMOUNT, NULL), -EINVAL);	/* not a mount root */
	KEXPECT_EQ(t, rm_k("/kt_m2/file", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_m2", true), 0);
}

KTEST(mount, busy_then_lazy_detach)
{
	KASSERT(t, mkdir_k("/kt_m3") == 0);
	KASSERT(t, do_mount("none", "/kt_m3", "tmpfs", 0, NULL) == 0);
	KASSERT(t, put_file("/kt_m3/f", "hello", 5) == 5);
	struct file *f = filp_open("/kt_m3/f", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	KEXPECT_EQ(t, do_umount_path("/kt_m3", 0), -EBUSY);	/* an open file */
	KEXPECT_EQ(t, do_umount_path("/kt_m3", MNT_DETACH), 0);
	KEXPECT_EQ(t, exists("/kt_m3/f"), -ENOENT);
	char buf[8] = { 0 };
	loff_t pos = 0;
	KEXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 5);	/* still readable */
	KEXPECT(t, !memcmp(buf, "hello", 5));
	filp_close(f);		/* the last reference: the tmpfs goes now */
	/* A mount below a busy mount keeps it busy too. */
	KASSERT(t, do_mount("none", "/kt_m3", "tmpfs", 0, NULL) == 0);
	KASSERT(t, mkdir_k("/kt_m3/sub") == 0);
	KASSERT(t, do_mount("none", "/kt_m3/sub", "tmpfs", 0, NULL) == 0);
	KEXPECT_EQ(t, do_umount_path("/kt_m3", 0), -EBUSY);
	KEXPECT_EQ(t, do_umount_path("/kt_m3/sub", 0), 0);
	KEXPECT_EQ(t, do_umount_path("/kt_m3", 0), 0);
	KEXPECT_EQ(t, rm_k("/kt_m3", true), 0);
}

KTEST(mount, stacked_mounts_unstack_in_order)
{
	struct path p;
	KASSERT(t, mkdir_k("/kt_m4") == 0);
	KASSERT(t, do_mount("lower", "/kt_m4", "tmpfs", 0, NULL) == 0);
	KASSERT(t, put_file("/kt_m4/low", "l", 1) == 1);
	KASSERT(t, do_mount("upper", "/kt_m4", "tmpfs", 0, NULL) == 0);
	KEXPECT_EQ(t, exists("/kt_m4/low"), -ENOENT);
	KASSERT(t, kern_path("/kt_m4", 0, &p) == 0);
	KEXPECT(t, !strcmp(p.mnt->mnt_devname, "upper"));
	KEXPECT(t, !strcmp(p.mnt->mnt_parent->mnt_devname, "lower"));
	path_put(&p);
	/* ".." from the top goes through both to the root. */
	KASSERT(t, kern_path("/kt_m4/..", 0, &p) == 0);
	KEXPECT(t, p.dentry == vfs_root.dentry && p.mnt == vfs_root.mnt);
	path_put(&p);
	KEXPECT_EQ(t, do_umount_path("/kt_m4", 0), 0);
	KEXPECT_EQ(t, exists("/kt_m4/low"), 0);
	KEXPECT_EQ(t, do_umount_path("/kt_m4", 0), 0);
	KEXPECT_EQ(t, exists("/kt_m4/low"), -ENOENT);
	KEXPECT_EQ(t, rm_k("/kt_m4", true), 0);
}

KTEST(mount, read_only_and_remount)
{
	KASSERT(t, mkdir_k("/kt_m5") == 0);
	KASSERT(t, do_mount("none", "/kt_m5", "tmpfs", MS_NOSUID | MS_NODEV, NULL) == 0);
	KASSERT(t, put_file("/kt_m5/f", "x", 1) == 1);
	KEXPECT_EQ(t, do_mount(NULL, "/kt_m5", NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, put_file("/kt_m5/g", "x", 1), -EROFS);
	KEXPECT_EQ(t, mkdir_k("/kt_m5/d"), -EROFS);
	KEXPECT_EQ(t, rm_k("/kt_m5/f", false), -EROFS);
	KEXPECT(t, PTR_ERR(filp_open("/kt_m5/f", O_WRONLY, 0)) == -EROFS);
	KEXPECT_EQ(t, do_mount(NULL, "/kt_m5", NULL, MS_REMOUNT, NULL), 0);
	KEXPECT_EQ(t, put_file("/kt_m5/g", "x", 1), 1);
	KEXPECT_EQ(t, do_umount_path("/kt_m5", 0), 0);
	KEXPECT_EQ(t, do_mount("none", "/kt_m5", "tmpfs", MS_RDONLY, (char[]){"mode=700,uid=5"}), 0);
	struct path p;
	KASSERT(t, kern_path("/kt_m5", 0, &p) == 0);
	KEXPECT_EQ(t, p.dentry->d_inode->i_mode, S_IFDIR | 0700);
	KEXPECT_EQ(t, p.dentry->d_inode->i_uid, 5);
	path_put(&p);
	KEXPECT_EQ(t, put_file("/kt_m5/g", "x", 1), -EROFS);
	KEXPECT_EQ(t, do_umount_path("/kt_m5", 0), 0);
	KEXPECT_EQ(t, rm_k("/kt_m5", true), 0);
}

KTEST(mount, bind_mount_shares_files)
{
	KASSERT(t, mkdir_k("/kt_m6") == 0);
	KASSERT(t, mkdir_k("/kt_m6/src") == 0);
	KASSERT(t, mkdir_k("/kt_m6/dst") == 0);
	KASSERT(t, put_file("/kt_m6/src/f", "b", 1) == 1);
	KASSERT(t, do_mount("/kt_m6/src", "/kt_m6/dst", NULL, MS_BIND, NULL) == 0);
	KEXPECT_EQ(t, exists("/kt_m6/dst/f"), 0);
	KEXPECT_EQ(t, put_file("/kt_m6/dst/g", "g", 1), 1);
	KEXPECT_EQ(t, exists("/kt_m6/src/g"), 0);
	KEXPECT_EQ(t, do_umount_path("/kt_m6/dst", 0), 0);
	KEXPECT_EQ(t, exists("/kt_m6/dst/f"), -ENOENT);
	KEXPECT_EQ(t, exists("/kt_m6/src/f"), 0);	/* the source is untouched */
	KEXPECT_EQ(t, rm_k("/kt_m6/src/f", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_m6/src/g", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_m6/src", true), 0);
	KEXPECT_EQ(t, rm_k("/kt_m6/dst", true), 0);
	KEXPECT_EQ(t, rm_k("/kt_m6", true), 0);
}

struct show_state {
	int seen;
	bool root_first;
};

static int show_one(void *arg, const char *dev, const char *dir, const char *type, const char *opts)
{
	struct show_state *s = arg;
	if (s->seen++ == 0)
		s->root_first = !strcmp(dir, "/") && !strcmp(type, "rootfs");
	if (!strcmp(dir, "/kt_m7/x") && !strcmp(dev, "mydev") && !strcmp(type, "tmpfs") &&
	    !strcmp(opts, "ro,nosuid,relatime"))
		return 7;
	return 0;
}

KTEST(mount, iterate_mounts_names_mount_points)
{
	struct show_state s = { 0 };
	KASSERT(t, mkdir_k("/kt_m7") == 0);
	KASSERT(t, mkdir_k("/kt_m7/x") == 0);
	KASSERT(t, do_mount("mydev", "/kt_m7/x", "tmpfs", MS_RDONLY | MS_NOSUID, NULL) == 0);
	KEXPECT_EQ(t, iterate_mounts(show_one, &s), 7);
	KEXPECT(t, s.root_first);
	KEXPECT_EQ(t, do_umount_path("/kt_m7/x", 0), 0);
	s.seen = 0;
	KEXPECT_EQ(t, iterate_mounts(show_one, &s), 0);
	KEXPECT(t, s.seen >= 1);
	KEXPECT_EQ(t, rm_k("/kt_m7/x", true), 0);
	KEXPECT_EQ(t, rm_k("/kt_m7", true), 0);
}

KTEST(mount, umount_frees_the_tmpfs_pages)
{
	static char page[4096];
	char name[32];
	KASSERT(t, mkdir_k("/kt_m8") == 0);
	/* Warm up the allocators (slab pages stay cached), then measure. */
	for (int round = 0; round < 2; round++) {
		unsigned long before = nr_free_pages();
		KASSERT(t, do_mount("none", "/kt_m8", "tmpfs", 0, NULL) == 0);
		KASSERT(t, mkdir_k("/kt_m8/d") == 0);
		for (int i = 0; i < 16; i++) {
			snprintf(name, sizeof(name), "/kt_m8/d/f%d", i);
			for (int k = 0; k < 4; k++)
				put_file(name, page, sizeof(page));
		}
		KEXPECT(t, nr_free_pages() < before);
		KEXPECT_EQ(t, do_umount_path("/kt_m8", 0), 0);
		if (round == 1)	/* 16 one-page files: all of them back, give or take a slab page */
			KEXPECT(t, nr_free_pages() + 4 >= before);
	}
	KEXPECT_EQ(t, rm_k("/kt_m8", true), 0);
}
