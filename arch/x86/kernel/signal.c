/* The x86-64 signal frame (seed concept: signals: the kernel makes the
 * handler look like a function call and sigreturn undo it). The generic
 * side (kernel/signal.c: sigaction, pending sets, choosing the signal)
 * calls setup_rt_frame() on the way to user mode and arch_rt_sigreturn()
 * from rt_sigreturn(2). The frame is Linux's, so musl and glibc restorers
 * and SA_SIGINFO handlers that read the ucontext work unchanged:
 *
 *   higher addresses   interrupted code's stack, its 128-byte red zone
 *                      FPU state (XSAVE image + FP_XSTATE_MAGIC2), 64-aligned
 *                      struct rt_sigframe { pretcode, ucontext, siginfo }
 *   regs->sp ------->  pretcode = sa_restorer (the handler's return address)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/preempt.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <linux/signal.h>
#include <uapi/asm/unistd_64.h>

struct rt_sigframe {
	u64 pretcode;
	struct ucontext uc;
	siginfo_t info;
};

/* Flags sigreturn may take from the frame (Linux's FIX_EFLAGS): the
 * arithmetic flags, DF, TF, AC and RF; never IF, IOPL, NT or VM. */
#define FIX_EFLAGS (0x1 | 0x4 | 0x10 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | 0x40000 | 0x10000)

#define XSAVE_HEADER 512	/* offset of the XSAVE header in the image */

static unsigned long fpstate_size(void)
{
	return boot_cpu_data.xsave_size + (X86_FEATURE_XSAVE() ? sizeof(u32) : 0);
}

/* Save this task's live FPU registers into the frame at @buf (user). */
static int save_fpstate(void __user *buf)
{
	u8 *img = current->thread.fpu_state;
	u32 size = boot_cpu_data.xsave_size;
	if (!img)
		return -EFAULT;
	fpu_save(img);
	if (X86_FEATURE_XSAVE()) {
		struct _fpx_sw_bytes sw = {
			.magic1 = FP_XSTATE_MAGIC1, .extended_size = size + sizeof(u32),
			.xfeatures = boot_cpu_data.xfeatures, .xstate_size = size,
		};
		memcpy(img + 464, &sw, sizeof(sw));
		u32 magic2 = FP_XSTATE_MAGIC2;
		if (copy_to_user((u8 __user *)buf + size, &magic2, sizeof(magic2)))
			return -EFAULT;
	}
	return copy_to_user(buf, img, size) ? -EFAULT : 0;
}

/* Load FPU registers from a frame user space may have edited. Reserved
 * bits are cleared first, so XRSTOR/FXRSTOR cannot fault in the kernel. */
static int restore_fpstate(const void __user *buf)
{
	u32 size = boot_cpu_data.xsave_size;
	if (!current->thread.fpu_state)
		return -EFAULT;
	/* Not straight into thread.fpu_state: a context switch during the
	 * copy would save the live registers over it. kmalloc of a power of
	 * two >= 64 is 64-byte aligned, as XRSTOR needs. */
	u8 *img = kmalloc(max(size, 1024u), GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	if (copy_from_user(img, buf, size)) {
		kfree(img);
		return -EFAULT;
	}
	u32 mxcsr;
	memcpy(&mxcsr, img + 24, sizeof(mxcsr));
	mxcsr &= 0xffff;	/* bits 16-31 are reserved: #GP */
	memcpy(img + 24, &mxcsr, sizeof(mxcsr));
	if (X86_FEATURE_XSAVE()) {
		struct _fpx_sw_bytes sw;
		memcpy(&sw, img + 464, sizeof(sw));
		u64 xstate_bv;
		memcpy(&xstate_bv, img + XSAVE_HEADER, sizeof(xstate_bv));
		/* A legacy (FXSAVE-only) frame restores x87 and SSE only. */
		if (sw.magic1 != FP_XSTATE_MAGIC1 || sw.xstate_size != size)
			xstate_bv = 0x3;
		xstate_bv &= boot_cpu_data.xfeatures;
		memset(img + XSAVE_HEADER, 0, 64);	/* xcomp_bv and reserved must be 0 */
		memcpy(img + XSAVE_HEADER, &xstate_bv, sizeof(xstate_bv));
	}
	preempt_disable();
	fpu_restore(img);	/* live now; the next switch-out saves it */
	preempt_enable();
	kfree(img);
	return 0;
}

static void fill_sigcontext(struct sigcontext *sc, const struct pt_regs *regs, u64 mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8; sc->r9 = regs->r9; sc->r10 = regs->r10; sc->r11 = regs->r11;
	sc->r12 = regs->r12; sc->r13 = regs->r13; sc->r14 = regs->r14; sc->r15 = regs->r15;
	sc->rdi = regs->di; sc->rsi = regs->si; sc->rbp = regs->bp; sc->rbx = regs->bx;
	sc->rdx = regs->dx; sc->rax = regs->ax; sc->rcx = regs->cx; sc->rsp = regs->sp;
	sc->rip = regs->ip;
	sc->eflags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->oldmask = mask;
}

int setup_rt_frame(struct pt_regs *regs, const struct rt_frame_args *a)
{
	unsigned long sp = a->stack_top ? a->stack_top : regs->sp - 128;	/* skip the red zone */
	unsigned long fp = 0;
	if (current->thread.fpu_state) {
		fp = (sp - fpstate_size()) & ~63UL;
		sp = fp;
	}
	/* At the handler's first instruction, as after a call: (sp + 8) % 16 == 0. */
	unsigned long frame_addr = ((sp - sizeof(struct rt_sigframe)) & ~15UL) - 8;
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)frame_addr;
	struct rt_sigframe f;

	if (!access_ok(frame, sizeof(f)) || (fp && !access_ok((void __user *)fp, fpstate_size())))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = a->restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS | (X86_FEATURE_XSAVE() && fp ? UC_FP_XSTATE : 0);
	if (a->altstack)
		f.uc.uc_stack = *a->altstack;
	else
		f.uc.uc_stack.ss_flags = SS_DISABLE;
	fill_sigcontext(&f.uc.uc_mcontext, regs, a->blocked);
	f.uc.uc_mcontext.fpstate = fp;
	f.uc.uc_sigmask = a->blocked;
	if (a->info)
		f.info = *a->info;
	if (fp && save_fpstate((void __user *)fp))
		return -EFAULT;
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;

	/* The handler is called as handler(sig, &info, &uc), with a clean FPU. */
	regs->di = a->sig;
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ax = 0;
	regs->sp = frame_addr;
	regs->ip = a->handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_RF | X86_EFLAGS_AC);
	regs->orig_ax = -1;	/* no system-call restart from here on */
	if (fp)
		fpu_init_user_state();
	return 0;
}

long arch_rt_sigreturn(struct pt_regs *regs, u64 *blocked)
{
	/* The handler's ret popped pretcode: the frame starts 8 bytes below. */
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - 8);
	struct ucontext uc;
	if (copy_from_user(&uc, &frame->uc, sizeof(uc)))
		return -EFAULT;
	const struct sigcontext *sc = &uc.uc_mcontext;
	regs->r8 = sc->r8; regs->r9 = sc->r9; regs->r10 = sc->r10; regs->r11 = sc->r11;
	regs->r12 = sc->r12; regs->r13 = sc->r13; regs->r14 = sc->r14; regs->r15 = sc->r15;
	regs->di = sc->rdi; regs->si = sc->rsi; regs->bp = sc->rbp; regs->bx = sc->rbx;
	regs->dx = sc->rdx; regs->ax = sc->rax; regs->cx = sc->rcx; regs->sp = sc->rsp;
	regs->ip = sc->rip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	/* [LINUX-DIFF] CS and SS always go back to the 64-bit user selectors;
	 * Lucid has no 32-bit or LDT segments to return to. */
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;
	if (sc->fpstate && restore_fpstate((const void __user *)sc->fpstate))
		return -EFAULT;
	restore_altstack(&uc.uc_stack, regs->sp);
	*blocked = uc.uc_sigmask;
	return 0;
}

void fill_siginfo(siginfo_t *si, const struct ksignal *k)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = k->sig;
	si->si_code = k->info.code;
	if (k->info.addr) {
		si->si_addr = (void __user *)k->info.addr;
		return;
	}
	si->si_pid = k->info.pid;
	si->si_uid = k->info.uid;
	if (k->info.value)	/* rt_sigqueueinfo's si_value */
		memcpy((char *)si + 24, &k->info.value, sizeof(k->info.value));
	if (k->sig == SIGCHLD && k->info.code >= CLD_EXITED && k->info.code <= CLD_CONTINUED)
		si->si_status = k->info.status;
}

/* A system call interrupted by a signal returns one of the -ERESTART*
 * codes (never seen by user space). Here, knowing whether a handler runs
 * (@ka, NULL if none), it becomes -EINTR or the call is made again: rax
 * gets the number back and rip steps back over the 2-byte SYSCALL. */
static void handle_syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
	if ((long)regs->orig_ax < 0)
		return;		/* not in a system call */
	switch ((long)regs->ax) {
	case -ERESTART_RESTARTBLOCK:
		if (ka) {
			regs->ax = -EINTR;
			break;
		}
		/* Not the same call again but restart_syscall(2), which goes on
		 * from current->restart_block (nanosleep: the time left). */
		regs->ax = __NR_restart_syscall;
		regs->ip -= 2;
		break;
	case -ERESTARTNOHAND:
		if (ka) {
			regs->ax = -EINTR;
			break;
		}
		goto restart;
	case -ERESTARTSYS:
		if (ka && !(ka->flags & SA_RESTART)) {
			regs->ax = -EINTR;
			break;
		}
		goto restart;
	case -ERESTARTNOINTR:
	restart:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	}
	regs->orig_ax = -1;	/* decided: never twice */
}

/* On the way to user mode with TIF_SIGPENDING (exit_to_user_mode): run the
 * handler of the next deliverable signal, restarting or failing the
 * interrupted system call as its SA_RESTART flag says. */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal k;
	if (!get_signal(&k)) {
		handle_syscall_restart(regs, NULL);
		return;
	}
	handle_syscall_restart(regs, &k.ka);
	siginfo_t si;
	fill_siginfo(&si, &k);
	stack_t alt = {
		.ss_sp = (void __user *)k.altstack_sp, .ss_size = k.altstack_size,
		/* Linux reports the flags the stack was set with, not
		 * whether the interrupted code was on it. */
		.ss_flags = k.altstack_flags,
	};
	struct rt_frame_args a = {
		.sig = k.sig, .handler = k.ka.handler, .restorer = k.ka.restorer,
		.blocked = k.oldmask, .info = &si, .stack_top = k.stack_top, .altstack = &alt,
	};
	/* Without a restorer the handler could not return (musl and glibc
	 * always give one); a frame that does not fit is fatal too, as on Linux. */
	if (!(k.ka.flags & SA_RESTORER) || setup_rt_frame(regs, &a)) {
		pr_info("%s[%d]: cannot deliver signal %d\n", current->comm, current->pid, k.sig);
		do_exit(SIGSEGV);
	}
}
