/* Filesystem figures for statfs(2) (fs/statfs.c). */
#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H
#include <linux/types.h>

struct path;
struct super_block;

/* What a filesystem's ->statfs fills in (Linux's struct kstatfs); the
 * super_operations hook takes it as its void *buf. */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail;	/* in f_bsize units */
	u64 f_files, f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;				/* ST_* */
};

/* f_flags: the mount's flags (values from Linux's <linux/statfs.h>). */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_SYNCHRONOUS	0x0010
#define ST_VALID	0x0020	/* f_flags is meaningful */
#define ST_NOATIME	0x0400
#define ST_NODIRATIME	0x0800
#define ST_RELATIME	0x1000

int vfs_statfs(const struct path *path, struct kstatfs *buf);
#endif
