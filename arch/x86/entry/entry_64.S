/* Kernel entry from interrupts and exceptions (seed concept: the kernel is
 * entered, not run). Rules for this path: interrupts are off on entry (IDT
 * gates are interrupt gates); the C handler may re-enable them for
 * exceptions from user mode; nothing here sleeps until irqentry_exit decides
 * to reschedule.
 *
 * Every vector has a stub that makes the stack look the same: the CPU's frame
 * (ss, sp, flags, cs, ip), an error code (pushed by the CPU for some
 * exceptions, 0 by the stub otherwise) in the orig_ax slot, then rdi. The
 * stub loads the vector into edi and jumps to common_entry, which saves the
 * other registers so the stack is exactly a struct pt_regs (asm/ptrace.h).
 *
 * GS: in kernel mode GS_BASE points at this CPU's pcpu_hot; in user mode it
 * is the user's, and swapgs exchanges it with MSR_KERNEL_GS_BASE. Ordinary
 * vectors decide by the interrupted CS. NMI, double fault and machine check
 * can also arrive in the few instructions between a swapgs and the
 * iret/sysret that follows (kernel CS, user GS), so they take the paranoid
 * path instead: it reads GS_BASE, loads this CPU's pcpu_hot from the top of
 * its IST stack (cpu_init put it there), and writes the old value back on
 * the way out, whatever it was. */
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/processor.h>

	.section .entry.text, "ax"

/* Exceptions for which the CPU pushes an error code. */
#define HAS_ERRCODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.balign 16
	.globl irq_entry_stubs
irq_entry_stubs:
	vector = 0
	.rept 256
	.balign 16
	.if HAS_ERRCODE(vector) == 0
	pushq $0
	.endif
	pushq %rdi
	movl $vector, %edi
	.if vector == 2 || vector == 8 || vector == 18
	jmp paranoid_entry	/* NMI, #DF, #MC: on their IST stacks */
	.else
	jmp common_entry
	.endif
	vector = vector + 1
	.endr

/* Save the general registers below what the stub pushed: a struct pt_regs. */
.macro SAVE_REGS
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
.endm

common_entry:
	SAVE_REGS
	/* From user mode GS holds the user's base: switch to the kernel's. */
	testb $3, PTREGS_CS(%rsp)
	jz 1f
	swapgs
1:	movq %rdi, %rsi
	movq %rsp, %rdi
	xorl %ebp, %ebp		/* the backtrace stops here */
	call x86_entry		/* (struct pt_regs *, vector) */

	.globl ret_to_regs
ret_to_regs:			/* restore the pt_regs at %rsp and return */
	cli
	testb $3, PTREGS_CS(%rsp)
	jz restore_regs_and_iret
	swapgs
restore_regs_and_iret:
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
	addq $8, %rsp		/* orig_ax */
	iretq

paranoid_entry:
	SAVE_REGS
	/* r12 (callee-saved, so it survives the C call) keeps the GS base
	 * we interrupted; the kernel's lies just above the IST frame. */
	movl $MSR_GS_BASE, %ecx
	rdmsr
	shlq $32, %rdx
	orq %rax, %rdx
	movq %rdx, %r12
	movq PTREGS_SIZE(%rsp), %rax
	movq %rax, %rdx
	shrq $32, %rdx
	wrmsr
	movq %rdi, %rsi
	movq %rsp, %rdi
	xorl %ebp, %ebp
	call x86_paranoid_entry	/* (struct pt_regs *, vector) */
	cli
	movl $MSR_GS_BASE, %ecx
	movl %r12d, %eax
	movq %r12, %rdx
	shrq $32, %rdx
	wrmsr
	jmp restore_regs_and_iret

/* System-call entry (seed concept: syscall flow). SYSCALL leaves the user RIP
 * in RCX and RFLAGS in R11, masks IF/TF/DF/AC (MSR_SYSCALL_MASK), and does
 * not switch stacks: we swapgs to reach per-CPU data, park the user RSP,
 * load this task's kernel stack top and build a struct pt_regs exactly as an
 * interrupt would. rax = number; rdi, rsi, rdx, r10, r8, r9 = arguments. */
#include <asm/percpu.h>
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq %rsp, %gs:PCPU_USER_RSP
	movq %gs:PCPU_TOP_OF_STACK, %rsp
	pushq $__USER_DS		/* ss */
	pushq %gs:PCPU_USER_RSP		/* sp */
	pushq %r11			/* flags */
	pushq $__USER_CS		/* cs */
	pushq %rcx			/* ip */
	pushq %rax			/* orig_ax: the syscall number */
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq $-38			/* ax: -ENOSYS until a handler says otherwise */
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	xorl %ebp, %ebp
	movq %rsp, %rdi
	call do_syscall_64		/* returns true if SYSRET may be used */
	testb %al, %al
	jz ret_to_regs			/* IRET: the general (slower) way out */
	/* SYSRET: RCX and R11 hold the user RIP and RFLAGS (checked in C). */
	cli
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
	movq PTREGS_SP - PTREGS_ORIG_AX(%rsp), %rsp
	swapgs
	sysretq

/* SYSCALL from 32-bit compatibility mode (a 64-bit program can far-jump to
 * __USER32_CS). AMD CPUs enter here through MSR_CSTAR; Intel CPUs raise #UD
 * instead. Lucid has no 32-bit system calls: return -ENOSYS at once, as
 * Linux does without IA32 emulation. Nothing was switched yet (no swapgs,
 * still the user stack), so SYSRET to compatibility mode is all it takes. */
	.globl entry_SYSCALL_compat
entry_SYSCALL_compat:
	movl $-38, %eax			/* -ENOSYS */
	sysretl

/* A new user task's first return (from __switch_to_asm): finish the switch,
 * then leave to user mode through the pt_regs at the top of its stack. */
	.globl ret_from_fork
ret_from_fork:
	movq %rax, %rdi
	call schedule_tail
	movq %rsp, %rdi
	call syscall_exit_to_user_mode
	jmp ret_to_regs

/* kernel_init becomes PID 1's user side: drop to the pt_regs exec built at
 * the top of this task's stack.  void ret_to_user(struct pt_regs *regs) */
	.globl ret_to_user
ret_to_user:
	movq %rdi, %rsp
	jmp ret_to_regs
