/* Where an application processor (AP) starts after INIT-SIPI-SIPI: in 16-bit
 * real mode at TRAMPOLINE_BASE (copied below 1 MiB by smpboot.c). It goes to
 * 32-bit protected mode, enables PAE + long mode with page tables prepared by
 * the boot CPU (identity map of low memory + the kernel half), and jumps to
 * start_secondary() on the stack of its idle task. SDM 3A §8.4, §9.9. */
#include <asm/processor.h>

#define TRAMPOLINE_BASE 0x8000
#define TR(x) ((x) - trampoline_start + TRAMPOLINE_BASE)

	.section .trampoline.text, "ax"
	.code16
	.globl trampoline_start
trampoline_start:
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	lgdtl tr_gdt_desc - trampoline_start
	movl %cr0, %eax
	orl $X86_CR0_PE, %eax
	movl %eax, %cr0
	ljmpl $0x18, $TR(tr_pm32)

	.code32
tr_pm32:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %cr4, %eax
	orl $X86_CR4_PAE, %eax
	movl %eax, %cr4
	movl TR(tr_cr3), %eax
	movl %eax, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl TR(tr_efer), %eax
	wrmsr
	movl %cr0, %eax
	orl $(X86_CR0_PG | X86_CR0_WP), %eax
	movl %eax, %cr0
	ljmpl $0x08, $TR(tr_lm64)

	.code64
tr_lm64:
	movq TR(tr_stack), %rsp
	movq TR(tr_entry), %rax
	xorl %ebp, %ebp
	jmp *%rax

	.balign 16
tr_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
	.quad 0x00cf9a000000ffff	/* 0x18: 32-bit code */
tr_gdt_desc:
	.word tr_gdt_desc - tr_gdt - 1
	.long TR(tr_gdt)

	.balign 8
	.globl trampoline_data
trampoline_data:
tr_cr3:	.long 0		/* filled by smpboot.c */
tr_efer: .long 0
tr_stack: .quad 0
tr_entry: .quad 0
	.globl trampoline_end
trampoline_end:
