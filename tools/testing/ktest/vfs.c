/* ktests for the VFS core and tmpfs (fs/namei.c, fs/dcache.c,
 * fs/ramfs/inode.c, fs/file_table.c): create, look up, read back, unlink
 * and walk paths on the root tmpfs from inside the kernel. Each case works
 * under its own directory so cases do not see each other's names. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/ktest.h>
#include <uapi/linux/fcntl.h>

static int do_mkdir(const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = vfs_mkdir(parent.dentry->d_inode, d, mode);
	done_path_create(&parent, d);
	return err;
}

static int do_symlink(const char *target, const char *name)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = vfs_symlink(parent.dentry->d_inode, d, target);
	done_path_create(&parent, d);
	return err;
}

static int do_unlink(const char *name, bool dir)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = dir ? vfs_rmdir(parent.dentry->d_inode, d) : vfs_unlink(parent.dentry->d_inode, d);
	done_path_create(&parent, d);
	return err;
}

static long lookup_err(const char *name, unsigned int flags)
{
	struct path p;
	int err = kern_path(name, flags, &p);
	if (!err)
		path_put(&p);
	return err;
}

static long write_file(const char *name, const char *data, size_t len, loff_t at)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT, 0644);
	if (IS_ERR(f))
		return PTR_ERR(f);
	long n = kernel_write(f, data, len, &at);
	filp_close(f);
	return n;
}

KTEST(vfs, create_write_read_back_across_pages)
{
	static char big[3 * 4096 + 100], back[sizeof(big)];
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + 1);
	KASSERT(t, do_mkdir("/kt_rw", 0755) == 0);
	KEXPECT_EQ(t, write_file("/kt_rw/f", big, sizeof(big), 0), sizeof(big));
	struct file *f = filp_open("/kt_rw/f", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	loff_t pos = 0;
	KEXPECT_EQ(t, kernel_read(f, back, sizeof(back), &pos), sizeof(big));
	KEXPECT(t, !memcmp(big, back, sizeof(big)));
	KEXPECT_EQ(t, kernel_read(f, back, 10, &pos), 0);	/* EOF */
	KEXPECT_EQ(t, f->f_inode->i_size, sizeof(big));
	KEXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -EBADF);	/* opened read-only */
	filp_close(f);
	KEXPECT_EQ(t, do_unlink("/kt_rw/f", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_rw", true), 0);
}

KTEST(vfs, hole_reads_as_zeros)
{
	char buf[8];
	KASSERT(t, do_mkdir("/kt_hole", 0755) == 0);
	KEXPECT_EQ(t, write_file("/kt_hole/f", "end", 3, 20000), 3);
	struct file *f = filp_open("/kt_hole/f", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	loff_t pos = 5000;
	memset(buf, 'q', sizeof(buf));
	KEXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KEXPECT(t, buf[0] == 0 && buf[7] == 0);
	KEXPECT_EQ(t, f->f_inode->i_size, 20003);
	filp_close(f);
	KEXPECT_EQ(t, do_unlink("/kt_hole/f", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_hole", true), 0);
}

KTEST(vfs, unlink_makes_name_vanish_but_open_file_lives)
{
	char buf[4];
	KASSERT(t, do_mkdir("/kt_ul", 0755) == 0);
	KEXPECT_EQ(t, write_file("/kt_ul/f", "abcd", 4, 0), 4);
	struct file *f = filp_open("/kt_ul/f", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	KEXPECT_EQ(t, do_unlink("/kt_ul/f", false), 0);
	KEXPECT_EQ(t, lookup_err("/kt_ul/f", 0), -ENOENT);
	KEXPECT_EQ(t, do_unlink("/kt_ul/f", false), -ENOENT);
	loff_t pos = 0;
	KEXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KEXPECT(t, !memcmp(buf, "abcd", 4));
	KEXPECT_EQ(t, f->f_inode->i_nlink, 0);
	filp_close(f);
	KEXPECT_EQ(t, do_unlink("/kt_ul", true), 0);
}

KTEST(vfs, mkdir_rmdir_rules)
{
	KASSERT(t, do_mkdir("/kt_dir", 0755) == 0);
	KEXPECT_EQ(t, do_mkdir("/kt_dir", 0755), -EEXIST);
	KEXPECT_EQ(t, do_mkdir("/kt_dir/a", 0755), 0);
	KEXPECT_EQ(t, do_unlink("/kt_dir", true), -ENOTEMPTY);
	KEXPECT_EQ(t, do_unlink("/kt_dir/a", false), -EISDIR);
	KEXPECT_EQ(t, write_file("/kt_dir/file", "x", 1, 0), 1);
	KEXPECT_EQ(t, do_unlink("/kt_dir/file", true), -ENOTDIR);
	KEXPECT_EQ(t, do_mkdir("/kt_dir/file/sub", 0755), -ENOTDIR);
	KEXPECT_EQ(t, do_mkdir("/kt_dir/missing/sub", 0755), -ENOENT);
	KEXPECT_EQ(t, do_mkdir("/kt_dir/.", 0755), -EEXIST);
	KEXPECT_EQ(t, do_unlink("/kt_dir/file", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_dir/a", true), 0);
	KEXPECT_EQ(t, do_unlink("/kt_dir", true), 0);
	KEXPECT_EQ(t, lookup_err("/kt_dir", 0), -ENOENT);
}

KTEST(vfs, path_walk_dots_and_root)
{
	struct path p;
	KASSERT(t, do_mkdir("/kt_dots", 0755) == 0);
	KASSERT(t, do_mkdir("/kt_dots/b", 0755) == 0);
	KASSERT(t, kern_path("/kt_dots/b/../b/./", 0, &p) == 0);
	KEXPECT(t, !strcmp(p.dentry->d_name.name, "b"));
	path_put(&p);
	KASSERT(t, kern_path("/../../..", 0, &p) == 0);	/* never above the root */
	KEXPECT(t, p.dentry == vfs_root.dentry);
	path_put(&p);
	KASSERT(t, kern_path("//kt_dots///b", 0, &p) == 0);
	KEXPECT(t, !strcmp(p.dentry->d_name.name, "b"));
	path_put(&p);
	KEXPECT_EQ(t, lookup_err("", 0), -ENOENT);
	KEXPECT_EQ(t, write_file("/kt_dots/f", "x", 1, 0), 1);
	KEXPECT_EQ(t, lookup_err("/kt_dots/f/", 0), -ENOTDIR);
	KEXPECT_EQ(t, lookup_err("/kt_dots/f/x", 0), -ENOTDIR);
	KEXPECT_EQ(t, do_unlink("/kt_dots/f", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_dots/b", true), 0);
	KEXPECT_EQ(t, do_unlink("/kt_dots", true), 0);
}

KTEST(vfs, name_too_long)
{
	static char name[NAME_MAX + 3];
	name[0] = '/';
	memset(name + 1, 'n', NAME_MAX + 1);
	KEXPECT_EQ(t, lookup_err(name, 0), -ENAMETOOLONG);
	name[NAME_MAX + 1] = 0;		/* exactly NAME_MAX: just missing */
	KEXPECT_EQ(t, lookup_err(name, 0), -ENOENT);
}

KTEST(vfs, symlinks_follow_and_loop)
{
	struct path p;
	KASSERT(t, do_mkdir("/kt_ln", 0755) == 0);
	KASSERT(t, do_mkdir("/kt_ln/real", 0755) == 0);
	KEXPECT_EQ(t, do_symlink("real", "/kt_ln/rel"), 0);
	KEXPECT_EQ(t, do_symlink("/kt_ln/real", "/kt_ln/abs"), 0);
	KEXPECT_EQ(t, do_symlink("loop", "/kt_ln/loop"), 0);
	KASSERT(t, kern_path("/kt_ln/rel", LOOKUP_FOLLOW, &p) == 0);
	KEXPECT(t, !strcmp(p.dentry->d_name.name, "real"));
	path_put(&p);
	KASSERT(t, kern_path("/kt_ln/abs/", 0, &p) == 0);	/* trailing slash follows */
	KEXPECT(t, !strcmp(p.dentry->d_name.name, "real"));
	path_put(&p);
	KASSERT(t, kern_path("/kt_ln/rel", 0, &p) == 0);	/* nofollow: the link */
	KEXPECT(t, S_ISLNK(p.dentry->d_inode->i_mode));
	path_put(&p);
	KEXPECT_EQ(t, lookup_err("/kt_ln/loop", LOOKUP_FOLLOW), -ELOOP);
	KEXPECT_EQ(t, lookup_err("/kt_ln/loop/x", 0), -ELOOP);
	KEXPECT(t, IS_ERR(filp_open("/kt_ln/rel", O_RDONLY | O_NOFOLLOW, 0)));
	KEXPECT_EQ(t, do_unlink("/kt_ln/loop", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_ln/abs", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_ln/rel", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_ln/real", true), 0);
	KEXPECT_EQ(t, do_unlink("/kt_ln", true), 0);
}

KTEST(vfs, open_flags)
{
	KASSERT(t, do_mkdir("/kt_of", 0755) == 0);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_of/none", O_RDONLY, 0)), -ENOENT);
	KEXPECT_EQ(t, write_file("/kt_of/f", "x", 1, 0), 1);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_of/f", O_RDONLY | O_CREAT | O_EXCL, 0644)), -EEXIST);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_of/f", O_RDONLY | O_DIRECTORY, 0)), -ENOTDIR);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_of", O_WRONLY, 0)), -EISDIR);
	KEXPECT_EQ(t, do_unlink("/kt_of/f", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_of", true), 0);
}

/* --- the initramfs unpacker (init/initramfs.c) on archives built here --- */
#include <linux/kdev_t.h>
int unpack_to_rootfs(const void *archive, size_t size);

static size_t cpio_add(char *buf, size_t at, const char *name, u32 ino, u32 mode,
		       u32 nlink, const char *data, u32 rmaj, u32 rmin)
{
	size_t dlen = data ? strlen(data) : 0, nlen = strlen(name) + 1;
	at += snprintf(buf + at, 200, "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
		       ino, mode, 1000u, 100u, nlink, 12345u, dlen, 0u, 0u, rmaj, rmin, nlen, 0u);
	memcpy(buf + at, name, nlen);
	at = (at + nlen + 3) & ~3ul;
	memcpy(buf + at, data ? data : "", dlen);
	return (at + dlen + 3) & ~3ul;
}

static size_t build_archive(char *buf)
{
	size_t at = 0;
	memset(buf, 0, 2048);
	at = cpio_add(buf, at, ".", 1, S_IFDIR | 0755, 2, NULL, 0, 0);
	at = cpio_add(buf, at, "kt_cpio", 2, S_IFDIR | 0750, 2, NULL, 0, 0);
	at = cpio_add(buf, at, "kt_cpio/file", 3, S_IFREG | 0640, 2, "hello", 0, 0);
	at = cpio_add(buf, at, "kt_cpio/hard", 3, S_IFREG | 0640, 2, "hello", 0, 0);
	at = cpio_add(buf, at, "kt_cpio/sym", 4, S_IFLNK | 0777, 1, "file", 0, 0);
	at = cpio_add(buf, at, "kt_cpio/null", 5, S_IFCHR | 0666, 1, NULL, 1, 3);
	return cpio_add(buf, at, "TRAILER!!!", 0, 0, 1, NULL, 0, 0);
}

KTEST(initramfs, unpacks_dirs_files_links_symlinks_devices)
{
	static char buf[2048];
	struct path p, q;
	size_t size = build_archive(buf);
	KASSERT(t, unpack_to_rootfs(buf, size) == 0);
	KASSERT(t, kern_path("/kt_cpio/sym", LOOKUP_FOLLOW, &p) == 0);
	struct inode *inode = p.dentry->d_inode;
	KEXPECT_EQ(t, inode->i_mode, S_IFREG | 0640);
	KEXPECT_EQ(t, inode->i_uid, 1000);
	KEXPECT_EQ(t, inode->i_gid, 100);
	KEXPECT_EQ(t, inode->i_size, 5);
	KEXPECT_EQ(t, inode->i_mtime.tv_sec, 12345);
	KEXPECT_EQ(t, inode->i_nlink, 2);
	KASSERT(t, kern_path("/kt_cpio/hard", 0, &q) == 0);
	KEXPECT(t, q.dentry->d_inode == inode);		/* same ino: one inode */
	path_put(&q);
	path_put(&p);
	KASSERT(t, kern_path("/kt_cpio/null", 0, &p) == 0);
	KEXPECT(t, S_ISCHR(p.dentry->d_inode->i_mode));
	KEXPECT_EQ(t, p.dentry->d_inode->i_rdev, MKDEV(1, 3));
	path_put(&p);
	KASSERT(t, kern_path("/kt_cpio", 0, &p) == 0);
	KEXPECT_EQ(t, p.dentry->d_inode->i_mode, S_IFDIR | 0750);
	path_put(&p);
	KEXPECT_EQ(t, do_unlink("/kt_cpio/null", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_cpio/sym", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_cpio/hard", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_cpio/file", false), 0);
	KEXPECT_EQ(t, do_unlink("/kt_cpio", true), 0);
}

KTEST(initramfs, corrupt_or_compressed_archive_is_a_clean_error)
{
	static char buf[2048];
	size_t size = build_archive(buf);
	buf[0] = 'X';					/* bad magic */
	KEXPECT_EQ(t, unpack_to_rootfs(buf, size), -EINVAL);
	size = build_archive(buf);
	memcpy(buf + 6 + 8 * 11, "7fffffff", 8);	/* huge namesize */
	KEXPECT_EQ(t, unpack_to_rootfs(buf, size), -EINVAL);
	size = build_archive(buf);
	KEXPECT_EQ(t, unpack_to_rootfs(buf, size - 200), -EINVAL);	/* truncated */
	KEXPECT_EQ(t, unpack_to_rootfs("\x1f\x8b\x08\x00", 4), -EINVAL);	/* gzip */
	/* The truncated run unpacked a prefix; clean up whatever it made. */
	do_unlink("/kt_cpio/null", false);
	do_unlink("/kt_cpio/sym", false);
	do_unlink("/kt_cpio/hard", false);
	do_unlink("/kt_cpio/file", false);
	do_unlink("/kt_cpio", true);
	KEXPECT_EQ(t, lookup_err("/kt_cpio", 0), -ENOENT);
}
