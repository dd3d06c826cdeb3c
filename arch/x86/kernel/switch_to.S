/* The context switch itself (seed concept: the CPU is stateless, the kernel
 * keeps the state). Save the callee-saved registers on prev's kernel stack,
 * store prev's stack pointer, load next's, restore its registers and return
 * into wherever next last called this from. rax (the return value) is prev,
 * which the caller on next's side needs to finish the switch.
 *   struct task_struct *__switch_to_asm(prev (rdi), next (rsi)) */
#include <asm/asm-offsets.h>

	.text
	.globl __switch_to_asm
__switch_to_asm:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, TASK_THREAD_SP(%rdi)
	movq TASK_THREAD_SP(%rsi), %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	movq %rdi, %rax
	ret

/* A new kernel thread starts here (its first "return" from __switch_to_asm):
 * finish the switch, then call fn(arg) from rbx/r12 and exit with its result. */
	.globl ret_from_kernel_thread
ret_from_kernel_thread:
	movq %rax, %rdi
	call schedule_tail
	movq %r12, %rdi
	call *%rbx
	movq %rax, %rdi
	call do_exit
	ud2
