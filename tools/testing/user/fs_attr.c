/* Attribute and rename calls on the root tmpfs: chmod, chown (lchown,
 * fchownat), access/faccessat2 (real vs effective ids), truncate, utimensat,
 * rename/renameat2 (NOREPLACE, EXCHANGE), mknod, statx, sync, with Linux's
 * errnos; the permission rules again as uid 1000 in a forked child. Runs as
 * /init under Lucid and Linux; absolute paths only. */
#define _GNU_SOURCE
#include <grp.h>
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "utest.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif
#ifndef RENAME_WHITEOUT
#define RENAME_WHITEOUT 4
#endif
#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE 1
#define FALLOC_FL_PUNCH_HOLE 2
#endif
#ifndef AT_EACCESS
#define AT_EACCESS 0x200
#endif

/* struct statx (musl's headers lack it; layout from the Linux UAPI). */
struct statx_ts {
	long long tv_sec;
	unsigned int tv_nsec;
	int reserved;
};
struct ustatx {
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, spare0;
	unsigned long long stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	unsigned int stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	unsigned long long spare[14];
};
_Static_assert(sizeof(struct ustatx) == 0x100, "struct statx is 256 bytes");
#define STATX_BASIC_STATS 0x7ffu
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC 0x4000

static struct stat st;

static long sys_statx(const char *path, int flags, unsigned int mask, struct ustatx *sx)
{
	return syscall(SYS_statx, AT_FDCWD, path, flags, mask, sx);
}

static int mode_of(const char *path)
{
	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static long ino_of(const char *path)
{
	return lstat(path, &st) == 0 ? (long)st.st_ino : -1;
}

static long size_of(const char *path)
{
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int mkfile(const char *path, int mode)
{
	return (int)syscall(SYS_mknodat, AT_FDCWD, path, S_IFREG | mode, 0);
}

static void test_chmod_chown(void)
{
	CHECK("mknod_regular_file_succeeds", mkfile("/fa/f", 0666) == 0);
	CHECK("mknod_applies_umask_022", mode_of("/fa/f") == 0644);
	CHECK("chmod_sets_mode", chmod("/fa/f", 0600) == 0 && mode_of("/fa/f") == 0600);
	CHECK("chmod_keeps_file_type", stat("/fa/f", &st) == 0 && S_ISREG(st.st_mode));
	CHECK("chmod_sets_special_bits", chmod("/fa/f", 07755) == 0 && mode_of("/fa/f") == 07755);
	CHECK("symlink_for_chmod", symlink("f", "/fa/lnk") == 0);
	CHECK("chmod_follows_symlink", chmod("/fa/lnk", 0640) == 0 && mode_of("/fa/f") == 0640);
	CHECK("fchmodat_fdcwd_succeeds", syscall(SYS_fchmodat, AT_FDCWD, "/fa/f", 0644) == 0 &&
	      mode_of("/fa/f") == 0644);
	CHECK_ERRNO("chmod_missing_gives_enoent", chmod("/fa/none", 0644), ENOENT);
	CHECK_ERRNO("chmod_bad_pointer_gives_efault", syscall(SYS_chmod, (char *)8, 0644), EFAULT);
	CHECK_ERRNO("chmod_through_file_gives_enotdir", chmod("/fa/f/x", 0644), ENOTDIR);

	CHECK("chown_sets_owner_and_group", chown("/fa/f", 1000, 2000) == 0 &&
	      stat("/fa/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 2000);
	CHECK("chown_minus_one_keeps_both", chown("/fa/f", -1, -1) == 0 &&
	      stat("/fa/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 2000);
	CHECK("chown_group_only", chown("/fa/f", -1, 0) == 0 &&
	      stat("/fa/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 0);
	CHECK("chmod_setuid_for_chown", chmod("/fa/f", 06755) == 0);
	CHECK("chown_clears_setuid_and_setgid", chown("/fa/f", 0, 0) == 0 && mode_of("/fa/f") == 0755);
	CHECK("mkdir_for_chown", mkdir("/fa/sd", 0755) == 0 && chmod("/fa/sd", 06755) == 0);
	CHECK("chown_keeps_setid_bits_on_directory", chown("/fa/sd", 0, 0) == 0 && mode_of("/fa/sd") == 06755);
	CHECK("lchown_changes_the_link", lchown("/fa/lnk", 7, 8) == 0 && lstat("/fa/lnk", &st) == 0 &&
	      st.st_uid == 7 && st.st_gid == 8 && stat("/fa/lnk", &st) == 0 && st.st_uid == 0);
	CHECK("fchownat_nofollow_changes_the_link", fchownat(AT_FDCWD, "/fa/lnk", 9, 9, AT_SYMLINK_NOFOLLOW) == 0 &&
	      lstat("/fa/lnk", &st) == 0 && st.st_uid == 9 && stat("/fa/f", &st) == 0 && st.st_uid == 0);
	CHECK("chown_follows_the_link", chown("/fa/lnk", 5, 5) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_uid == 5 && lstat("/fa/lnk", &st) == 0 && st.st_uid == 9);
	CHECK("chown_back_to_root", chown("/fa/f", 0, 0) == 0);
	CHECK_ERRNO("fchownat_bad_flag_gives_einval", fchownat(AT_FDCWD, "/fa/f", 0, 0, 0x4), EINVAL);
	CHECK_ERRNO("chown_missing_gives_enoent", chown("/fa/none", 0, 0), ENOENT);
	CHECK_ERRNO("chown_bad_pointer_gives_efault", syscall(SYS_chown, (char *)8, 0, 0), EFAULT);
	CHECK_ERRNO("fchownat_empty_name_gives_enoent", fchownat(AT_FDCWD, "", 0, 0, 0), ENOENT);
}

static void test_access(void)
{
	CHECK("access_f_ok_existing", access("/fa/f", F_OK) == 0);
	CHECK_ERRNO("access_missing_gives_enoent", access("/fa/none", F_OK), ENOENT);
	CHECK_ERRNO("access_bad_mode_gives_einval", access("/fa/f", 8), EINVAL);
	CHECK_ERRNO("access_bad_pointer_gives_efault", syscall(SYS_access, (char *)8, F_OK), EFAULT);
	CHECK("mknod_noexec_file", mkfile("/fa/nx", 0) == 0);
	CHECK("access_root_reads_mode_0", access("/fa/nx", R_OK | W_OK) == 0);
	CHECK_ERRNO("access_root_exec_without_x_gives_eacces", access("/fa/nx", X_OK), EACCES);
	CHECK("access_root_exec_dir", access("/fa", X_OK) == 0);
	CHECK("faccessat_fdcwd", syscall(SYS_faccessat, AT_FDCWD, "/fa/f", R_OK) == 0);
	CHECK("symlink_dangling", symlink("/fa/none", "/fa/dangle") == 0);
	CHECK_ERRNO("access_follows_dangling_gives_enoent", access("/fa/dangle", F_OK), ENOENT);
	CHECK("faccessat2_nofollow_sees_link", syscall(SYS_faccessat2, AT_FDCWD, "/fa/dangle", F_OK,
							AT_SYMLINK_NOFOLLOW) == 0);
	CHECK_ERRNO("faccessat2_bad_flag_gives_einval",
		    syscall(SYS_faccessat2, AT_FDCWD, "/fa/f", F_OK, 0x4), EINVAL);
	CHECK("faccessat2_eaccess_as_root", syscall(SYS_faccessat2, AT_FDCWD, "/fa/f", R_OK | W_OK, AT_EACCESS) == 0);
}

static void test_truncate(void)
{
	CHECK("truncate_grows", truncate("/fa/f", 10000) == 0 && size_of("/fa/f") == 10000);
	CHECK("truncate_shrinks", truncate("/fa/f", 100) == 0 && size_of("/fa/f") == 100);
	CHECK("truncate_to_zero", truncate("/fa/f", 0) == 0 && size_of("/fa/f") == 0);
	CHECK("truncate_through_symlink", truncate("/fa/lnk", 5) == 0 && size_of("/fa/f") == 5);
	CHECK_ERRNO("truncate_negative_gives_einval", truncate("/fa/f", -1), EINVAL);
	CHECK_ERRNO("truncate_directory_gives_eisdir", truncate("/fa", 0), EISDIR);
	CHECK_ERRNO("truncate_missing_gives_enoent", truncate("/fa/none", 0), ENOENT);
	CHECK_ERRNO("truncate_bad_pointer_gives_efault", syscall(SYS_truncate, (char *)8, 0), EFAULT);
	CHECK("mkfifo_for_truncate", mknod("/fa/fifo", S_IFIFO | 0644, 0) == 0);
	CHECK_ERRNO("truncate_fifo_gives_einval", truncate("/fa/fifo", 0), EINVAL);
}

static void test_utimensat(void)
{
	struct timespec ts[2] = { { 1000, 5 }, { 2000, 7 } };
	CHECK("utimensat_sets_both", utimensat(AT_FDCWD, "/fa/f", ts, 0) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_atim.tv_sec == 1000 && st.st_atim.tv_nsec == 5 &&
	      st.st_mtim.tv_sec == 2000 && st.st_mtim.tv_nsec == 7);
	CHECK("utimensat_ctime_is_now", st.st_ctim.tv_sec > 1000000000);
	struct timespec omit_a[2] = { { 0, UTIME_OMIT }, { 3000, 0 } };
	CHECK("utimensat_omit_keeps_atime", utimensat(AT_FDCWD, "/fa/f", omit_a, 0) == 0 &&
	      stat("/fa/f", &st) == 0 && st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec == 3000);
	struct timespec now_m[2] = { { 0, UTIME_OMIT }, { 0, UTIME_NOW } };
	CHECK("utimensat_now_sets_mtime_to_now", utimensat(AT_FDCWD, "/fa/f", now_m, 0) == 0 &&
	      stat("/fa/f", &st) == 0 && st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec > 1000000000);
	CHECK("utimensat_null_sets_both_to_now", utimensat(AT_FDCWD, "/fa/f", ts, 0) == 0 &&
	      utimensat(AT_FDCWD, "/fa/f", NULL, 0) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_atim.tv_sec > 1000000000 && st.st_mtim.tv_sec > 1000000000);
	CHECK("utimensat_nofollow_sets_the_link", utimensat(AT_FDCWD, "/fa/lnk", ts, AT_SYMLINK_NOFOLLOW) == 0 &&
	      lstat("/fa/lnk", &st) == 0 && st.st_mtim.tv_sec == 2000 &&
	      stat("/fa/f", &st) == 0 && st.st_mtim.tv_sec != 2000);
	struct timespec omit2[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	CHECK("utimensat_both_omit_does_not_look_up", syscall(SYS_utimensat, AT_FDCWD, "/fa/none", omit2, 0) == 0);
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	CHECK_ERRNO("utimensat_bad_nsec_gives_einval", syscall(SYS_utimensat, AT_FDCWD, "/fa/f", bad, 0), EINVAL);
	CHECK_ERRNO("utimensat_bad_flag_gives_einval", syscall(SYS_utimensat, AT_FDCWD, "/fa/f", NULL, 0x4), EINVAL);
	CHECK_ERRNO("utimensat_bad_times_gives_efault", syscall(SYS_utimensat, AT_FDCWD, "/fa/f", (void *)8, 0), EFAULT);
	CHECK_ERRNO("utimensat_bad_path_gives_efault", syscall(SYS_utimensat, AT_FDCWD, (char *)8, NULL, 0), EFAULT);
	CHECK_ERRNO("utimensat_missing_gives_enoent", syscall(SYS_utimensat, AT_FDCWD, "/fa/none", NULL, 0), ENOENT);
	/* The older calls: seconds, microseconds. */
	long ub[2] = { 100, 200 };
	CHECK("utime_sets_seconds", syscall(SYS_utime, "/fa/f", ub) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_atim.tv_sec == 100 && st.st_mtim.tv_sec == 200 && st.st_mtim.tv_nsec == 0);
	CHECK("utime_null_is_now", syscall(SYS_utime, "/fa/f", NULL) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_mtim.tv_sec > 1000000000);
	CHECK_ERRNO("utime_bad_times_gives_efault", syscall(SYS_utime, "/fa/f", (void *)8), EFAULT);
	struct timeval tv[2] = { { 300, 5 }, { 400, 999999 } };
	CHECK("utimes_sets_microseconds", syscall(SYS_utimes, "/fa/f", tv) == 0 && stat("/fa/f", &st) == 0 &&
	      st.st_atim.tv_sec == 300 && st.st_atim.tv_nsec == 5000 && st.st_mtim.tv_nsec == 999999000);
	struct timeval badtv[2] = { { 0, 1000000 }, { 0, 0 } };
	CHECK_ERRNO("utimes_bad_usec_gives_einval", syscall(SYS_utimes, "/fa/f", badtv), EINVAL);
	CHECK_ERRNO("utimes_missing_gives_enoent", syscall(SYS_utimes, "/fa/none", tv), ENOENT);
	CHECK("futimesat_fdcwd", syscall(SYS_futimesat, AT_FDCWD, "/fa/f", tv) == 0);
}

static void test_rename(void)
{
	long ino = ino_of("/fa/f");
	CHECK("rename_file_succeeds", rename("/fa/f", "/fa/g") == 0);
	CHECK("rename_new_name_same_inode", ino_of("/fa/g") == ino);
	CHECK_ERRNO("rename_old_name_gone", lstat("/fa/f", &st), ENOENT);
	CHECK("rename_to_itself_succeeds", rename("/fa/g", "/fa/g") == 0 && ino_of("/fa/g") == ino);
	CHECK("mknod_victim", mkfile("/fa/victim", 0644) == 0);
	CHECK("rename_replaces_file", rename("/fa/g", "/fa/victim") == 0 && ino_of("/fa/victim") == ino &&
	      lstat("/fa/g", &st) == -1);
	CHECK("link_for_rename", link("/fa/victim", "/fa/hard") == 0);
	CHECK("rename_hard_link_onto_itself_keeps_both", rename("/fa/hard", "/fa/victim") == 0 &&
	      ino_of("/fa/hard") == ino && ino_of("/fa/victim") == ino);
	CHECK("unlink_hard", unlink("/fa/hard") == 0);
	CHECK_ERRNO("rename_missing_gives_enoent", rename("/fa/none", "/fa/x"), ENOENT);
	CHECK_ERRNO("rename_bad_pointer_gives_efault", syscall(SYS_rename, (char *)8, "/fa/x"), EFAULT);
	CHECK_ERRNO("rename_bad_new_pointer_gives_efault", syscall(SYS_rename, "/fa/victim", (char *)8), EFAULT);

	/* Directories. */
	CHECK("mkdir_tree", mkdir("/fa/d1", 0755) == 0 && mkdir("/fa/d1/sub", 0755) == 0 &&
	      mkdir("/fa/d2", 0755) == 0 && mkfile("/fa/d1/sub/leaf", 0644) == 0);
	CHECK_ERRNO("rename_dir_into_itself_gives_einval", rename("/fa/d1", "/fa/d1/sub/x"), EINVAL);
	CHECK_ERRNO("rename_dir_onto_own_child_gives_einval", rename("/fa/d1", "/fa/d1/sub"), EINVAL);
	CHECK_ERRNO("rename_onto_ancestor_gives_enotempty", rename("/fa/d1/sub", "/fa/d1"), ENOTEMPTY);
	CHECK_ERRNO("rename_dir_onto_file_gives_enotdir", rename("/fa/d2", "/fa/victim"), ENOTDIR);
	CHECK_ERRNO("rename_file_onto_dir_gives_eisdir", rename("/fa/victim", "/fa/d2"), EISDIR);
	CHECK_ERRNO("rename_onto_nonempty_dir_gives_enotempty", rename("/fa/d2", "/fa/d1"), ENOTEMPTY);
	CHECK_ERRNO("rename_file_trailing_slash_gives_enotdir", rename("/fa/victim/", "/fa/v2"), ENOTDIR);
	CHECK_ERRNO("rename_to_trailing_slash_gives_enotdir", rename("/fa/victim", "/fa/v2/"), ENOTDIR);
	CHECK_ERRNO("rename_root_gives_ebusy", rename("/", "/fa/r"), EBUSY);
	CHECK_ERRNO("rename_dot_gives_ebusy", rename("/fa/d2/.", "/fa/r"), EBUSY);
	CHECK_ERRNO("rename_onto_dotdot_gives_ebusy", rename("/fa/victim", "/fa/d2/.."), EBUSY);
	CHECK_ERRNO("rename_into_missing_dir_gives_enoent", rename("/fa/victim", "/fa/nodir/x"), ENOENT);
	CHECK_ERRNO("rename_through_file_gives_enotdir", rename("/fa/victim/x", "/fa/y"), ENOTDIR);
	CHECK("stat_d1_nlink_3", stat("/fa/d1", &st) == 0 && st.st_nlink == 3);
	CHECK("tmpfs_dir_size_counts_entries", stat("/fa/d1", &st) == 0 && st.st_size == 60 &&
	      stat("/fa/d2", &st) == 0 && st.st_size == 40);
	CHECK("rename_dir_to_other_parent", rename("/fa/d1/sub", "/fa/d2/moved") == 0 &&
	      stat("/fa/d2/moved/leaf", &st) == 0 && S_ISREG(st.st_mode));
	CHECK("rename_dir_moves_dotdot_link", stat("/fa/d1", &st) == 0 && st.st_nlink == 2 &&
	      stat("/fa/d2", &st) == 0 && st.st_nlink == 3);
	CHECK("rename_moves_dir_size", stat("/fa/d1", &st) == 0 && st.st_size == 40 &&
	      stat("/fa/d2", &st) == 0 && st.st_size == 60);
	CHECK("rename_dir_dotdot_follows", stat("/fa/d2/moved/..", &st) == 0 && st.st_ino == (ino_t)ino_of("/fa/d2"));
	CHECK_ERRNO("rename_old_dir_path_gone", stat("/fa/d1/sub/leaf", &st), ENOENT);
	CHECK("rename_dir_replaces_empty_dir", rename("/fa/d2/moved", "/fa/d1") == 0 &&
	      stat("/fa/d1/leaf", &st) == 0 && stat("/fa/d2", &st) == 0 && st.st_nlink == 2);
	CHECK("rename_long_names", rename("/fa/d1/leaf", "/fa/d1/a_name_longer_than_thirty_two_bytes_for_sure") == 0 &&
	      rename("/fa/d1/a_name_longer_than_thirty_two_bytes_for_sure", "/fa/d1/another_very_long_name_over_32_bytes") == 0 &&
	      rename("/fa/d1/another_very_long_name_over_32_bytes", "/fa/d1/leaf") == 0 && stat("/fa/d1/leaf", &st) == 0);

	/* renameat2 flags. */
	CHECK("mknod_pair", mkfile("/fa/p1", 0644) == 0 && mkfile("/fa/p2", 0600) == 0);
	long i1 = ino_of("/fa/p1"), i2 = ino_of("/fa/p2");
	CHECK_ERRNO("renameat2_noreplace_existing_gives_eexist",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/p2", RENAME_NOREPLACE), EEXIST);
	CHECK("renameat2_exchange_swaps", syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/p2",
						  RENAME_EXCHANGE) == 0 &&
	      ino_of("/fa/p1") == i2 && ino_of("/fa/p2") == i1);
	CHECK("renameat2_exchange_file_and_dir", syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/d1",
							 RENAME_EXCHANGE) == 0 &&
	      stat("/fa/p1/leaf", &st) == 0 && stat("/fa/d1", &st) == 0 && S_ISREG(st.st_mode));
	CHECK("renameat2_exchange_back", syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/d1",
						 RENAME_EXCHANGE) == 0 && stat("/fa/d1/leaf", &st) == 0);
	CHECK("renameat2_exchange_across_dirs", syscall(SYS_renameat2, AT_FDCWD, "/fa/d1", AT_FDCWD, "/fa/d2/x",
							0) == 0 &&
	      syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/d2/x", RENAME_EXCHANGE) == 0 &&
	      stat("/fa/p1/leaf", &st) == 0 && stat("/fa", &st) == 0 && st.st_nlink == 5 &&
	      stat("/fa/d2", &st) == 0 && st.st_nlink == 2);
	CHECK_ERRNO("renameat2_exchange_missing_gives_enoent",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/p2", AT_FDCWD, "/fa/none", RENAME_EXCHANGE), ENOENT);
	CHECK_ERRNO("renameat2_noreplace_exchange_gives_einval",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/p2", RENAME_EXCHANGE | RENAME_NOREPLACE),
		    EINVAL);
	CHECK_ERRNO("renameat2_bad_flag_gives_einval",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/p1", AT_FDCWD, "/fa/p3", 0x80), EINVAL);
	CHECK("renameat2_noreplace_new_name", syscall(SYS_renameat2, AT_FDCWD, "/fa/p2", AT_FDCWD, "/fa/p3",
						      RENAME_NOREPLACE) == 0 && ino_of("/fa/p3") == i1);
	CHECK("renameat_fdcwd", syscall(SYS_renameat, AT_FDCWD, "/fa/p3", AT_FDCWD, "/fa/p2") == 0);
	CHECK("mknod_for_whiteout", mkfile("/fa/wo", 0644) == 0);
	long iwo = ino_of("/fa/wo");
	CHECK("renameat2_whiteout_moves", syscall(SYS_renameat2, AT_FDCWD, "/fa/wo", AT_FDCWD, "/fa/wo2",
						  RENAME_WHITEOUT) == 0 && ino_of("/fa/wo2") == iwo);
	CHECK("renameat2_whiteout_leaves_a_0_0_device", lstat("/fa/wo", &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == 0 && (st.st_mode & 07777) == 0 && st.st_ino != (ino_t)iwo);
	CHECK_ERRNO("renameat2_whiteout_exchange_gives_einval",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/wo2", AT_FDCWD, "/fa/wo", RENAME_WHITEOUT | RENAME_EXCHANGE),
		    EINVAL);
	CHECK_ERRNO("renameat2_whiteout_nonempty_gives_enotempty",
		    syscall(SYS_renameat2, AT_FDCWD, "/fa/d2", AT_FDCWD, "/fa/p1", RENAME_WHITEOUT), ENOTEMPTY);
	CHECK("renameat2_whiteout_failure_left_no_whiteout", stat("/fa/d2", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK("unlink_whiteouts", unlink("/fa/wo") == 0 && unlink("/fa/wo2") == 0);

	/* Across mounts. */
	CHECK("mount_tmpfs_for_exdev", mkdir("/fa/mnt", 0755) == 0 &&
	      mount("none", "/fa/mnt", "tmpfs", 0, NULL) == 0 && mkfile("/fa/mnt/x", 0644) == 0);
	CHECK_ERRNO("rename_across_mounts_gives_exdev", rename("/fa/mnt/x", "/fa/x"), EXDEV);
	CHECK_ERRNO("rename_into_mount_gives_exdev", rename("/fa/p2", "/fa/mnt/p2"), EXDEV);
	CHECK_ERRNO("rename_mountpoint_gives_ebusy", rename("/fa/mnt", "/fa/mnt2"), EBUSY);
	CHECK_ERRNO("rename_onto_mountpoint_gives_ebusy", rename("/fa/d2", "/fa/mnt"), EBUSY);
	CHECK("rename_inside_mount", rename("/fa/mnt/x", "/fa/mnt/y") == 0 && stat("/fa/mnt/y", &st) == 0);
	CHECK("umount_after_exdev", umount2("/fa/mnt", 0) == 0 && rmdir("/fa/mnt") == 0);

	/* A read-only filesystem: every change is EROFS. */
	struct timespec ts[2] = { { 1, 0 }, { 2, 0 } };
	CHECK("mount_tmpfs_then_remount_ro", mkdir("/fa/ro", 0755) == 0 &&
	      mount("none", "/fa/ro", "tmpfs", 0, NULL) == 0 && mkfile("/fa/ro/f", 0644) == 0 &&
	      mkdir("/fa/ro/d", 0755) == 0 &&
	      mount(NULL, "/fa/ro", NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0);
	CHECK_ERRNO("chmod_on_ro_gives_erofs", chmod("/fa/ro/f", 0600), EROFS);
	CHECK_ERRNO("chown_on_ro_gives_erofs", chown("/fa/ro/f", 1, 1), EROFS);
	CHECK_ERRNO("utimensat_on_ro_gives_erofs", utimensat(AT_FDCWD, "/fa/ro/f", ts, 0), EROFS);
	CHECK_ERRNO("utimensat_now_on_ro_gives_erofs", utimensat(AT_FDCWD, "/fa/ro/f", NULL, 0), EROFS);
	CHECK_ERRNO("truncate_on_ro_gives_erofs", truncate("/fa/ro/f", 0), EROFS);
	CHECK_ERRNO("rename_on_ro_gives_erofs", rename("/fa/ro/f", "/fa/ro/g"), EROFS);
	CHECK_ERRNO("rename_dir_on_ro_gives_erofs", rename("/fa/ro/d", "/fa/ro/e"), EROFS);
	CHECK_ERRNO("mknod_on_ro_gives_erofs", mknod("/fa/ro/p", S_IFIFO | 0644, 0), EROFS);
	CHECK_ERRNO("access_write_on_ro_gives_erofs", access("/fa/ro/f", W_OK), EROFS);
	CHECK("access_read_on_ro", access("/fa/ro/f", R_OK) == 0);
	CHECK("umount_ro", umount2("/fa/ro", 0) == 0 && rmdir("/fa/ro") == 0);
}

static void test_mknod(void)
{
	CHECK("mknod_fifo_type", stat("/fa/fifo", &st) == 0 && S_ISFIFO(st.st_mode) && (st.st_mode & 0777) == 0644);
	CHECK("mknod_char_device", mknod("/fa/null", S_IFCHR | 0666, makedev(1, 3)) == 0 &&
	      stat("/fa/null", &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3) &&
	      (st.st_mode & 0777) == 0644);
	CHECK("mknod_block_device_big_minor", mknod("/fa/blk", S_IFBLK | 0600, makedev(8, 300)) == 0 &&
	      stat("/fa/blk", &st) == 0 && S_ISBLK(st.st_mode) && major(st.st_rdev) == 8 && minor(st.st_rdev) == 300);
	CHECK("mknod_socket", mknod("/fa/sock", S_IFSOCK | 0644, 0) == 0 && lstat("/fa/sock", &st) == 0 &&
	      S_ISSOCK(st.st_mode));
	CHECK("mknod_type_zero_is_regular", mknod("/fa/zero", 0644, 0) == 0 && stat("/fa/zero", &st) == 0 &&
	      S_ISREG(st.st_mode));
	CHECK_ERRNO("mknod_existing_gives_eexist", mknod("/fa/fifo", S_IFIFO | 0644, 0), EEXIST);
	CHECK_ERRNO("mknod_directory_gives_eperm", mknod("/fa/dir", S_IFDIR | 0755, 0), EPERM);
	CHECK_ERRNO("mknod_bad_type_gives_einval", mknod("/fa/bad", 0170000 | 0644, 0), EINVAL);
	CHECK_ERRNO("mknod_bad_pointer_gives_efault", syscall(SYS_mknod, (char *)8, S_IFIFO | 0644, 0), EFAULT);
	CHECK_ERRNO("mknod_missing_dir_gives_enoent", mknod("/fa/none/x", S_IFIFO | 0644, 0), ENOENT);
}

static void test_statx(void)
{
	struct ustatx sx;
	memset(&sx, 0xff, sizeof(sx));
	CHECK("statx_succeeds", sys_statx("/fa/p1", 0, STATX_BASIC_STATS, &sx) == 0);
	CHECK("statx_basic_mask", (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	CHECK("statx_matches_stat", stat("/fa/p1", &st) == 0 && sx.stx_ino == st.st_ino &&
	      sx.stx_mode == st.st_mode && sx.stx_nlink == st.st_nlink && sx.stx_uid == st.st_uid &&
	      sx.stx_size == (unsigned long long)st.st_size && sx.stx_mtime.tv_sec == st.st_mtim.tv_sec &&
	      sx.stx_dev_major == major(st.st_dev) && sx.stx_dev_minor == minor(st.st_dev));
	CHECK("statx_no_btime_unless_asked", !(sx.stx_mask & 0x800));
	CHECK("statx_btime_on_tmpfs", sys_statx("/fa/p1", 0, STATX_BASIC_STATS | 0x800, &sx) == 0 &&
	      (sx.stx_mask & 0x800) && sx.stx_btime.tv_sec > 1000000000 && sx.stx_btime.tv_sec <= sx.stx_ctime.tv_sec);
	CHECK("statx_not_a_mount_root", !(sx.stx_attributes & 0x2000) && (sx.stx_attributes_mask & 0x2000));
	CHECK("statx_root_is_a_mount_root", sys_statx("/", 0, STATX_BASIC_STATS, &sx) == 0 &&
	      (sx.stx_attributes & 0x2000));
	CHECK("statx_rdev", sys_statx("/fa/blk", 0, STATX_BASIC_STATS, &sx) == 0 &&
	      sx.stx_rdev_major == 8 && sx.stx_rdev_minor == 300);
	CHECK("symlink_for_statx", symlink("victim", "/fa/lnk2") == 0);
	CHECK("statx_follows_symlink", sys_statx("/fa/lnk2", 0, STATX_BASIC_STATS, &sx) == 0 &&
	      S_ISREG(sx.stx_mode) && sx.stx_size == 5);
	CHECK("statx_nofollow_sees_link", sys_statx("/fa/lnk2", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) == 0 &&
	      S_ISLNK(sx.stx_mode));
	CHECK("statx_empty_path_fdcwd_is_cwd", sys_statx("", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx) == 0 &&
	      stat("/", &st) == 0 && sx.stx_ino == st.st_ino);
	CHECK_ERRNO("statx_empty_path_without_flag_gives_enoent", sys_statx("", 0, STATX_BASIC_STATS, &sx), ENOENT);
	CHECK_ERRNO("statx_missing_gives_enoent", sys_statx("/fa/none", 0, STATX_BASIC_STATS, &sx), ENOENT);
	CHECK_ERRNO("statx_both_sync_flags_gives_einval",
		    sys_statx("/fa", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_BASIC_STATS, &sx), EINVAL);
	CHECK_ERRNO("statx_reserved_mask_gives_einval", sys_statx("/fa", 0, 0x80000000u, &sx), EINVAL);
	CHECK_ERRNO("statx_bad_flag_gives_einval", sys_statx("/fa", 0x1, STATX_BASIC_STATS, &sx), EINVAL);
	CHECK_ERRNO("statx_bad_buffer_gives_efault", sys_statx("/fa", 0, STATX_BASIC_STATS, (void *)8), EFAULT);
	CHECK_ERRNO("statx_bad_path_gives_efault", sys_statx((char *)8, 0, STATX_BASIC_STATS, &sx), EFAULT);
}

/* ---- the fd forms and dirfds ---- */

static int all_bytes(const char *buf, int c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

/* fallocate against a size-limited tmpfs: the free-block count must follow
 * every allocation, punch and failure exactly (Linux's shmem does). */
static long free_blocks(const char *path)
{
	struct statfs sf;
	return statfs(path, &sf) == 0 ? (long)sf.f_bfree : -1;
}

static void test_fallocate_space(void)
{
	struct stat st;
	CHECK("mount_small_tmpfs", mkdir("/fa/small", 0755) == 0 &&
	      mount("none", "/fa/small", "tmpfs", 0, "size=64k") == 0 && free_blocks("/fa/small") == 16);
	int fd = open("/fa/small/f", O_RDWR | O_CREAT, 0644);
	CHECK_ERRNO("fallocate_more_than_the_instance_gives_enospc", fallocate(fd, 0, 0, 128 << 10), ENOSPC);
	CHECK("enospc_at_once_allocates_nothing", free_blocks("/fa/small") == 16 && fstat(fd, &st) == 0 &&
	      st.st_blocks == 0 && st.st_size == 0);
	CHECK("fallocate_takes_blocks", fallocate(fd, 0, 0, 32 << 10) == 0 && free_blocks("/fa/small") == 8);
	/* Punching gave the pages back but not their blocks: the instance
	 * filled up for ever. */
	CHECK("punch_gives_the_blocks_back", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 32 << 10) == 0 &&
	      free_blocks("/fa/small") == 16 && fstat(fd, &st) == 0 && st.st_blocks == 0 && st.st_size == 32 << 10);
	int g = open("/fa/small/g", O_RDWR | O_CREAT, 0644);
	CHECK("fill_twelve_of_sixteen_blocks", fallocate(g, 0, 0, 48 << 10) == 0 && free_blocks("/fa/small") == 4);
	/* Needs 8, 4 are free: fails part way, and gives back what it took. */
	CHECK_ERRNO("fallocate_past_the_free_space_gives_enospc", fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 32 << 10), ENOSPC);
	CHECK("failed_fallocate_gives_back_what_it_took", free_blocks("/fa/small") == 4 && fstat(fd, &st) == 0 &&
	      st.st_blocks == 0);
	close(g);
	close(fd);
	CHECK("umount_small_tmpfs", umount2("/fa/small", MNT_DETACH) == 0 && rmdir("/fa/small") == 0);
}

static void test_fd_forms(void)
{
	static char buf[8192];
	int fd = open("/fa/t", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK("open_for_ftruncate", fd >= 0);
	memset(buf, 'a', sizeof(buf));
	CHECK("write_two_pages", write(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf));
	CHECK("ftruncate_shrinks_into_first_page", ftruncate(fd, 100) == 0 && size_of("/fa/t") == 100);
	CHECK("ftruncate_grows_again", ftruncate(fd, sizeof(buf)) == 0 && size_of("/fa/t") == (long)sizeof(buf));
	memset(buf, 'x', sizeof(buf));
	CHECK("ftruncate_kept_bytes_survive", pread(fd, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf) &&
	      all_bytes(buf, 'a', 100));
	CHECK("ftruncate_grown_part_reads_zeros", all_bytes(buf + 100, 0, sizeof(buf) - 100));
	CHECK("truncate_path_grows_with_zeros", truncate("/fa/t", 20000) == 0 &&
	      pread(fd, buf, 100, 19900) == 100 && all_bytes(buf, 0, 100));
	CHECK("ftruncate_to_zero_reads_nothing", ftruncate(fd, 0) == 0 && pread(fd, buf, 10, 0) == 0);
	CHECK("empty_file_has_no_blocks", fstat(fd, &st) == 0 && st.st_blocks == 0);
	CHECK("sparse_file_has_no_blocks", ftruncate(fd, 1 << 20) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == 1 << 20 && st.st_blocks == 0);
	CHECK("one_written_byte_takes_a_page", pwrite(fd, "z", 1, 5000) == 1 && fstat(fd, &st) == 0 &&
	      st.st_blocks == 8);
	CHECK("shrinking_frees_the_page", ftruncate(fd, 4096) == 0 && fstat(fd, &st) == 0 && st.st_blocks == 0);
	CHECK("ftruncate_back_to_zero", ftruncate(fd, 0) == 0);
	CHECK("fallocate_grows_with_zeros", fallocate(fd, 0, 0, 8192) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == 8192 && st.st_blocks == 16 && pread(fd, buf, 8192, 0) == 8192 && all_bytes(buf, 0, 8192));
	CHECK("fallocate_keep_size", fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 4096) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == 8192 && st.st_blocks == 24);
	memset(buf, 'a', 8192);
	CHECK("write_for_punch", pwrite(fd, buf, 8192, 0) == 8192);
	CHECK("fallocate_punch_partial_pages_zeroes", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
							     100, 4196) == 0 &&
	      fstat(fd, &st) == 0 && st.st_size == 8192 && st.st_blocks == 24 &&
	      pread(fd, buf, 8192, 0) == 8192 && all_bytes(buf, 'a', 100) && all_bytes(buf + 100, 0, 4196) &&
	      all_bytes(buf + 4296, 'a', 8192 - 4296));
	CHECK("fallocate_punch_whole_page_frees_it", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
							       4096, 4096) == 0 &&
	      fstat(fd, &st) == 0 && st.st_blocks == 16 && st.st_size == 8192);
	/* A hole punched to the end of time touches only the pages there are
	 * (the fuzzer's fallocate(3, 3, 0, 128 TiB) hung, unkillable). */
	CHECK("fallocate_punch_to_end_of_time_returns", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
							      8192, 0x7fffffffffffffffLL - 8192) == 0 &&
	      fstat(fd, &st) == 0 && st.st_size == 8192 && st.st_blocks == 8);
	CHECK_ERRNO("fallocate_punch_without_keep_size_gives_eopnotsupp",
		    fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10), EOPNOTSUPP);
	CHECK_ERRNO("fallocate_zero_range_on_tmpfs_gives_eopnotsupp", fallocate(fd, 0x10, 0, 10), EOPNOTSUPP);
	CHECK_ERRNO("fallocate_zero_len_gives_einval", fallocate(fd, 0, 0, 0), EINVAL);
	CHECK_ERRNO("fallocate_negative_offset_gives_einval", fallocate(fd, 0, -1, 10), EINVAL);
	CHECK_ERRNO("fallocate_bad_fd_gives_ebadf", fallocate(-1, 0, 0, 10), EBADF);
	CHECK("ftruncate_after_fallocate", ftruncate(fd, 0) == 0 && fstat(fd, &st) == 0 && st.st_blocks == 0);
	test_fallocate_space();
	CHECK_ERRNO("ftruncate_negative_gives_einval", ftruncate(fd, -1), EINVAL);
	CHECK_ERRNO("ftruncate_bad_fd_gives_ebadf", ftruncate(-1, 0), EBADF);
	int ro = open("/fa/t", O_RDONLY);
	CHECK_ERRNO("ftruncate_readonly_fd_gives_einval", ftruncate(ro, 0), EINVAL);
	CHECK_ERRNO("fallocate_readonly_fd_gives_ebadf", fallocate(ro, 0, 0, 10), EBADF);
	int dfd = open("/fa", O_RDONLY | O_DIRECTORY);
	CHECK_ERRNO("ftruncate_directory_gives_einval", ftruncate(dfd, 0), EINVAL);
	int pfd = open("/fa/t", O_PATH);
	CHECK_ERRNO("ftruncate_o_path_gives_ebadf", ftruncate(pfd, 0), EBADF);

	CHECK("fchmod_sets_mode", fchmod(fd, 0604) == 0 && mode_of("/fa/t") == 0604);
	CHECK("root_write_keeps_setid_bits", fchmod(fd, 06755) == 0 && write(fd, "r", 1) == 1 &&
	      mode_of("/fa/t") == 06755 && fchmod(fd, 0604) == 0);
	CHECK_ERRNO("fchmod_bad_fd_gives_ebadf", syscall(SYS_fchmod, -1, 0644), EBADF);
	CHECK_ERRNO("fchmod_o_path_gives_ebadf", syscall(SYS_fchmod, pfd, 0644), EBADF);
	CHECK("fchown_sets_owner", fchown(fd, 3, 4) == 0 && stat("/fa/t", &st) == 0 && st.st_uid == 3 && st.st_gid == 4);
	CHECK_ERRNO("fchown_bad_fd_gives_ebadf", syscall(SYS_fchown, -1, 0, 0), EBADF);
	CHECK_ERRNO("fchown_o_path_gives_ebadf", syscall(SYS_fchown, pfd, 0, 0), EBADF);
	CHECK("fchownat_empty_path_on_o_path_fd", fchownat(pfd, "", 0, 0, AT_EMPTY_PATH) == 0 &&
	      stat("/fa/t", &st) == 0 && st.st_uid == 0);

	CHECK("fsync_file", fsync(fd) == 0);
	CHECK("fdatasync_file", fdatasync(fd) == 0);
	CHECK("fsync_directory", fsync(dfd) == 0);
	CHECK_ERRNO("fsync_bad_fd_gives_ebadf", fsync(-1), EBADF);
	CHECK_ERRNO("fdatasync_bad_fd_gives_ebadf", fdatasync(99), EBADF);
	int nfd = open("/fa/null", O_WRONLY);	/* made by test_mknod: char 1,3 */
	CHECK("open_null_device_for_fsync", nfd >= 0);
	CHECK_ERRNO("fsync_null_device_gives_einval", fsync(nfd), EINVAL);
	CHECK("syncfs_file", syscall(SYS_syncfs, fd) == 0);
	CHECK("sync_file_range_file", syscall(SYS_sync_file_range, fd, 0L, 100L, 7) == 0);
	CHECK_ERRNO("sync_file_range_bad_flags_gives_einval", syscall(SYS_sync_file_range, fd, 0L, 100L, 8), EINVAL);
	CHECK_ERRNO("sync_file_range_negative_gives_einval", syscall(SYS_sync_file_range, fd, -1L, 100L, 0), EINVAL);
	CHECK_ERRNO("sync_file_range_wrap_gives_einval",
		    syscall(SYS_sync_file_range, fd, 0x7fffffffffffff00L, 0x1000L, 0), EINVAL);
	CHECK_ERRNO("sync_file_range_bad_fd_gives_ebadf", syscall(SYS_sync_file_range, 99, 0L, 0L, 8), EBADF);
	CHECK_ERRNO("sync_file_range_device_gives_espipe", syscall(SYS_sync_file_range, nfd, 0L, 0L, 0), ESPIPE);
	CHECK_ERRNO("syncfs_bad_fd_gives_ebadf", syscall(SYS_syncfs, -1), EBADF);

	struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
	CHECK("futimens_sets_times", futimens(fd, ts) == 0 && stat("/fa/t", &st) == 0 && st.st_mtim.tv_sec == 2000);
	CHECK_ERRNO("futimens_bad_fd_gives_ebadf", futimens(-1, ts), EBADF);
	CHECK_ERRNO("futimens_flag_gives_einval", syscall(SYS_utimensat, fd, NULL, ts, AT_SYMLINK_NOFOLLOW), EINVAL);
	struct timeval tv[2] = { { 500, 0 }, { 600, 0 } };
	CHECK("futimesat_null_name_is_the_fd", syscall(SYS_futimesat, fd, NULL, tv) == 0 &&
	      stat("/fa/t", &st) == 0 && st.st_mtim.tv_sec == 600);
	CHECK_ERRNO("futimesat_bad_fd_gives_ebadf", syscall(SYS_futimesat, 99, NULL, tv), EBADF);

	/* Relative names against a real dirfd. */
	CHECK("mknodat_dirfd", syscall(SYS_mknodat, dfd, "rel", S_IFREG | 0644, 0) == 0 && stat("/fa/rel", &st) == 0);
	CHECK("fchmodat_dirfd", syscall(SYS_fchmodat, dfd, "rel", 0600) == 0 && mode_of("/fa/rel") == 0600);
	CHECK("fchownat_dirfd", fchownat(dfd, "rel", 6, 6, 0) == 0 && stat("/fa/rel", &st) == 0 && st.st_uid == 6);
	CHECK("faccessat_dirfd", faccessat(dfd, "rel", R_OK, 0) == 0);
	CHECK("utimensat_dirfd", utimensat(dfd, "rel", ts, 0) == 0 && stat("/fa/rel", &st) == 0 &&
	      st.st_atim.tv_sec == 1000);
	CHECK("futimesat_dirfd", syscall(SYS_futimesat, dfd, "rel", tv) == 0 && stat("/fa/rel", &st) == 0 &&
	      st.st_atim.tv_sec == 500);
	CHECK("renameat_dirfds", syscall(SYS_renameat, dfd, "rel", AT_FDCWD, "/fa/rel2") == 0 &&
	      stat("/fa/rel2", &st) == 0);
	struct ustatx sx;
	CHECK("statx_empty_path_on_fd", syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx) == 0 &&
	      stat("/fa/t", &st) == 0 && sx.stx_ino == st.st_ino);
	CHECK("statx_dirfd_relative", syscall(SYS_statx, dfd, "rel2", 0, STATX_BASIC_STATS, &sx) == 0 &&
	      S_ISREG(sx.stx_mode));
	CHECK_ERRNO("renameat_bad_dirfd_gives_ebadf", syscall(SYS_renameat, 99, "a", AT_FDCWD, "/fa/b"), EBADF);
	CHECK_ERRNO("fchmodat_file_as_dirfd_gives_enotdir", syscall(SYS_fchmodat, fd, "x", 0644), ENOTDIR);
	CHECK_ERRNO("statx_bad_dirfd_gives_ebadf", syscall(SYS_statx, 99, "x", 0, STATX_BASIC_STATS, &sx), EBADF);

	/* umask applies to every create path. */
	mode_t old = umask(077);
	CHECK("umask_returns_previous", old == 022);
	CHECK("umask_returns_new", umask(077) == 077);
	int cfd = open("/fa/um_open", O_CREAT | O_WRONLY, 0666);
	CHECK("umask_applies_to_open_creat", cfd >= 0 && mode_of("/fa/um_open") == 0600);
	CHECK("umask_applies_to_mkdir", mkdir("/fa/um_dir", 0777) == 0 && mode_of("/fa/um_dir") == 0700);
	CHECK("umask_applies_to_mknod", mknod("/fa/um_fifo", S_IFIFO | 0666, 0) == 0 && mode_of("/fa/um_fifo") == 0600);
	CHECK("umask_keeps_only_permission_bits", umask(07777) == 077 && umask(022) == 0777);
	close(cfd);
	close(nfd);
	close(pfd);
	close(dfd);
	close(ro);
	close(fd);
}

/* Several processes renaming across the same two directories in opposite
 * directions, moving a directory back and forth and walking through ".."
 * meanwhile: no deadlock (lock_rename's order), and every name is where it
 * should be afterwards. */
#define RACE_ROUNDS 200
static int race_files(const char *a, const char *b)
{
	int bad = 0;
	for (int i = 0; i < RACE_ROUNDS; i++)
		bad += rename(a, b) != 0 || rename(b, a) != 0;
	return bad;
}

static int race_walk(void)
{
	for (int i = 0; i < RACE_ROUNDS; i++) {
		stat("/fr/x/../y/f2", &st);
		stat("/fr/y/sub/../../x", &st);
		lstat("/fr/x/sub/inner", &st);
	}
	return 0;
}

static void test_rename_race(void)
{
	CHECK("setup_rename_race", mkdir("/fr", 0755) == 0 && mkdir("/fr/x", 0755) == 0 && mkdir("/fr/y", 0755) == 0 &&
	      mkfile("/fr/x/f1", 0644) == 0 && mkfile("/fr/y/f2", 0644) == 0 && mkdir("/fr/x/sub", 0755) == 0 &&
	      mkfile("/fr/x/sub/inner", 0644) == 0);
	pid_t pids[4];
	for (int i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			int bad;
			switch (i) {
			case 0: bad = race_files("/fr/x/f1", "/fr/y/f1"); break;
			case 1: bad = race_files("/fr/y/f2", "/fr/x/f2"); break;
			case 2: bad = race_files("/fr/x/sub", "/fr/y/sub"); break;
			default: bad = race_walk(); break;
			}
			_exit(bad ? 1 : 0);
		}
	}
	int ok = 1;
	for (int i = 0; i < 4; i++) {
		int status;
		ok &= waitpid(pids[i], &status, 0) == pids[i] && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	CHECK("rename_race_all_renames_succeeded", ok);
	CHECK("rename_race_names_back_home", stat("/fr/x/f1", &st) == 0 && stat("/fr/y/f2", &st) == 0 &&
	      stat("/fr/x/sub/inner", &st) == 0 && lstat("/fr/y/f1", &st) == -1 && lstat("/fr/x/f2", &st) == -1 &&
	      lstat("/fr/y/sub", &st) == -1);
	CHECK("rename_race_link_counts", stat("/fr/x", &st) == 0 && st.st_nlink == 3 &&
	      stat("/fr/y", &st) == 0 && st.st_nlink == 2);
}

/* ---- as uid 1000, in a child ---- */

static int as_user(void)
{
	struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
	utest_failures = 0;	/* count this child's own */
	if (setgroups(0, NULL) || setresgid(1000, 1000, 1000) || setresuid(1000, 1000, 1000)) {
		printf("FAIL user:cannot_drop_to_1000\n");
		return 1;
	}
	/* /fa/u/own is ours (uid 1000, group 0), /fa/u/root root's 0644,
	 * /fa/u/rw root's 0666; /fa/u is root's 0755, /fa/w is 0777. */
	CHECK_ERRNO("user_chmod_others_file_gives_eperm", chmod("/fa/u/root", 0666), EPERM);
	CHECK("user_chmod_own_file", chmod("/fa/u/own", 0600) == 0 && mode_of("/fa/u/own") == 0600);
	CHECK("user_chmod_setgid_outside_group_is_dropped", chmod("/fa/u/own", 02755) == 0 &&
	      mode_of("/fa/u/own") == 0755);
	CHECK_ERRNO("user_chown_give_away_gives_eperm", chown("/fa/u/own", 0, -1), EPERM);
	CHECK("user_chown_to_self_allowed", chown("/fa/u/own", 1000, -1) == 0);
	CHECK_ERRNO("user_chgrp_foreign_group_gives_eperm", chown("/fa/u/own", -1, 5), EPERM);
	CHECK("user_chgrp_own_group", chown("/fa/u/own", -1, 1000) == 0 && stat("/fa/u/own", &st) == 0 &&
	      st.st_gid == 1000);
	CHECK_ERRNO("user_chown_others_file_gives_eperm", chown("/fa/u/root", 1000, 1000), EPERM);
	CHECK_ERRNO("user_utimensat_times_on_others_gives_eperm",
		    utimensat(AT_FDCWD, "/fa/u/rw", ts, 0), EPERM);
	CHECK("user_utimensat_now_on_writable", utimensat(AT_FDCWD, "/fa/u/rw", NULL, 0) == 0);
	CHECK_ERRNO("user_utimensat_now_on_readonly_gives_eacces",
		    utimensat(AT_FDCWD, "/fa/u/root", NULL, 0), EACCES);
	CHECK("user_utimensat_times_on_own", utimensat(AT_FDCWD, "/fa/u/own", ts, 0) == 0);
	CHECK_ERRNO("user_truncate_readonly_gives_eacces", truncate("/fa/u/root", 0), EACCES);
	CHECK("user_truncate_writable", truncate("/fa/u/rw", 3) == 0 && size_of("/fa/u/rw") == 3);
	CHECK_ERRNO("user_access_write_readonly_gives_eacces", access("/fa/u/root", W_OK), EACCES);
	CHECK("user_access_read_readonly", access("/fa/u/root", R_OK) == 0);
	CHECK_ERRNO("user_mknod_chardev_gives_eperm", mknod("/fa/w/null", S_IFCHR | 0666, makedev(1, 3)), EPERM);
	CHECK("user_mknod_fifo_in_writable_dir", mknod("/fa/w/fifo", S_IFIFO | 0644, 0) == 0 &&
	      stat("/fa/w/fifo", &st) == 0 && st.st_uid == 1000);
	CHECK_ERRNO("user_mknod_in_readonly_dir_gives_eacces", mknod("/fa/u/fifo", S_IFIFO | 0644, 0), EACCES);
	CHECK_ERRNO("user_rename_out_of_readonly_dir_gives_eacces", rename("/fa/u/own", "/fa/w/own"), EACCES);
	CHECK("user_rename_in_writable_dir", rename("/fa/w/fifo", "/fa/w/fifo2") == 0);
	CHECK_ERRNO("user_rename_over_sticky_others_gives_eperm", rename("/fa/w/fifo2", "/fa/w/rootfile"), EPERM);
	int wfd = open("/fa/u/s1", O_WRONLY);
	CHECK("user_write_drops_setuid_setgid", wfd >= 0 && write(wfd, "x", 1) == 1 && mode_of("/fa/u/s1") == 0777);
	close(wfd);
	CHECK("user_truncate_drops_setuid_setgid", truncate("/fa/u/s2", 0) == 0 && mode_of("/fa/u/s2") == 0777);
	wfd = open("/fa/u/s3", O_WRONLY | O_TRUNC);
	CHECK("user_o_trunc_of_empty_file_drops_setuid", wfd >= 0 && mode_of("/fa/u/s3") == 0777);
	close(wfd);
	wfd = open("/fa/u/s4", O_WRONLY);
	CHECK("user_write_keeps_setgid_without_group_x_in_group", wfd >= 0 && write(wfd, "x", 1) == 1 &&
	      mode_of("/fa/u/s4") == 02766);
	close(wfd);
	wfd = open("/fa/u/s5", O_WRONLY);
	CHECK("user_write_drops_setgid_outside_group", wfd >= 0 && write(wfd, "x", 1) == 1 &&
	      mode_of("/fa/u/s5") == 0766);
	close(wfd);
	CHECK("user_rename_whiteout_needs_no_privilege",
	      syscall(SYS_renameat2, AT_FDCWD, "/fa/w/fifo2", AT_FDCWD, "/fa/w/fifo3", RENAME_WHITEOUT) == 0 &&
	      lstat("/fa/w/fifo2", &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == 0 && st.st_uid == 1000);
	return utest_failures;
}

/* Real uid 1000, effective 0: access() answers for the real user,
 * faccessat2(AT_EACCESS) for the effective one. */
static int real_vs_effective(void)
{
	utest_failures = 0;
	if (setresuid(1000, 0, 0)) {
		printf("FAIL user:cannot_setresuid\n");
		return 1;
	}
	CHECK_ERRNO("access_uses_real_uid", access("/fa/u/secret", R_OK), EACCES);
	CHECK("faccessat2_eaccess_uses_effective_uid",
	      syscall(SYS_faccessat2, AT_FDCWD, "/fa/u/secret", R_OK, AT_EACCESS) == 0);
	CHECK("mknod_uses_effective_uid", mknod("/fa/u/byroot", S_IFIFO | 0600, 0) == 0);
	return utest_failures;
}

/* RLIMIT_FSIZE: growing past it is EFBIG with SIGXFSZ (ignored here). */
static int fsize_limit(void)
{
	utest_failures = 0;
	struct rlimit rl = { 1000, 1000 };
	signal(SIGXFSZ, SIG_IGN);
	CHECK("setrlimit_fsize", setrlimit(RLIMIT_FSIZE, &rl) == 0);
	CHECK_ERRNO("truncate_past_fsize_limit_gives_efbig", truncate("/fa/lim", 2000), EFBIG);
	CHECK("truncate_to_the_limit", truncate("/fa/lim", 1000) == 0 && size_of("/fa/lim") == 1000);
	CHECK("truncate_shrinks_under_limit", truncate("/fa/lim", 990) == 0);
	int fd = open("/fa/lim", O_WRONLY);
	char buf[20] = { 0 };
	CHECK("write_stops_at_fsize_limit", pwrite(fd, buf, sizeof(buf), 990) == 10 && size_of("/fa/lim") == 1000);
	CHECK_ERRNO("write_at_fsize_limit_gives_efbig", pwrite(fd, buf, sizeof(buf), 1000), EFBIG);
	CHECK_ERRNO("ftruncate_past_fsize_limit_gives_efbig", ftruncate(fd, 1001), EFBIG);
	close(fd);
	return utest_failures;
}

/* The same with SIGXFSZ's default action: the process dies of it. */
static int fsize_limit_kills(void)
{
	struct rlimit rl = { 1000, 1000 };
	setrlimit(RLIMIT_FSIZE, &rl);
	truncate("/fa/lim", 5000);
	return 0;
}

static int in_child(int (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn());
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return 100;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static void test_as_user(void)
{
	/* The initramfs's "." may be 0700 (mktemp -d): let uid 1000 search /. */
	CHECK("setup_user_files", chmod("/", 0755) == 0 && mkdir("/fa/u", 0755) == 0 && mkfile("/fa/u/own", 0644) == 0 &&
	      chown("/fa/u/own", 1000, 0) == 0 && mkfile("/fa/u/root", 0644) == 0 &&
	      mkfile("/fa/u/rw", 0644) == 0 && chmod("/fa/u/rw", 0666) == 0 &&
	      mkfile("/fa/u/secret", 0600) == 0 && mkdir("/fa/w", 0755) == 0 && chmod("/fa/w", 01777) == 0 &&
	      mkfile("/fa/w/rootfile", 0644) == 0);
	CHECK("setup_setid_files", mkfile("/fa/u/s1", 0644) == 0 && chmod("/fa/u/s1", 06777) == 0 &&
	      mkfile("/fa/u/s2", 0644) == 0 && chmod("/fa/u/s2", 06777) == 0 && truncate("/fa/u/s2", 10) == 0 &&
	      mkfile("/fa/u/s3", 0644) == 0 && chmod("/fa/u/s3", 06777) == 0 &&
	      mkfile("/fa/u/s4", 0644) == 0 && chown("/fa/u/s4", 0, 1000) == 0 && chmod("/fa/u/s4", 02766) == 0 &&
	      mkfile("/fa/u/s5", 0644) == 0 && chmod("/fa/u/s5", 02766) == 0);
	int failed = in_child(as_user);
	CHECK("user_checks_all_passed", failed == 0);
	failed = in_child(real_vs_effective);
	CHECK("real_vs_effective_checks_all_passed", failed == 0);
	CHECK("mknod_for_fsize", mkfile("/fa/lim", 0644) == 0);
	failed = in_child(fsize_limit);
	CHECK("fsize_limit_checks_all_passed", failed == 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fsize_limit_kills());
	int status = 0;
	CHECK("sigxfsz_kills_by_default", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGXFSZ);
	CHECK("nothing_grew_past_the_limit", size_of("/fa/lim") == 1000);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK("mkdir_top", mkdir("/fa", 0755) == 0);
	test_chmod_chown();
	test_access();
	test_truncate();
	test_utimensat();
	test_rename();
	test_mknod();
	test_statx();
	CHECK("sync_succeeds", syscall(SYS_sync) == 0);
	test_fd_forms();
	test_rename_race();
	test_as_user();
	printf("fs_attr: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
