/* statfs and fstatfs: the figures df(1) reads, as Linux gives them for the
 * initramfs root (tmpfs), devtmpfs, a read-only mount and a tmpfs with
 * size= (ENOSPC when full); the errnos.
 * Runs as /init. */
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "utest.h"

#define TMPFS_MAGIC 0x01021994
#define ST_RDONLY 1
#define ST_VALID 0x20
#define ST_NOEXEC 8

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	struct statfs s;
	memset(&s, 0xff, sizeof(s));
	CHECK("statfs_root_succeeds", syscall(SYS_statfs, "/", &s) == 0);
	CHECK("root_is_tmpfs", s.f_type == TMPFS_MAGIC);
	CHECK("block_size_is_page_size", s.f_bsize == 4096 && s.f_frsize == 4096);
	CHECK("name_max_is_255", s.f_namelen == 255);
	CHECK("flags_valid_and_writable", (s.f_flags & ST_VALID) && !(s.f_flags & ST_RDONLY));
	CHECK("free_never_above_total", s.f_bfree <= s.f_blocks && s.f_bavail <= s.f_bfree);
	int fd = open("/", O_RDONLY | O_DIRECTORY);
	struct statfs f;
	CHECK("fstatfs_on_root_succeeds", fd >= 0 && syscall(SYS_fstatfs, fd, &f) == 0);
	CHECK("fstatfs_agrees_with_statfs", f.f_type == s.f_type && f.f_bsize == s.f_bsize &&
	      f.f_namelen == s.f_namelen);
	int pfd = open("/", O_PATH);
	CHECK("fstatfs_on_o_path_fd_succeeds", pfd >= 0 && syscall(SYS_fstatfs, pfd, &f) == 0);
	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);	/* Linux: not mounted for an initramfs */
	CHECK("devtmpfs_is_tmpfs_magic", syscall(SYS_statfs, "/dev/null", &f) == 0 && f.f_type == TMPFS_MAGIC);
	mkdir("/ro", 0755);
	int ro = mount("none", "/ro", "tmpfs", MS_RDONLY | MS_NOEXEC, NULL) == 0;
	CHECK("read_only_mount_reports_st_rdonly_and_noexec", ro && syscall(SYS_statfs, "/ro", &f) == 0 &&
	      (f.f_flags & ST_RDONLY) && (f.f_flags & ST_NOEXEC) && (f.f_flags & ST_VALID));
	CHECK("original_stays_writable", syscall(SYS_statfs, "/", &f) == 0 && !(f.f_flags & ST_RDONLY));
	umount("/ro");
	/* size= limits a tmpfs: 64 KiB is 16 pages; the 17th is ENOSPC. */
	mkdir("/small", 0755);
	CHECK("tmpfs_size_option_mounts", mount("none", "/small", "tmpfs", 0, "size=64k") == 0);
	CHECK("tmpfs_size_is_f_blocks", syscall(SYS_statfs, "/small", &f) == 0 && f.f_blocks == 16 &&
	      f.f_bfree == 16 && f.f_bavail == 16);
	static char page[4096];
	int sfd = open("/small/f", O_CREAT | O_WRONLY, 0644);
	int pages = 0;
	while (pages < 20 && write(sfd, page, sizeof(page)) == (ssize_t)sizeof(page))
		pages++;
	CHECK("tmpfs_fills_to_its_size", pages == 16);
	CHECK_ERRNO("tmpfs_full_gives_enospc", write(sfd, page, sizeof(page)), ENOSPC);
	CHECK("tmpfs_full_has_no_free_blocks", syscall(SYS_statfs, "/small", &f) == 0 && f.f_bfree == 0);
	CHECK("tmpfs_ftruncate_gives_blocks_back", ftruncate(sfd, 4096) == 0 &&
	      syscall(SYS_statfs, "/small", &f) == 0 && f.f_bfree == 15);
	close(sfd);
	unlink("/small/f");
	CHECK("tmpfs_unlink_gives_blocks_back", syscall(SYS_statfs, "/small", &f) == 0 && f.f_bfree == 16);
	umount("/small");
	CHECK_ERRNO("tmpfs_bad_size_gives_einval", mount("none", "/small", "tmpfs", 0, "size=12q"), EINVAL);
	CHECK_ERRNO("statfs_missing_path_gives_enoent", syscall(SYS_statfs, "/no/such", &s), ENOENT);
	CHECK_ERRNO("statfs_through_file_gives_enotdir", syscall(SYS_statfs, "/init/x", &s), ENOTDIR);
	CHECK_ERRNO("statfs_bad_buffer_gives_efault", syscall(SYS_statfs, "/", (void *)8), EFAULT);
	CHECK_ERRNO("statfs_bad_path_gives_efault", syscall(SYS_statfs, (void *)8, &s), EFAULT);
	CHECK_ERRNO("fstatfs_bad_fd_gives_ebadf", syscall(SYS_fstatfs, 999, &s), EBADF);
	CHECK_ERRNO("fstatfs_bad_buffer_gives_efault", syscall(SYS_fstatfs, fd, (void *)8), EFAULT);
	printf("statfs: %d passed, %d failed\n", utest_passes, utest_failures);
	reboot(RB_POWER_OFF);
	return 0;
}
