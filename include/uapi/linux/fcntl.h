/* open(2)/fcntl(2) flags of the Linux x86-64 ABI, in our own words; values
 * from the Linux UAPI <asm-generic/fcntl.h> and <linux/fcntl.h>. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H
#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR      00000002
#define O_CREAT     00000100
#define O_EXCL      00000200
#define O_NOCTTY    00000400
#define O_TRUNC     00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_DSYNC     00010000
#define O_DIRECT    00040000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_NOATIME   01000000
#define O_CLOEXEC   02000000
#define O_PATH      010000000
#define __O_SYNC    04000000
#define O_SYNC      (__O_SYNC | O_DSYNC)
#define __O_TMPFILE 020000000

/* fcntl commands and the fd flag */
#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define F_SETPIPE_SZ    1031	/* F_LINUX_SPECIFIC_BASE + 7 */
#define F_GETPIPE_SZ    1032	/* F_LINUX_SPECIFIC_BASE + 8 */
#define FD_CLOEXEC      1

/* POSIX record locks (x86-64 <asm-generic/fcntl.h>: struct flock is 32 bytes) */
#define F_GETLK         5
#define F_SETLK         6
#define F_SETLKW        7
#define F_OFD_GETLK     36
#define F_OFD_SETLK     37
#define F_OFD_SETLKW    38
#define F_RDLCK         0
#define F_WRLCK         1
#define F_UNLCK         2

struct flock {
	short l_type;
	short l_whence;
	long long l_start;	/* __kernel_off_t */
	long long l_len;
	int l_pid;		/* __kernel_pid_t */
};

/* flock(2) operations (<asm-generic/fcntl.h>) */
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

#define AT_FDCWD            -100
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR        0x200
#define AT_EACCESS          0x200	/* faccessat: effective ids (same bit as AT_REMOVEDIR) */
#define AT_SYMLINK_FOLLOW   0x400
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000
#define AT_STATX_SYNC_TYPE  0x6000	/* statx: both bits set is invalid */
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC  0x4000
#endif
