/* struct statfs as x86-64 user space sees it (asm-generic/statfs.h with
 * __statfs_word = long): 120 bytes. */
#ifndef _UAPI_ASM_STATFS_H
#define _UAPI_ASM_STATFS_H

struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};
#endif
