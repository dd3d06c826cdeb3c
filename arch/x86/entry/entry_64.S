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
 * other registers so the stack is exactly a struct pt_regs (asm/ptrace.h). */
#include <asm/ptrace.h>
#include <asm/segment.h>

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
	jmp common_entry
	vector = vector + 1
	.endr

common_entry:
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
	jz 2f
	swapgs
2:	popq %r15
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
