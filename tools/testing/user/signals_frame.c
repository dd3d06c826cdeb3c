/* What a signal handler sees and may change (seed concept: signals): the
 * siginfo of CPU faults (si_code, si_addr), the ucontext registers a handler
 * edits to skip a faulting instruction, the FPU/AVX state saved in the frame
 * and restored by sigreturn, SA_NODEFER, SA_RESETHAND, sa_mask, uc_sigmask,
 * stack overflow with and without an alternate stack, SA_ONSTACK nesting,
 * SS_AUTODISARM and uc_stack (set back by sigreturn),
 * the sender in si_pid/si_uid, SIGCHLD's si_code/si_status for a killed
 * child, rt_sigtimedwait's timeout, tkill/tgkill, and read() on a pipe or a pty
 * interrupted with and without SA_RESTART. Passes on Linux too. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <fcntl.h>
#include <ucontext.h>
#include <sched.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <termios.h>
#include "utest.h"

static int set_action(int sig, void *fn, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	if (flags & SA_SIGINFO)
		sa.sa_sigaction = fn;
	else
		sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static int wait_status(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return st;
}

/* ---- CPU faults: the handler records what it saw and resumes at_resume. */
static volatile unsigned long at_fault, at_resume;
static volatile int h_sig, h_code;
static void *volatile h_addr;
static volatile unsigned long h_rip;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	h_sig = sig;
	h_code = si->si_code;
	h_addr = si->si_addr;
	h_rip = uc->uc_mcontext.gregs[REG_RIP];
	uc->uc_mcontext.gregs[REG_RIP] = at_resume;
	uc->uc_mcontext.gregs[REG_EFL] &= ~0x100UL;	/* TF: stop single-stepping */
}

/* Run one instruction @insn with its address in at_fault and the address
 * after it in at_resume; %rdi = @arg. */
#define RUN_INSN(insn, arg)							\
	__asm__ volatile("leaq 2f(%%rip), %%rax\n\t"				\
			 "movq %%rax, %[f]\n\t"					\
			 "leaq 1f(%%rip), %%rax\n\t"				\
			 "movq %%rax, %[r]\n\t"					\
			 "xorl %%ecx, %%ecx\n"					\
			 "2:\t" insn "\n"					\
			 "1:\n"							\
			 : [f] "=m"(at_fault), [r] "=m"(at_resume)		\
			 : "D"(arg)						\
			 : "rax", "rcx", "rdx", "memory", "cc")

static void reset_fault(void) { h_sig = 0; h_code = -1; h_addr = (void *)1; h_rip = 0; }

static void test_faults(void)
{
	int sigs[] = { SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS };
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		set_action(sigs[i], on_fault, SA_SIGINFO | SA_NODEFER);

	char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p, 4096);
	reset_fault();
	RUN_INSN("movb (%%rdi), %%al", p + 5);
	CHECK("read_of_unmapped_page_is_segv_maperr", h_sig == SIGSEGV && h_code == SEGV_MAPERR);
	CHECK("segv_si_addr_is_the_data_address", h_addr == p + 5);
	CHECK("segv_ucontext_rip_is_the_faulting_instruction", h_rip == at_fault);

	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	reset_fault();
	RUN_INSN("movb %%al, (%%rdi)", p + 9);
	CHECK("write_to_read_only_page_is_segv_accerr", h_sig == SIGSEGV && h_code == SEGV_ACCERR && h_addr == p + 9);
	munmap(p, 4096);

	/* Not yet touched, so not present: the hardware says "not present",
	 * but a mapping is there, so the access (not the map) is wrong. */
	p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	reset_fault();
	RUN_INSN("movb (%%rdi), %%al", p + 3);
	CHECK("read_of_prot_none_page_is_segv_accerr", h_sig == SIGSEGV && h_code == SEGV_ACCERR && h_addr == p + 3);
	munmap(p, 4096);

	reset_fault();
	RUN_INSN("divl %%ecx", 0);
	CHECK("divide_by_zero_is_sigfpe_fpe_intdiv", h_sig == SIGFPE && h_code == FPE_INTDIV);
	CHECK("sigfpe_si_addr_is_the_instruction", h_addr == (void *)at_fault && h_rip == at_fault);

	reset_fault();
	RUN_INSN("ud2", 0);
	CHECK("ud2_is_sigill_ill_illopn", h_sig == SIGILL && h_code == ILL_ILLOPN);
	CHECK("sigill_si_addr_is_the_instruction", h_addr == (void *)at_fault && h_rip == at_fault);

	/* int3 is a trap: the saved RIP is already past it. Linux reports it
	 * as a kernel-generated signal (SI_KERNEL), without an address. */
	reset_fault();
	RUN_INSN("int3", 0);
	CHECK("int3_is_sigtrap_si_kernel", h_sig == SIGTRAP && h_code == SI_KERNEL && h_addr == NULL);
	CHECK("int3_ucontext_rip_is_after_it", h_rip == at_resume);

	/* Single step (RFLAGS.TF): a trap after the next instruction, with
	 * TRAP_TRACE and si_addr = where it stopped. */
	reset_fault();
	__asm__ volatile("leaq 2f(%%rip), %%rax\n\t" "movq %%rax, %[f]\n\t"
			 "leaq 1f(%%rip), %%rax\n\t" "movq %%rax, %[r]\n\t"
			 "pushfq\n\t" "orq $0x100, (%%rsp)\n\t" "popfq\n"
			 "2:\tnop\n"
			 "1:\tnop"
			 : [f] "=m"(at_fault), [r] "=m"(at_resume) :: "rax", "memory", "cc");
	CHECK("single_step_is_sigtrap_trap_trace_after_the_instruction",
	      h_sig == SIGTRAP && h_code == TRAP_TRACE && h_addr == (void *)at_resume && h_rip == at_resume);

	/* A privileged instruction: #GP, SIGSEGV from the kernel, no address. */
	reset_fault();
	RUN_INSN("hlt", 0);
	CHECK("hlt_is_sigsegv_si_kernel_without_address",
	      h_sig == SIGSEGV && h_code == SI_KERNEL && h_addr == NULL && h_rip == at_fault);

	/* An unmasked floating-point exception: si_code says which one. x87
	 * (#MF) traps at the next waiting instruction (fwait), so that is
	 * si_addr. (SSE's #XF is decoded the same way from MXCSR, but QEMU's
	 * TCG, where these tests run, never raises #XF: not checked here.) */
	unsigned short cw_div = 0x037f & ~(1u << 2), cw_default = 0x037f;	/* ZM clear */
	reset_fault();
	__asm__ volatile("fninit\n\t"
			 "fldcw %[c]\n\t"
			 "fld1\n\t"
			 "fldz\n\t"
			 "fdivrp\n\t"		/* 1 / 0: flagged, trapped by the next fwait */
			 "leaq 2f(%%rip), %%rax\n\t" "movq %%rax, %[f]\n\t"
			 "leaq 1f(%%rip), %%rax\n\t" "movq %%rax, %[r]\n"
			 "2:\tfwait\n"
			 "1:\tfnclex\n\t"
			 "fstp %%st(0)\n\t"
			 "fldcw %[d]"
			 : [f] "=m"(at_fault), [r] "=m"(at_resume)
			 : [c] "m"(cw_div), [d] "m"(cw_default)
			 : "rax", "st", "memory");
	CHECK("x87_divide_by_zero_unmasked_is_sigfpe_fpe_fltdiv",
	      h_sig == SIGFPE && h_code == FPE_FLTDIV && h_addr == (void *)at_fault && h_rip == at_fault);

	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
}

/* ---- A handler edits registers: skip ud2 (2 bytes) and set rax/rbx. */
static void on_ill_skip(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	uc->uc_mcontext.gregs[REG_RIP] += 2;
	uc->uc_mcontext.gregs[REG_RAX] = 0x1234;
	uc->uc_mcontext.gregs[REG_RBX] = 0x5678;
	uc->uc_mcontext.gregs[REG_EFL] |= 1;	/* CF */
}

static void test_edit_registers(void)
{
	set_action(SIGILL, on_ill_skip, SA_SIGINFO);
	unsigned long a = 0, b = 0;
	unsigned char cf = 0;
	__asm__ volatile("xorl %%eax, %%eax\n\t"	/* clears CF */
			 "xorl %%ebx, %%ebx\n\t"
			 "ud2\n\t"
			 "setc %2"
			 : "=a"(a), "=b"(b), "=q"(cf) :: "cc");
	CHECK("handler_skips_ud2_and_sets_registers_through_ucontext", a == 0x1234 && b == 0x5678);
	CHECK("handler_sets_eflags_through_ucontext", cf == 1);
	signal(SIGILL, SIG_DFL);
}

/* ---- FPU state in the frame. */
static volatile int fp_nonnull, fp_magic;
static volatile uint32_t fp_seen_xmm3;
static void on_usr1_fpu(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	fpregset_t fp = uc->uc_mcontext.fpregs;
	fp_nonnull = fp != NULL;
	if (fp) {
		fp_seen_xmm3 = fp->_xmm[3].element[0];
		fp->_xmm[3].element[0] = 0xc0ffee;	/* sigreturn loads this into xmm3 */
		fp_magic = fp->padding[12] == 0x46505853U;	/* FP_XSTATE_MAGIC1: XSAVE layout */
	}
	__asm__ volatile("pxor %%xmm0, %%xmm0\n\t" "pxor %%xmm7, %%xmm7\n\t" "pxor %%xmm15, %%xmm15"
			 ::: "xmm0", "xmm7", "xmm15");
}

static int avx_usable(void)
{
	unsigned a, b, c, d;
	__asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (!(c & (1u << 27)) || !(c & (1u << 28)))	/* OSXSAVE, AVX */
		return 0;
	unsigned lo, hi;
	__asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;
}

static volatile int avx_handler_ran;
static void on_usr2_avx(int sig) { avx_handler_ran = 1; __asm__ volatile("vzeroall"); }

static void test_fpu(void)
{
	static const uint32_t pat[8] __attribute__((aligned(32))) = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
	uint32_t x0[4] __attribute__((aligned(16))), x3[4] __attribute__((aligned(16)));
	uint32_t x7[4] __attribute__((aligned(16))), x15[4] __attribute__((aligned(16)));
	set_action(SIGUSR1, on_usr1_fpu, SA_SIGINFO);
	long nr = SYS_kill;
	__asm__ volatile("movdqa (%[p]), %%xmm0\n\t" "movdqa (%[p]), %%xmm3\n\t"
			 "movdqa (%[p]), %%xmm7\n\t" "movdqa (%[p]), %%xmm15\n\t"
			 "syscall\n\t"
			 "movdqa %%xmm0, (%[a])\n\t" "movdqa %%xmm3, (%[b])\n\t"
			 "movdqa %%xmm7, (%[c])\n\t" "movdqa %%xmm15, (%[d])"
			 : "+a"(nr)
			 : [p] "r"(pat), [a] "r"(x0), [b] "r"(x3), [c] "r"(x7), [d] "r"(x15),
			   "D"((long)getpid()), "S"((long)SIGUSR1)
			 : "rcx", "r11", "xmm0", "xmm3", "xmm7", "xmm15", "memory");
	CHECK("ucontext_fpregs_pointer_is_set", fp_nonnull);
	CHECK("frame_fpu_state_is_xsave_layout_with_magic", fp_magic || !avx_usable());
	CHECK("frame_holds_the_interrupted_xmm_values", fp_seen_xmm3 == 0x11);
	CHECK("xmm_clobbered_by_handler_restored_after_sigreturn",
	      !memcmp(x0, pat, 16) && !memcmp(x7, pat, 16) && !memcmp(x15, pat, 16));
	CHECK("xmm_edited_in_the_frame_is_loaded_by_sigreturn",
	      x3[0] == 0xc0ffee && !memcmp(x3 + 1, pat + 1, 12));

	if (!avx_usable()) {
		printf("SKIP ymm_upper_halves: no AVX enabled by this kernel/CPU (not counted)\n");
	} else {
		uint32_t y[8] __attribute__((aligned(32)));
		set_action(SIGUSR2, on_usr2_avx, 0);
		nr = SYS_kill;
		__asm__ volatile("vmovdqa (%[p]), %%ymm5\n\t"
				 "syscall\n\t"
				 "vmovdqa %%ymm5, (%[y])\n\t"
				 "vzeroupper"
				 : "+a"(nr)
				 : [p] "r"(pat), [y] "r"(y), "D"((long)getpid()), "S"((long)SIGUSR2)
				 : "rcx", "r11", "xmm5", "memory");
		CHECK("ymm_clobbered_by_handler_restored_after_sigreturn", avx_handler_ran && !memcmp(y, pat, 32));
		signal(SIGUSR2, SIG_DFL);
	}
	signal(SIGUSR1, SIG_DFL);
}

/* ---- SA_NODEFER and SA_RESETHAND. */
static volatile int depth, max_depth, calls, self_blocked, reset_seen;
static void on_usr1_nest(int sig)
{
	sigset_t cur;
	calls++;
	if (++depth > max_depth)
		max_depth = depth;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	if (calls == 1) {
		self_blocked = sigismember(&cur, SIGUSR1);
		kill(getpid(), SIGUSR1);	/* nested now (SA_NODEFER) or after return */
	}
	depth--;
}

static void on_usr1_reset(int sig)
{
	struct sigaction old;
	calls++;
	reset_seen = sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL;
}

static void test_flags(void)
{
	depth = max_depth = calls = 0;
	set_action(SIGUSR1, on_usr1_nest, 0);
	kill(getpid(), SIGUSR1);
	CHECK("without_sa_nodefer_the_signal_is_blocked_in_its_handler",
	      self_blocked && calls == 2 && max_depth == 1);
	depth = max_depth = calls = 0;
	set_action(SIGUSR1, on_usr1_nest, SA_NODEFER);
	kill(getpid(), SIGUSR1);
	CHECK("sa_nodefer_lets_the_handler_nest", !self_blocked && calls == 2 && max_depth == 2);

	calls = 0;
	set_action(SIGUSR1, on_usr1_reset, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	CHECK("sa_resethand_resets_to_sig_dfl_before_the_handler_runs", calls == 1 && reset_seen);
	signal(SIGUSR1, SIG_DFL);
}

static char alt[65536] __attribute__((aligned(16)));

/* ---- sa_mask holds other signals back during the handler; uc_sigmask
 * edited by a handler is the mask after sigreturn. */
static volatile int usr2_seen, usr2_during;
static void on_usr2_count(int sig) { usr2_seen++; }
static void on_usr1_raise_usr2(int sig, siginfo_t *si, void *ucv)
{
	kill(getpid(), SIGUSR2);
	usr2_during = usr2_seen;
}
static void on_usr1_block_usr2(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	sigaddset(&uc->uc_sigmask, SIGUSR2);
}

static void test_masks(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1_raise_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	set_action(SIGUSR2, on_usr2_count, 0);
	usr2_seen = 0;
	kill(getpid(), SIGUSR1);
	CHECK("sa_mask_defers_another_signal_until_the_handler_returns", usr2_during == 0 && usr2_seen == 1);

	set_action(SIGUSR1, on_usr1_block_usr2, SA_SIGINFO);
	kill(getpid(), SIGUSR1);
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	CHECK("uc_sigmask_edited_by_a_handler_is_the_mask_after_sigreturn",
	      sigismember(&cur, SIGUSR2) && !sigismember(&cur, SIGUSR1));
	sigemptyset(&cur);
	sigaddset(&cur, SIGUSR2);
	sigprocmask(SIG_UNBLOCK, &cur, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* ---- Stack overflow: a SIGSEGV handler can run only on an alternate
 * stack; without one the frame cannot be written and the process dies of
 * SIGSEGV. */
static void on_segv_exit(int sig) { _exit(42); }
static volatile int recurse_forever = 1;	/* volatile: the compiler cannot see the end */
static int recurse(volatile char *prev)
{
	volatile char buf[1024];
	if (!recurse_forever)
		return 0;
	buf[0] = prev ? prev[0] + 1 : 0;
	return recurse(buf) + buf[1];
}

static void overflow_child(int with_altstack)
{
	if (with_altstack) {
		stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
		sigaltstack(&ss, NULL);
	}
	set_action(SIGSEGV, on_segv_exit, SA_ONSTACK);
	recurse(NULL);
	_exit(1);
}

static void test_overflow(void)
{
	pid_t pid = fork();
	if (pid == 0)
		overflow_child(1);
	int st = wait_status(pid);
	CHECK("stack_overflow_sigsegv_handler_runs_on_the_alternate_stack", WIFEXITED(st) && WEXITSTATUS(st) == 42);
	pid = fork();
	if (pid == 0)
		overflow_child(0);
	st = wait_status(pid);
	CHECK("stack_overflow_without_alternate_stack_dies_of_sigsegv", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
}

/* ---- SA_ONSTACK: the frame's uc_stack, and a nested signal stays on the
 * alternate stack below the first frame. */
static volatile int outer_flags = -1, inner_flags = -1, inner_on_alt;
static volatile uintptr_t outer_local, inner_local;
static void *volatile outer_ss_sp;
static volatile size_t outer_ss_size;

static void on_usr2_alt_inner(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	inner_local = (uintptr_t)__builtin_frame_address(0);
	inner_flags = uc->uc_stack.ss_flags;
}

static void on_usr1_alt_outer(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	outer_local = (uintptr_t)__builtin_frame_address(0);
	outer_flags = uc->uc_stack.ss_flags;
	outer_ss_sp = uc->uc_stack.ss_sp;
	outer_ss_size = uc->uc_stack.ss_size;
	kill(getpid(), SIGUSR2);
}

static char alt2[16384];
static volatile uintptr_t ad_local;
static volatile int ad_inside_flags = -1, ad_uc_flags = -1;
static volatile size_t ad_inside_size = 1;
static void *volatile ad_uc_sp;

static void on_usr1_autodisarm(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t cur;
	ad_local = (uintptr_t)__builtin_frame_address(0);
	if (sigaltstack(NULL, &cur) == 0) {
		ad_inside_flags = cur.ss_flags;
		ad_inside_size = cur.ss_size;
	}
	ad_uc_sp = uc->uc_stack.ss_sp;
	ad_uc_flags = uc->uc_stack.ss_flags;
}

static void on_usr1_swap_altstack(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	uc->uc_stack.ss_sp = alt2;
	uc->uc_stack.ss_size = sizeof(alt2);
	uc->uc_stack.ss_flags = 0;
}

static void test_onstack(void)
{
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
	sigaltstack(&ss, NULL);
	set_action(SIGUSR1, on_usr1_alt_outer, SA_SIGINFO | SA_ONSTACK);
	set_action(SIGUSR2, on_usr2_alt_inner, SA_SIGINFO | SA_ONSTACK);
	kill(getpid(), SIGUSR1);
	CHECK("onstack_frame_uc_stack_describes_the_alternate_stack",
	      outer_ss_sp == alt && outer_ss_size == sizeof(alt) && outer_flags == 0);
	/* uc_stack.ss_flags are the flags the stack was set with, not
	 * "was on it" (Linux's __save_altstack): 0 for the nested one too. */
	CHECK("nested_onstack_frame_uc_stack_flags_are_as_set", inner_flags == 0);
	CHECK("nested_onstack_frame_is_below_the_first_on_the_same_stack",
	      inner_local >= (uintptr_t)alt && inner_local < outer_local && outer_local < (uintptr_t)alt + sizeof(alt));
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);

	/* SS_AUTODISARM: no alternate stack while the handler runs on it;
	 * sigreturn sets it back from the frame's uc_stack. */
	stack_t cur;
	ss.ss_flags = SS_AUTODISARM;
	CHECK("sigaltstack_accepts_ss_autodisarm", sigaltstack(&ss, NULL) == 0);
	CHECK("sigaltstack_reports_ss_autodisarm",
	      sigaltstack(NULL, &cur) == 0 && cur.ss_sp == alt && cur.ss_flags == SS_AUTODISARM);
	set_action(SIGUSR1, on_usr1_autodisarm, SA_SIGINFO | SA_ONSTACK);
	kill(getpid(), SIGUSR1);
	CHECK("autodisarm_handler_runs_on_the_alternate_stack",
	      ad_local >= (uintptr_t)alt && ad_local < (uintptr_t)alt + sizeof(alt));
	CHECK("autodisarm_handler_sees_no_alternate_stack", ad_inside_flags == SS_DISABLE && ad_inside_size == 0);
	CHECK("autodisarm_frame_uc_stack_keeps_the_stack",
	      ad_uc_sp == alt && ad_uc_flags == SS_AUTODISARM);
	CHECK("sigreturn_sets_the_alternate_stack_back",
	      sigaltstack(NULL, &cur) == 0 && cur.ss_sp == alt && cur.ss_size == sizeof(alt) &&
	      cur.ss_flags == SS_AUTODISARM);

	/* A handler may replace the alternate stack through uc_stack. */
	ss.ss_flags = 0;
	sigaltstack(&ss, NULL);
	set_action(SIGUSR1, on_usr1_swap_altstack, SA_SIGINFO);
	kill(getpid(), SIGUSR1);
	CHECK("uc_stack_edited_by_a_handler_is_set_by_sigreturn",
	      sigaltstack(NULL, &cur) == 0 && cur.ss_sp == alt2 && cur.ss_size == sizeof(alt2) && cur.ss_flags == 0);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	signal(SIGUSR1, SIG_DFL);
}

/* ---- si_pid/si_uid, SIGCHLD for a killed child, sigtimedwait. */
static volatile int ci_code, ci_status, ci_pid, ci_uid = -1;
static void on_info(int sig, siginfo_t *si, void *uc)
{
	ci_code = si->si_code;
	ci_status = si->si_status;
	ci_pid = si->si_pid;
	ci_uid = si->si_uid;
}

static void test_info(void)
{
	set_action(SIGUSR1, on_info, SA_SIGINFO);
	kill(getpid(), SIGUSR1);
	CHECK("kill_si_pid_and_si_uid_name_the_sender",
	      ci_code == SI_USER && ci_pid == getpid() && ci_uid == (int)getuid());
	signal(SIGUSR1, SIG_DFL);

	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	set_action(SIGCHLD, on_info, SA_SIGINFO);
	pid_t pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	kill(pid, SIGTERM);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	int r = sigwaitinfo(&set, &si);
	CHECK("sigchld_for_a_killed_child_is_cld_killed_with_the_signal",
	      r == SIGCHLD && si.si_code == CLD_KILLED && si.si_status == SIGTERM && si.si_pid == pid);
	wait_status(pid);

	struct timespec ts = { 0, 20 * 1000 * 1000 };
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK_ERRNO("sigtimedwait_times_out_with_eagain", sigtimedwait(&set, &si, &ts), EAGAIN);
	union sigval v = { .sival_int = 77 };
	sigqueue(getpid(), SIGUSR2, v);
	memset(&si, 0, sizeof(si));
	CHECK("sigtimedwait_takes_a_queued_signal_with_its_value",
	      sigtimedwait(&set, &si, &ts) == SIGUSR2 && si.si_code == SI_QUEUE && si.si_value.sival_int == 77 &&
	      si.si_pid == getpid());
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGCHLD, SIG_DFL);
}

/* ---- tkill and tgkill: thread-directed, SI_TKILL, their errors. */
static void test_tkill(void)
{
	long tid = syscall(SYS_gettid);
	set_action(SIGUSR1, on_info, SA_SIGINFO);
	ci_code = 0;
	CHECK("tgkill_self_delivers_si_tkill",
	      syscall(SYS_tgkill, getpid(), tid, SIGUSR1) == 0 && ci_code == SI_TKILL && ci_pid == getpid() &&
	      ci_uid == (int)getuid());
	ci_code = 0;
	CHECK("tkill_self_delivers_si_tkill", syscall(SYS_tkill, tid, SIGUSR1) == 0 && ci_code == SI_TKILL);
	CHECK("tgkill_signal_0_checks_existence", syscall(SYS_tgkill, getpid(), tid, 0) == 0);
	CHECK_ERRNO("tgkill_tgid_0_gives_einval", syscall(SYS_tgkill, 0, tid, SIGUSR1), EINVAL);
	CHECK_ERRNO("tgkill_tid_0_gives_einval", syscall(SYS_tgkill, getpid(), 0, SIGUSR1), EINVAL);
	CHECK_ERRNO("tgkill_signal_65_gives_einval", syscall(SYS_tgkill, getpid(), tid, 65), EINVAL);
	CHECK_ERRNO("tkill_tid_0_gives_einval", syscall(SYS_tkill, 0, SIGUSR1), EINVAL);
	CHECK_ERRNO("tkill_missing_tid_gives_esrch", syscall(SYS_tkill, 999999, 0), ESRCH);
	pid_t pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	/* The thread exists, but not in that thread group. */
	CHECK_ERRNO("tgkill_thread_of_another_group_gives_esrch", syscall(SYS_tgkill, pid, tid, 0), ESRCH);
	CHECK("tgkill_another_process_main_thread", syscall(SYS_tgkill, pid, pid, 0) == 0);
	pid_t other = fork();
	if (other == 0) {
		if (setuid(1000) != 0)
			_exit(2);
		/* Another user's thread: no permission. */
		_exit(syscall(SYS_tkill, getppid(), SIGUSR1) == -1 && errno == EPERM &&
		      syscall(SYS_tgkill, getppid(), getppid(), SIGUSR1) == -1 && errno == EPERM ? 0 : 1);
	}
	int st = wait_status(other);
	CHECK("tkill_and_tgkill_to_another_user_give_eperm", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	kill(pid, SIGKILL);
	wait_status(pid);
	signal(SIGUSR1, SIG_DFL);
}

/* ---- read() interrupted: EINTR without SA_RESTART, restarted with it. */
static volatile sig_atomic_t nr_signals;
static void count_signal(int sig) { nr_signals++; }

static pid_t start_pest(void)
{
	pid_t pid = fork();
	if (pid == 0)
		for (;;) {
			kill(getppid(), SIGUSR1);
			sched_yield();
		}
	return pid;
}

/* A child that writes one byte to @fd after a while; never without the pest running. */
static pid_t start_late_writer(int fd)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 20000; i++)
			sched_yield();
		_exit(write(fd, "x\n", 2) == 2 ? 0 : 1);
	}
	return pid;
}

static void stop(pid_t pid) { kill(pid, SIGKILL); wait_status(pid); }

/* @rfd is read, @wfd is where the late writer writes. */
static void check_read_restart(const char *what, int rfd, int wfd)
{
	char buf[8], name[96];
	nr_signals = 0;
	set_action(SIGUSR1, count_signal, 0);
	pid_t pest = start_pest();
	ssize_t r = read(rfd, buf, sizeof(buf));
	int e = errno;
	stop(pest);
	snprintf(name, sizeof(name), "%s_read_gives_eintr_without_sa_restart", what);
	CHECK(name, r == -1 && e == EINTR && nr_signals > 0);

	nr_signals = 0;
	set_action(SIGUSR1, count_signal, SA_RESTART);
	pid_t writer = start_late_writer(wfd);
	pest = start_pest();
	r = read(rfd, buf, sizeof(buf));
	stop(pest);
	wait_status(writer);
	snprintf(name, sizeof(name), "%s_read_restarts_with_sa_restart", what);
	CHECK(name, r >= 1 && buf[0] == 'x' && nr_signals > 0);
	signal(SIGUSR1, SIG_DFL);
}

static void test_read_restart(void)
{
	int p[2];
	if (pipe(p) == 0) {
		check_read_restart("pipe", p[0], p[1]);
		close(p[0]);
		close(p[1]);
	} else {
		CHECK("pipe", 0);
	}

	struct stat st;
	if (stat("/dev/null", &st) != 0) {	/* Linux from an initramfs */
		mkdir("/dev", 0755);
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	}
	if (stat("/dev/pts/ptmx", &st) != 0) {
		mkdir("/dev/pts", 0755);
		mount("devpts", "/dev/pts", "devpts", 0, NULL);
	}
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	int unlock = 0;
	char name[64];
	int s = -1;
	if (m >= 0 && ioctl(m, TIOCSPTLCK, &unlock) == 0 && ptsname_r(m, name, sizeof(name)) == 0)
		s = open(name, O_RDWR | O_NOCTTY);
	CHECK("open_a_pty_pair", m >= 0 && s >= 0);
	if (s >= 0)
		check_read_restart("pty", s, m);	/* canonical mode: "x\n" completes a line */
	close(s);
	close(m);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_faults();
	test_edit_registers();
	test_fpu();
	test_flags();
	test_masks();
	test_overflow();
	test_onstack();
	test_info();
	test_tkill();
	test_read_restart();
	printf("signals_frame: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
