/* System-call entry and exit as a user program sees them (seed concept:
 * syscall flow): unknown numbers give ENOSYS, bad pointers EFAULT, every
 * register but rax, rcx and r11 survives a call, and the FS/GS bases set by
 * arch_prctl stay put. Passes on Linux too. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "utest.h"

/* From Linux's asm/prctl.h (musl does not ship kernel headers). */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/* The end of the user half on x86-64 (Linux's TASK_SIZE_MAX). */
#define USER_TOP 0x00007ffffffff000UL

static long raw_syscall1(long nr, long a0)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a0) : "rcx", "r11", "memory");
	return ret;
}

static void test_unknown_numbers(void)
{
	int bad = 0;
	/* Linux assigns nothing to 335..423 on x86-64 (the gap before the
	 * numbers shared with the 32-bit ABI). */
	for (long nr = 335; nr <= 423; nr++)
		if (raw_syscall1(nr, 0) != -ENOSYS) {
			printf("  syscall %ld did not give -ENOSYS\n", nr);
			bad++;
		}
	CHECK("unused_numbers_335_to_423_give_enosys", bad == 0);
	CHECK_ERRNO("number_9999_gives_enosys", syscall(9999), ENOSYS);
	CHECK_ERRNO("number_minus_1_gives_enosys", syscall(-1L), ENOSYS);
	CHECK_ERRNO("x32_number_without_x32_bit_gives_enosys", syscall(512), ENOSYS);
	/* The same unknown call again: still ENOSYS (the log-once path). */
	CHECK_ERRNO("unknown_number_twice_gives_enosys_again", syscall(9999), ENOSYS);
}

static void test_bad_pointers(void)
{
	static const char msg[] = "x";
	CHECK_ERRNO("write_from_address_1_gives_efault", syscall(SYS_write, 1, (void *)1, 1), EFAULT);
	CHECK_ERRNO("write_from_kernel_text_gives_efault",
		    syscall(SYS_write, 1, (void *)0xffffffff81000000UL, 8), EFAULT);
	CHECK_ERRNO("write_from_noncanonical_address_gives_efault",
		    syscall(SYS_write, 1, (void *)0x8000000000000000UL, 8), EFAULT);
	CHECK_ERRNO("write_from_top_of_user_space_gives_efault",
		    syscall(SYS_write, 1, (void *)(USER_TOP - 4), 16), EFAULT);
	CHECK_ERRNO("writev_with_bad_iovec_array_gives_efault",
		    syscall(SYS_writev, 1, (void *)16, 1), EFAULT);
	struct iovec iov = { .iov_base = (void *)0xffff888000000000UL, .iov_len = 4 };
	CHECK_ERRNO("writev_with_kernel_buffer_gives_efault", syscall(SYS_writev, 1, &iov, 1), EFAULT);
	CHECK_ERRNO("arch_prctl_get_fs_to_bad_pointer_gives_efault",
		    syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)8), EFAULT);
	CHECK_ERRNO("arch_prctl_get_fs_to_kernel_pointer_gives_efault",
		    syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)0xffff888000001000UL), EFAULT);

	/* A buffer that is fine up to an unmapped page: the kernel must stop
	 * cleanly (a short count or EFAULT, as Linux), never crash. */
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m != MAP_FAILED) {
		munmap(m + 4096, 4096);
		m[4095] = '\n';
		long r = syscall(SYS_write, 1, m + 4095, 2);
		CHECK("write_running_into_unmapped_page_is_short_or_efault", r == 1 || (r == -1 && errno == EFAULT));
		munmap(m, 4096);
	}
	CHECK("still_alive_after_bad_pointers", syscall(SYS_write, 1, msg, 0) == 0);
}

/* Fill the registers the ABI keeps (all but rax, rcx, r11) with patterns,
 * make a system call, and compare. */
static int registers_survive(long nr)
{
	uint64_t in[12], out[12], *inp = in;
	for (int i = 0; i < 12; i++)
		in[i] = 0x1111111111111111ULL * (uint64_t)(i + 1) ^ 0x0123456789abcdefULL;
	/* Step over the red zone before pushing: the compiler may keep data there. */
	__asm__ volatile(
		"subq $128, %%rsp\n\t"
		"pushq %%rbp\n\t"
		"pushq %%rbx\n\t"
		"pushq %%r12\n\t"
		"pushq %%r13\n\t"
		"pushq %%r14\n\t"
		"pushq %%r15\n\t"
		"pushq %[out]\n\t"
		"movq 0(%[in]), %%rbx\n\t"
		"movq 8(%[in]), %%rbp\n\t"
		"movq 16(%[in]), %%r12\n\t"
		"movq 24(%[in]), %%r13\n\t"
		"movq 32(%[in]), %%r14\n\t"
		"movq 40(%[in]), %%r15\n\t"
		"movq 48(%[in]), %%rsi\n\t"
		"movq 56(%[in]), %%rdx\n\t"
		"movq 64(%[in]), %%r10\n\t"
		"movq 72(%[in]), %%r8\n\t"
		"movq 80(%[in]), %%r9\n\t"
		"movq 88(%[in]), %%rdi\n\t"
		"syscall\n\t"
		"movq (%%rsp), %%rax\n\t"	/* out */
		"movq %%rbx, 0(%%rax)\n\t"
		"movq %%rbp, 8(%%rax)\n\t"
		"movq %%r12, 16(%%rax)\n\t"
		"movq %%r13, 24(%%rax)\n\t"
		"movq %%r14, 32(%%rax)\n\t"
		"movq %%r15, 40(%%rax)\n\t"
		"movq %%rsi, 48(%%rax)\n\t"
		"movq %%rdx, 56(%%rax)\n\t"
		"movq %%r10, 64(%%rax)\n\t"
		"movq %%r8, 72(%%rax)\n\t"
		"movq %%r9, 80(%%rax)\n\t"
		"movq %%rdi, 88(%%rax)\n\t"
		"popq %%rax\n\t"
		"popq %%r15\n\t"
		"popq %%r14\n\t"
		"popq %%r13\n\t"
		"popq %%r12\n\t"
		"popq %%rbx\n\t"
		"popq %%rbp\n\t"
		"addq $128, %%rsp\n\t"
		: "+a"(nr), [in] "+c"(inp)
		: [out] "r"(out)
		: "rdi", "rsi", "rdx", "r8", "r9", "r10", "r11", "memory");
	for (int i = 0; i < 12; i++)
		if (in[i] != out[i]) {
			printf("  register %d: put %#llx, got %#llx\n", i, (unsigned long long)in[i],
			       (unsigned long long)out[i]);
			return 0;
		}
	return 1;
}

static int direction_flag_survives(void)
{
	unsigned long flags;
	__asm__ volatile("std\n\t"
			 "syscall\n\t"
			 "pushfq\n\t"
			 "popq %0\n\t"
			 "cld"
			 : "=r"(flags) : "a"((long)SYS_getpid) : "rcx", "r11", "memory");
	return (flags & 0x400) != 0;
}

/* SSE registers are the user's: a system call must not change them. */
static int sse_registers_survive(long nr)
{
	static const uint64_t pat[4] __attribute__((aligned(16))) = {
		0x0102030405060708ULL, 0x1112131415161718ULL, 0xa1a2a3a4a5a6a7a8ULL, 0xf1f2f3f4f5f6f7f8ULL };
	uint64_t got[4] __attribute__((aligned(16)));
	__asm__ volatile("movdqa (%[p]), %%xmm6\n\t"
			 "movdqa 16(%[p]), %%xmm15\n\t"
			 "syscall\n\t"
			 "movdqa %%xmm6, (%[g])\n\t"
			 "movdqa %%xmm15, 16(%[g])\n\t"
			 : "+a"(nr) : [p] "r"(pat), [g] "r"(got)
			 : "rcx", "r11", "xmm6", "xmm15", "memory");
	return !memcmp(pat, got, sizeof(got));
}

static void test_registers(void)
{
	CHECK("registers_survive_getpid", registers_survive(SYS_getpid));
	CHECK("registers_survive_sched_yield", registers_survive(SYS_sched_yield));
	CHECK("registers_survive_unknown_syscall", registers_survive(9999));
	CHECK("registers_survive_failing_write", registers_survive(SYS_write));
	CHECK("direction_flag_survives_syscall", direction_flag_survives());
	CHECK("sse_registers_survive_syscall", sse_registers_survive(SYS_getpid));
	CHECK("sse_registers_survive_sched_yield", sse_registers_survive(SYS_sched_yield));
}

static unsigned long read_gs0(void)
{
	unsigned long v;
	__asm__ volatile("movq %%gs:0, %0" : "=r"(v));
	return v;
}

static void test_arch_prctl(void)
{
	unsigned long fs = 0, gs = 1, self;
	static unsigned long gs_area[4] = { 0x5eed5eed5eed5eedUL, 2, 3, 4 };

	CHECK("arch_prctl_get_fs", syscall(SYS_arch_prctl, ARCH_GET_FS, &fs) == 0);
	/* musl and glibc keep the thread pointer at %fs:0. */
	__asm__ volatile("movq %%fs:0, %0" : "=r"(self));
	CHECK("fs_base_is_the_thread_pointer", fs != 0 && fs == self);
	CHECK("arch_prctl_set_fs_to_same_value", syscall(SYS_arch_prctl, ARCH_SET_FS, fs) == 0);
	CHECK_ERRNO("arch_prctl_set_fs_to_kernel_address_gives_eperm",
		    syscall(SYS_arch_prctl, ARCH_SET_FS, 0xffff888000000000UL), EPERM);
	CHECK_ERRNO("arch_prctl_unknown_code_gives_einval", syscall(SYS_arch_prctl, 0x1999, 0), EINVAL);

	CHECK("arch_prctl_set_gs", syscall(SYS_arch_prctl, ARCH_SET_GS, gs_area) == 0);
	CHECK("gs_base_is_used_by_gs_prefix", read_gs0() == gs_area[0]);
	syscall(SYS_sched_yield);
	int same = 1;
	for (int i = 0; i < 100000; i++)	/* long enough to see interrupts, not timed */
		same &= read_gs0() == gs_area[0];
	CHECK("gs_base_survives_syscalls_and_interrupts", same && read_gs0() == gs_area[0]);
	CHECK("arch_prctl_get_gs", syscall(SYS_arch_prctl, ARCH_GET_GS, &gs) == 0 && gs == (unsigned long)gs_area);
	CHECK("arch_prctl_reset_gs", syscall(SYS_arch_prctl, ARCH_SET_GS, 0) == 0);
}

static int cpu_has_fsgsbase(void)
{
	unsigned int a = 7, b, c = 0, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return b & 1;
}

static void wrgsbase(unsigned long v) { __asm__ volatile("wrgsbase %0" :: "r"(v)); }
static unsigned long rdgsbase(void)
{
	unsigned long v;
	__asm__ volatile("rdgsbase %0" : "=r"(v));
	return v;
}

/* With FSGSBASE, user code sets its GS base without a system call: the
 * kernel must keep that value across context switches and fork, and
 * arch_prctl(ARCH_GET_GS) must report it. */
static void test_user_gsbase(void)
{
	static unsigned long area[2] = { 0xfeedfacecafebeefUL, 0 };
	if (!cpu_has_fsgsbase()) {
		printf("SKIP user_gsbase: CPU has no FSGSBASE (not counted)\n");
		return;
	}
	wrgsbase((unsigned long)area);
	syscall(SYS_sched_yield);
	int same = 1;
	for (int i = 0; i < 100000; i++)
		same &= read_gs0() == area[0];
	CHECK("wrgsbase_value_survives_switches", same && rdgsbase() == (unsigned long)area);
	unsigned long gs = 0;
	CHECK("arch_prctl_get_gs_sees_wrgsbase", syscall(SYS_arch_prctl, ARCH_GET_GS, &gs) == 0 &&
	      gs == (unsigned long)area);
	pid_t pid = fork();
	if (pid == 0)
		_exit(rdgsbase() == (unsigned long)area ? 0 : 1);
	int st = -1;
	waitpid(pid, &st, 0);
	CHECK("fork_child_inherits_wrgsbase_value", pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	wrgsbase(0);
}

/* YMM (AVX) state is enabled by the kernel in XCR0. */
static int avx_enabled(void)
{
	unsigned int a = 1, b, c = 0, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	if (!(c & (1u << 27)) || !(c & (1u << 28)))	/* OSXSAVE, AVX */
		return 0;
	unsigned int lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;
}

/* Each child keeps its own pattern in xmm/ymm registers while yielding to
 * the others many times; any change means another process's state leaked
 * in. Exit 0 if the state always held. */
static int fpu_child(uint64_t seed, int use_avx)
{
	uint64_t pat[4] __attribute__((aligned(32))) = { seed, ~seed, seed * 3, seed ^ 0x5555 };
	uint64_t got[4] __attribute__((aligned(32)));
	if (use_avx)
		__asm__ volatile("vmovdqa (%0), %%ymm7" :: "r"(pat) : "xmm7", "memory");
	else
		__asm__ volatile("movdqa (%0), %%xmm7" :: "r"(pat) : "xmm7", "memory");
	for (int i = 0; i < 300; i++) {
		syscall(SYS_sched_yield);
		for (volatile int j = 0; j < 1000; j++)
			;
		if (use_avx) {
			__asm__ volatile("vmovdqa %%ymm7, (%0)" :: "r"(got) : "memory");
			if (memcmp(got, pat, 32))
				return 1;
		} else {
			__asm__ volatile("movdqa %%xmm7, (%0)" :: "r"(got) : "memory");
			if (memcmp(got, pat, 16))
				return 1;
		}
	}
	return 0;
}

static void test_fpu_per_process(void)
{
	int use_avx = avx_enabled();
	pid_t pids[4];
	for (int i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(fpu_child(0x1111111111111111ULL * (i + 1), use_avx));
	}
	int ok = 1;
	for (int i = 0; i < 4; i++) {
		int st = -1;
		waitpid(pids[i], &st, 0);
		ok &= pids[i] > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	CHECK(use_avx ? "ymm_state_is_per_process" : "xmm_state_is_per_process", ok);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_unknown_numbers();
	test_bad_pointers();
	test_registers();
	test_arch_prctl();
	test_user_gsbase();
	test_fpu_per_process();
	printf("syscall_entry: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
