#define _GNU_SOURCE
/* mprotect, mremap, madvise: success paths, exact errnos, and that the
 * protections really hold (a child touching a protected page dies of
 * SIGSEGV). Runs as /init under Lucid and Linux. */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <errno.h>
#include "utest.h"

/* Run fn in a child; return the signal that killed it, or 0 if it exited. */
static int dies_of(void (*fn)(void *), void *arg)
{
	pid_t pid = fork();
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

static void write_byte(void *p) { *(volatile char *)p = 1; }
static void read_byte(void *p) { (void)*(volatile char *)p; }

static void test_mprotect(void)
{
	char *m = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(m, 7, 4 * 4096);
	CHECK("mprotect_read_only_succeeds", mprotect(m + 4096, 4096, PROT_READ) == 0);
	CHECK("write_to_read_only_page_is_sigsegv", dies_of(write_byte, m + 4096) == SIGSEGV);
	CHECK("read_of_read_only_page_works_and_keeps_data", dies_of(read_byte, m + 4096) == 0 && m[4096] == 7);
	CHECK("neighbour_pages_stay_writable", dies_of(write_byte, m) == 0 && dies_of(write_byte, m + 2 * 4096) == 0);
	CHECK("mprotect_none_succeeds", mprotect(m + 2 * 4096, 4096, PROT_NONE) == 0);
	CHECK("read_of_prot_none_page_is_sigsegv", dies_of(read_byte, m + 2 * 4096) == SIGSEGV);
	CHECK("mprotect_back_to_rw_keeps_contents", mprotect(m + 4096, 2 * 4096, PROT_READ | PROT_WRITE) == 0 &&
	      m[4096] == 7 && m[2 * 4096] == 7);
	m[2 * 4096] = 9;
	CHECK("page_writable_again", m[2 * 4096] == 9);
	/* Raw calls: musl's mprotect() rounds the address down itself. */
	CHECK_ERRNO("mprotect_unaligned_gives_einval", syscall(SYS_mprotect, m + 1, 4096, PROT_READ), EINVAL);
	CHECK_ERRNO("mprotect_bad_prot_gives_einval", syscall(SYS_mprotect, m, 4096, 0x40), EINVAL);
	munmap(m, 4 * 4096);
	CHECK_ERRNO("mprotect_unmapped_gives_enomem", syscall(SYS_mprotect, m, 4096, PROT_READ), ENOMEM);
	/* Copy-on-write survives mprotect: the child's write must not reach us. */
	char *c = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	c[0] = 1;
	pid_t pid = fork();
	if (pid == 0) {
		mprotect(c, 4096, PROT_READ | PROT_WRITE);
		c[0] = 2;
		_exit(c[0] == 2 ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK("mprotect_in_child_keeps_copy_on_write", WIFEXITED(st) && WEXITSTATUS(st) == 0 && c[0] == 1);
	munmap(c, 4096);
}

static void test_mremap(void)
{
	char *m = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m[0] = 'a';
	m[4096] = 'b';
	char *g = mremap(m, 2 * 4096, 64 * 4096, MREMAP_MAYMOVE);
	CHECK("mremap_grow_succeeds", g != MAP_FAILED);
	CHECK("mremap_keeps_contents", g != MAP_FAILED && g[0] == 'a' && g[4096] == 'b');
	g[63 * 4096] = 'z';
	CHECK("mremap_new_part_is_usable", g[63 * 4096] == 'z');
	char *s = mremap(g, 64 * 4096, 4096, 0);
	CHECK("mremap_shrink_in_place", s == g && s[0] == 'a');
	CHECK("shrunk_tail_is_unmapped", dies_of(read_byte, g + 4096) == SIGSEGV);
	CHECK_ERRNO("mremap_unaligned_gives_einval", mremap(g + 1, 4096, 8192, MREMAP_MAYMOVE), EINVAL);
	CHECK_ERRNO("mremap_fixed_without_maymove_gives_einval",
		    mremap(g, 4096, 4096, MREMAP_FIXED, (void *)0x300000000UL), EINVAL);
	char *f = mremap(g, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)0x300000000UL);
	CHECK("mremap_fixed_moves_to_address", f == (char *)0x300000000UL && f[0] == 'a');
	CHECK("old_address_is_unmapped_after_move", dies_of(read_byte, g) == SIGSEGV);
	CHECK_ERRNO("mremap_unmapped_gives_efault", mremap((void *)0x500000000UL, 4096, 8192, MREMAP_MAYMOVE), EFAULT);
	munmap(f, 4096);
}

static void test_madvise(void)
{
	char *m = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(m, 5, 4 * 4096);
	CHECK("madvise_dontneed_succeeds", madvise(m, 2 * 4096, MADV_DONTNEED) == 0);
	CHECK("dontneed_private_pages_read_back_zero", m[0] == 0 && m[4096] == 0 && m[2 * 4096] == 5);
	CHECK("madvise_willneed_is_accepted", madvise(m, 4096, MADV_WILLNEED) == 0);
	CHECK_ERRNO("madvise_bad_advice_gives_einval", madvise(m, 4096, 12345), EINVAL);
	CHECK_ERRNO("madvise_unaligned_gives_einval", madvise(m + 1, 4096, MADV_DONTNEED), EINVAL);
	munmap(m, 4 * 4096);
	CHECK_ERRNO("madvise_unmapped_gives_enomem", madvise(m, 4096, MADV_DONTNEED), ENOMEM);
}

/* Touch @bytes of fresh memory, 1 MiB per request: each request is small,
 * together they exceed RAM. Exits 3 if a request fails, 4 if all fit. */
static void __attribute__((noreturn)) eat_memory(unsigned long bytes)
{
	for (unsigned long done = 0; done < bytes; done += 1 << 20) {
		char *q = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (q == MAP_FAILED)
			_exit(3);
		for (int i = 0; i < 1 << 20; i += 4096)
			q[i] = 1;
	}
	_exit(4);
}

/* One request for more than all of RAM fails at once (Linux's heuristic
 * overcommit); touching more than RAM gets the biggest process SIGKILLed
 * by the OOM killer, not a SIGSEGV, and the machine goes on. */
static void test_overcommit_and_oom(void)
{
	const unsigned long huge = 8UL << 40;	/* 8 TiB */
	void *p = mmap(NULL, huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("mmap_more_than_ram_gives_enomem", p == MAP_FAILED && errno == ENOMEM);
	p = mmap(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK("shared_anonymous_more_than_ram_gives_enomem", p == MAP_FAILED && errno == ENOMEM);
	p = mmap(NULL, huge, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("read_only_mapping_is_not_counted", p != MAP_FAILED && munmap(p, huge) == 0);
	p = mmap(NULL, huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK("noreserve_mapping_is_not_counted", p != MAP_FAILED && munmap(p, huge) == 0);
	void *brk0 = sbrk(0);
	CHECK("brk_more_than_ram_fails", sbrk(1UL << 40) == (void *)-1 && sbrk(0) == brk0);
	p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("mremap_to_more_than_ram_gives_enomem", p != MAP_FAILED &&
	      mremap(p, 1 << 20, huge, MREMAP_MAYMOVE) == MAP_FAILED && errno == ENOMEM && munmap(p, 1 << 20) == 0);

	struct sysinfo si;
	sysinfo(&si);
	unsigned long ram = si.totalram * si.mem_unit;
	pid_t pid = fork();
	if (pid == 0)
		eat_memory(2 * ram);
	int st = 0;
	waitpid(pid, &st, 0);
	CHECK("touching_more_than_ram_is_sigkilled", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	/* The hog is a vfork child: its parent shares the memory but waits,
	 * unkillably on Lucid, for the child. Both must end, not hang. */
	pid = fork();
	if (pid == 0) {
		if (vfork() == 0)
			eat_memory(2 * ram);
		_exit(5);
	}
	waitpid(pid, &st, 0);
	CHECK("vfork_hog_and_its_parent_are_sigkilled", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	pid = fork();
	if (pid == 0)
		_exit(7);
	CHECK("fork_works_after_the_oom_kill", pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	      WEXITSTATUS(st) == 7);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_mprotect();
	test_mremap();
	test_madvise();
	test_overcommit_and_oom();
	printf("mm: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
