/* statx(2) and utimensat(2) definitions of the Linux ABI, in our own words;
 * layout and values from the Linux UAPI <linux/stat.h> (struct statx is
 * 0x100 bytes; the spare words must be zero for user space). */
#ifndef _UAPI_LINUX_STAT_H
#define _UAPI_LINUX_STAT_H
#include <linux/types.h>

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask;		/* which fields below are filled in */
	u32 stx_blksize;
	u64 stx_attributes;	/* STATX_ATTR_* */
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0[1];
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;		/* 512-byte units */
	u64 stx_attributes_mask;	/* which STATX_ATTR_* bits the fs knows */
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	u32 stx_rdev_major;
	u32 stx_rdev_minor;
	u32 stx_dev_major;
	u32 stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align;
	u32 stx_dio_offset_align;
	u64 __spare3[12];
};

#define STATX_TYPE		0x00000001U
#define STATX_MODE		0x00000002U
#define STATX_NLINK		0x00000004U
#define STATX_UID		0x00000008U
#define STATX_GID		0x00000010U
#define STATX_ATIME		0x00000020U
#define STATX_MTIME		0x00000040U
#define STATX_CTIME		0x00000080U
#define STATX_INO		0x00000100U
#define STATX_SIZE		0x00000200U
#define STATX_BLOCKS		0x00000400U
#define STATX_BASIC_STATS	0x000007ffU
#define STATX_BTIME		0x00000800U
#define STATX_MNT_ID		0x00001000U
#define STATX__RESERVED		0x80000000U

/* stx_attributes bits (the generic ones). */
#define STATX_ATTR_AUTOMOUNT	0x00001000
#define STATX_ATTR_MOUNT_ROOT	0x00002000
#define STATX_ATTR_DAX		0x00200000

/* utimensat's special tv_nsec values. */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)
#endif
