/* CPU exceptions in user mode become signals for the process, never a
 * kernel crash (seed concepts: interrupts and exceptions, signals). Each
 * case runs in a child; the parent checks how the child ended. Also: SYSCALL
 * from 32-bit compatibility mode and privileged instructions. Passes on
 * Linux too. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include "utest.h"

static void do_ud2(void) { __asm__ volatile("ud2"); }
static void do_int3(void) { __asm__ volatile("int3"); }
static void do_int_0x81(void) { __asm__ volatile("int $0x81"); }	/* DPL 0 gate: #GP */
static void do_hlt(void) { __asm__ volatile("hlt"); }
static void do_cli(void) { __asm__ volatile("cli"); }
static void do_port_in(void) { __asm__ volatile("inb $0x80, %%al" ::: "eax"); }
static void do_rdmsr(void) { __asm__ volatile("rdmsr" :: "c"(0xc0000080) : "eax", "edx"); }
static void do_kernel_read(void) { (void)*(volatile long *)0xffffffff81000000UL; }
static void do_null_call(void) { ((void (*)(void))0)(); }

/* Set RFLAGS.TF: the next instruction traps (#DB) with SIGTRAP. */
static void do_single_step(void)
{
	__asm__ volatile("pushfq\n\t"
			 "orq $0x100, (%%rsp)\n\t"
			 "popfq\n\t"
			 "nop\n\t"
			 "nop" ::: "memory", "cc");
}

static void do_divide_by_zero(void)
{
	volatile int zero = 0;
	int a = 1, q;
	__asm__ volatile("cltd; idivl %2" : "=a"(q) : "a"(a), "r"(zero) : "edx");
	(void)q;
}

static void do_noncanonical_jump(void)
{
	__asm__ volatile("jmp *%0" :: "r"(0x8000000000000000UL));
}

static void do_exec_from_data(void)
{
	static unsigned char code[16] = { 0xc3 };	/* ret, in a no-execute page */
	((void (*)(void))code)();
}

/* Run @fn in a child; the status as wait() reports it, or -1. */
static int run_child(void (*fn)(void))
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn();
		_exit(0);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void expect_signal(const char *name, void (*fn)(void), int sig)
{
	int st = run_child(fn);
	if (st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == sig) {
		utest_passes++;
		printf("PASS %s\n", name);
		return;
	}
	utest_failures++;
	printf("FAIL %s: expected death by signal %d, got status %#x\n", name, sig, st);
}

/* Far-jump to 32-bit code (__USER32_CS = 0x23) that executes SYSCALL, then
 * back to 64-bit mode (__USER_CS = 0x33). On AMD CPUs this enters the
 * kernel's compatibility-mode SYSCALL path (Linux: a 32-bit getpid, or
 * -ENOSYS without IA32 emulation); on Intel CPUs it is #UD, so SIGILL. */
#define COMPAT_PAGE 0x40000000UL
static void do_compat_syscall(void)
{
	unsigned char *p = mmap((void *)COMPAT_PAGE, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != (void *)COMPAT_PAGE)
		_exit(2);
	static const unsigned char code32[] = {
		0xb8, 0x14, 0x00, 0x00, 0x00,			/* mov $20, %eax (i386 getpid) */
		0x0f, 0x05,					/* syscall */
		0xea, 0x10, 0x00, 0x00, 0x40, 0x33, 0x00,	/* ljmp $0x33, $COMPAT_PAGE+16 */
	};
	memcpy(p, code32, sizeof(code32));
	/* At +16, in 64-bit mode again: jmp *0(%rip), through the address stored just after it. */
	static const unsigned char back64[] = { 0xff, 0x25, 0x00, 0x00, 0x00, 0x00 };
	memcpy(p + 16, back64, sizeof(back64));
	/* The far pointer (offset, selector) for ljmp: a far jump through
	 * memory, not lret (QEMU's TCG mis-flags lret's stack reads under SMAP). */
	static struct __attribute__((packed)) { uint32_t off; uint16_t sel; } to32 = { COMPAT_PAGE, 0x23 };
	/* A 32-bit system call may return with registers truncated to 32
	 * bits (Linux zeroes r8-r15 too): run on a stack below 4 GiB, keep
	 * rsp and rbp in memory, and let the compiler save everything else. */
	static unsigned long saved_sp, saved_bp;
	unsigned long result;
	__asm__ volatile("leaq 1f(%%rip), %%rax\n\t"
			 "movq %%rax, 22(%[page])\n\t"
			 "movq %%rsp, %[sp]\n\t"
			 "movq %%rbp, %[bp]\n\t"
			 "leaq 4032(%[page]), %%rsp\n\t"
			 "ljmpl *%[far]\n"
			 "1:\n\t"
			 "movq %[sp], %%rsp\n\t"
			 "movq %[bp], %%rbp\n\t"
			 : "=&a"(result), [sp] "=m"(saved_sp), [bp] "=m"(saved_bp)
			 : [page] "r"(p), [far] "m"(to32)
			 : "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
			   "r15", "memory", "cc");
	long r = (long)(int)result;
	_exit(r == -ENOSYS || r == getpid() ? 0 : 3);
}

static void test_compat_syscall(void)
{
	int st = run_child(do_compat_syscall);
	/* Lucid returns -ENOSYS (exit 0). Intel CPUs give SIGILL. Debian's
	 * Linux runs a real 32-bit getpid and its return to this mixed-mode
	 * caller ends in SIGSEGV, which is also "the process, not the kernel".
	 * A wrong value (exit 3) or a kernel crash fails. */
	int ok = st != -1 && ((WIFEXITED(st) && WEXITSTATUS(st) == 0) ||
			      (WIFSIGNALED(st) && (WTERMSIG(st) == SIGILL || WTERMSIG(st) == SIGSEGV)));
	CHECK("syscall_from_32bit_mode_affects_only_the_process", ok);
	if (!ok)
		printf("  status %#x\n", st);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	expect_signal("ud2_gives_sigill", do_ud2, SIGILL);
	expect_signal("int3_gives_sigtrap", do_int3, SIGTRAP);
	expect_signal("divide_by_zero_gives_sigfpe", do_divide_by_zero, SIGFPE);
	expect_signal("single_step_gives_sigtrap", do_single_step, SIGTRAP);
	expect_signal("int_0x81_gives_sigsegv", do_int_0x81, SIGSEGV);
	expect_signal("hlt_gives_sigsegv", do_hlt, SIGSEGV);
	expect_signal("cli_gives_sigsegv", do_cli, SIGSEGV);
	expect_signal("port_io_gives_sigsegv", do_port_in, SIGSEGV);
	expect_signal("rdmsr_gives_sigsegv", do_rdmsr, SIGSEGV);
	expect_signal("kernel_address_read_gives_sigsegv", do_kernel_read, SIGSEGV);
	expect_signal("call_through_null_gives_sigsegv", do_null_call, SIGSEGV);
	expect_signal("noncanonical_jump_gives_sigsegv", do_noncanonical_jump, SIGSEGV);
	expect_signal("executing_data_gives_sigsegv", do_exec_from_data, SIGSEGV);
	test_compat_syscall();
	CHECK("parent_still_runs_after_all_faults", getppid() >= 0);
	printf("syscall_traps: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
