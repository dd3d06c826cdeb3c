/* The first user-space test: system-call entry and return, argv/envp/auxv,
 * the user address space (brk, mmap, munmap, demand paging, SIGSEGV-free
 * access), -ENOSYS and -EFAULT. Passes on Linux too. */
#include <stdlib.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/auxv.h>
#include <sys/reboot.h>
#include "utest.h"

static void test_syscall_basics(int argc, char **argv)
{
	CHECK("syscall_getpid_is_positive", syscall(SYS_getpid) > 0);
	CHECK("syscall_gettid_equals_pid_in_single_thread", syscall(SYS_gettid) == syscall(SYS_getpid));
	CHECK("argv0_is_present", argc >= 1 && argv[0] && argv[0][0]);
	CHECK_ERRNO("unknown_syscall_gives_enosys", syscall(9999), ENOSYS);
	CHECK_ERRNO("bad_write_buffer_gives_efault", syscall(SYS_write, 1, (void *)1, 10), EFAULT);
	CHECK_ERRNO("kernel_address_write_buffer_gives_efault",
		    syscall(SYS_write, 1, (void *)0xffff888000000000UL, 10), EFAULT);
	CHECK_ERRNO("bad_reboot_magic_gives_einval", syscall(SYS_reboot, 0x1234, 0, 0, 0), EINVAL);
}

static void test_auxv(void)
{
	CHECK("auxv_pagesz_is_4096", getauxval(AT_PAGESZ) == 4096);
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	int nonzero = 0;
	for (int i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	CHECK("auxv_random_points_at_16_bytes", rnd && nonzero);
	CHECK("auxv_phdr_and_entry_present", getauxval(AT_PHDR) && getauxval(AT_ENTRY));
	CHECK("auxv_execfn_is_a_string", getauxval(AT_EXECFN) && ((char *)getauxval(AT_EXECFN))[0]);
}

static void test_memory(void)
{
	char *heap = malloc(100000);
	CHECK("malloc_large_succeeds", heap != NULL);
	if (heap) {
		memset(heap, 0x5a, 100000);
		CHECK("heap_memory_keeps_contents", heap[99999] == 0x5a);
		free(heap);
	}
	uintptr_t brk0 = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t brk1 = (uintptr_t)syscall(SYS_brk, brk0 + 64 * 1024);
	CHECK("brk_grows", brk1 == brk0 + 64 * 1024);
	((volatile char *)brk0)[64 * 1024 - 1] = 1;
	CHECK("brk_shrinks", (uintptr_t)syscall(SYS_brk, brk0) == brk0);

	size_t len = 8 << 20;
	unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("mmap_anonymous_succeeds", m != MAP_FAILED);
	if (m != MAP_FAILED) {
		int zero = 1;
		for (size_t i = 0; i < len; i += 4096)
			zero &= m[i] == 0;
		CHECK("fresh_anonymous_memory_reads_zero", zero);
		for (size_t i = 0; i < len; i += 4096)
			m[i] = (unsigned char)(i >> 12);
		int ok = 1;
		for (size_t i = 0; i < len; i += 4096)
			ok &= m[i] == (unsigned char)(i >> 12);
		CHECK("every_page_keeps_its_own_contents", ok);
		CHECK("munmap_middle_splits_mapping", munmap(m + 4096, 4096) == 0);
		CHECK("pages_around_the_hole_still_work", m[0] == 0 && m[8192] == 2);
		CHECK("munmap_rest", munmap(m, len) == 0);
	}
	void *fixed = (void *)0x200000000UL;
	void *f = mmap(fixed, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK("mmap_fixed_uses_the_address", f == fixed);
	CHECK_ERRNO("mmap_fixed_noreplace_on_mapping_gives_eexist",
		    mmap(fixed, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
	CHECK_ERRNO("mmap_unaligned_fixed_gives_einval",
		    mmap((void *)0x200000001UL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL);
	CHECK_ERRNO("mmap_zero_length_gives_einval",
		    mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERRNO("munmap_unaligned_gives_einval", munmap((void *)0x200000001UL, 4096), EINVAL);
	munmap(fixed, 4096);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_syscall_basics(argc, argv);
	test_auxv();
	test_memory();
	printf("basic: %d passed, %d failed\n", utest_passes, utest_failures);
	/* As PID 1 (rdinit=/init on Lucid or Linux), end the machine. */
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
