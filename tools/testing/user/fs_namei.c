/* Name-changing calls on the root tmpfs: mkdir, rmdir, unlink, symlink,
 * link, readlink (and the *at forms with AT_FDCWD), with their errnos.
 * Runs as /init under Lucid and Linux; absolute paths only, so it needs no
 * open() or chdir(). */
#include <sys/reboot.h>
#include <sys/stat.h>
#include <fcntl.h>
#include "utest.h"

int main(void)
{
	char buf[64];
	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK("mkdir_new_dir_succeeds", mkdir("/fsn", 0755) == 0);
	CHECK_ERRNO("mkdir_existing_gives_eexist", mkdir("/fsn", 0755), EEXIST);
	CHECK_ERRNO("mkdir_missing_parent_gives_enoent", mkdir("/fsn/no/sub", 0755), ENOENT);
	CHECK_ERRNO("mkdir_bad_pointer_gives_efault", syscall(SYS_mkdir, (char *)8, 0755), EFAULT);
	CHECK_ERRNO("mkdir_empty_name_gives_enoent", mkdir("", 0755), ENOENT);
	CHECK("mkdirat_fdcwd_succeeds", mkdirat(AT_FDCWD, "/fsn/d", 0700) == 0);
	CHECK("symlink_succeeds", symlink("d", "/fsn/ln") == 0);
	CHECK_ERRNO("symlink_existing_gives_eexist", symlink("d", "/fsn/ln"), EEXIST);
	memset(buf, 0, sizeof(buf));
	CHECK("readlink_returns_target_unterminated", readlink("/fsn/ln", buf, sizeof(buf)) == 1 && buf[0] == 'd');
	CHECK("readlink_truncates_to_bufsiz", readlink("/fsn/ln", buf, 0 + 1) == 1);
	CHECK_ERRNO("readlink_non_link_gives_einval", readlink("/fsn/d", buf, sizeof(buf)), EINVAL);
	CHECK_ERRNO("readlink_bad_buffer_gives_efault", readlink("/fsn/ln", (char *)8, 10), EFAULT);
	struct stat st;
	CHECK("stat_follows_symlink_to_dir", stat("/fsn/ln", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0700);
	CHECK("lstat_sees_the_link", lstat("/fsn/ln", &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 1);
	CHECK("fstatat_nofollow_sees_the_link", fstatat(AT_FDCWD, "/fsn/ln", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));
	CHECK("stat_dir_nlink_is_2", stat("/fsn/d", &st) == 0 && st.st_nlink == 2);
	CHECK_ERRNO("stat_missing_gives_enoent", stat("/fsn/none", &st), ENOENT);
	CHECK_ERRNO("stat_bad_buffer_gives_efault", syscall(SYS_stat, "/fsn", (void *)8), EFAULT);
	CHECK_ERRNO("fstatat_bad_flag_gives_einval", fstatat(AT_FDCWD, "/fsn", &st, 0x4), EINVAL);
	CHECK("mkdir_through_symlink_parent", mkdir("/fsn/ln/inner", 0755) == 0);
	CHECK_ERRNO("rmdir_nonempty_gives_enotempty", rmdir("/fsn/d"), ENOTEMPTY);
	CHECK_ERRNO("unlink_directory_gives_eisdir", unlink("/fsn/d"), EISDIR);
	CHECK_ERRNO("link_directory_gives_eperm", link("/fsn/d", "/fsn/d2"), EPERM);
	CHECK("link_to_symlink_succeeds", link("/fsn/ln", "/fsn/ln2") == 0);
	CHECK_ERRNO("rmdir_symlink_gives_enotdir", rmdir("/fsn/ln2"), ENOTDIR);
	CHECK("unlink_link_succeeds", unlink("/fsn/ln2") == 0);
	CHECK_ERRNO("unlink_again_gives_enoent", unlink("/fsn/ln2"), ENOENT);
	CHECK_ERRNO("unlinkat_bad_flag_gives_einval", unlinkat(AT_FDCWD, "/fsn/ln", 0x4000), EINVAL);
	CHECK("unlink_symlink_succeeds", unlinkat(AT_FDCWD, "/fsn/ln", 0) == 0);
	CHECK("rmdir_inner_succeeds", rmdir("/fsn/d/inner") == 0);
	CHECK("unlinkat_removedir_succeeds", unlinkat(AT_FDCWD, "/fsn/d", AT_REMOVEDIR) == 0);
	CHECK_ERRNO("rmdir_dot_gives_einval", rmdir("/fsn/."), EINVAL);
	CHECK("rmdir_top_succeeds", rmdir("/fsn") == 0);
	printf("fs_namei: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
