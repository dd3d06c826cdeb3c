/* The one 32-bit entry of the kernel (seed concept: boot).
 *
 * Two loaders reach us, both in 32-bit protected mode with paging off:
 *   - PVH (QEMU -kernel, via the Xen ELF note): EBX = physical address of
 *     struct hvm_start_info;
 *   - multiboot2 (GRUB): EAX = 0x36d76289, EBX = physical address of the
 *     multiboot2 information.
 * Both go to startup_32, which builds early page tables mapping the first
 * 4 GiB three times (identity, the direct map at PAGE_OFFSET, and the kernel
 * image at __START_KERNEL_map), enables PAE, long mode and NX, and jumps to
 * 64-bit code in the higher half, which calls start_kernel(proto, info).
 * The early tables are replaced by arch/x86/mm/init.c once memory is known.
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/bootinfo.h>

#define PHYS(x) ((x) - __START_KERNEL_map)
#define PTE_P 0x1
#define PTE_W 0x2
#define PTE_PS 0x80

	.section .head.text, "ax"
	.code32

/* multiboot2 header: must lie within the first 32 KiB, 8-byte aligned. */
	.balign 8
mb2_header:
	.long 0xe85250d6		/* magic */
	.long 0				/* architecture: i386 protected mode */
	.long mb2_header_end - mb2_header
	.long -(0xe85250d6 + (mb2_header_end - mb2_header))
	/* entry address tag: GRUB jumps here (physical) */
	.balign 8
	.word 3, 0
	.long 12
	.long PHYS(mb2_entry)
	/* end tag */
	.balign 8
	.word 0, 0
	.long 8
mb2_header_end:

	.globl mb2_entry_phys
	.set mb2_entry_phys, PHYS(mb2_entry)

	.globl mb2_entry
mb2_entry:
	cmpl $0x36d76289, %eax
	jne no_boot_protocol
	movl $BOOT_PROTO_MB2, %edi
	movl %ebx, %esi
	jmp startup_32

	.globl pvh_entry
pvh_entry:
	movl $BOOT_PROTO_PVH, %edi
	movl %ebx, %esi

startup_32:
	cli
	cld
	movl $PHYS(boot_stack_top), %esp
	movl %edi, PHYS(boot_proto)
	movl %esi, PHYS(boot_info_phys)

	/* Long mode is required. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb no_long_mode
	movl $0x80000001, %eax
	cpuid
	btl $29, %edx
	jnc no_long_mode
	movl %edx, %ebp			/* keep: bit 20 is NX */

	/* Early page tables: PD entries of 2 MiB pages for the first 4 GiB. */
	movl $PHYS(early_pd), %edi
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $(PTE_P | PTE_W | PTE_PS), %eax
	movl %eax, (%edi,%ecx,8)
	movl %ecx, %eax
	shrl $11, %eax			/* high bits of the physical address */
	movl %eax, 4(%edi,%ecx,8)
	incl %ecx
	cmpl $2048, %ecx
	jb 1b

	/* PDPT for low/direct: four entries, one per GiB. */
	movl $PHYS(early_pdpt_low), %edi
	movl $PHYS(early_pd), %eax
	orl $(PTE_P | PTE_W), %eax
	movl %eax, 0(%edi)
	addl $4096, %eax
	movl %eax, 8(%edi)
	addl $4096, %eax
	movl %eax, 16(%edi)
	addl $4096, %eax
	movl %eax, 24(%edi)

	/* PDPT for the kernel image: entry 510 = first GiB (and 511 = second). */
	movl $PHYS(early_pdpt_high), %edi
	movl $PHYS(early_pd), %eax
	orl $(PTE_P | PTE_W), %eax
	movl %eax, 510*8(%edi)
	addl $4096, %eax
	movl %eax, 511*8(%edi)

	/* PML4: 0 (identity, for the switch), 273 (PAGE_OFFSET), 511 (kernel). */
	movl $PHYS(early_pml4), %edi
	movl $PHYS(early_pdpt_low), %eax
	orl $(PTE_P | PTE_W), %eax
	movl %eax, 0(%edi)
	movl %eax, 273*8(%edi)
	movl $PHYS(early_pdpt_high), %eax
	orl $(PTE_P | PTE_W), %eax
	movl %eax, 511*8(%edi)

	/* PAE on, CR3, EFER.LME (+NX if present), then paging. */
	movl %cr4, %eax
	orl $X86_CR4_PAE, %eax
	movl %eax, %cr4
	movl $PHYS(early_pml4), %eax
	movl %eax, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_LME, %eax
	btl $20, %ebp
	jnc 2f
	orl $EFER_NX, %eax
2:	wrmsr
	movl %cr0, %eax
	orl $(X86_CR0_PG | X86_CR0_PE | X86_CR0_WP), %eax
	movl %eax, %cr0

	lgdt PHYS(early_gdt_desc)
	ljmp $0x08, $PHYS(startup_64_low)

no_long_mode:
no_boot_protocol:
	/* Nothing we can do in 32-bit mode but say so on COM1 and stop. */
	movl $PHYS(msg_no_lm), %esi
	movw $0x3f8, %dx
3:	lodsb
	testb %al, %al
	jz 4f
	outb %al, %dx
	jmp 3b
4:	hlt
	jmp 4b

	.code64
startup_64_low:
	movabsq $startup_64, %rax
	jmp *%rax

	.text
startup_64:
	/* Now running at the kernel's high address. */
	lgdt early_gdt_desc64(%rip)
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	movl boot_proto(%rip), %edi
	movl boot_info_phys(%rip), %esi
	call start_kernel
5:	cli
	hlt
	jmp 5b

	.section .rodata
msg_no_lm:
	.asciz "Lucid: this CPU has no long mode (x86-64) or the loader is unknown\r\n"

	.data
	.balign 16
early_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
early_gdt_end:
early_gdt_desc:
	.word early_gdt_end - early_gdt - 1
	.long PHYS(early_gdt)
	.long 0
early_gdt_desc64:
	.word early_gdt_end - early_gdt - 1
	.quad early_gdt

	.globl boot_proto, boot_info_phys
boot_proto:	.long 0
boot_info_phys:	.long 0

	.section .data..page_aligned, "aw"
	.balign 4096
	.globl early_pml4
early_pml4:	.fill 512, 8, 0
early_pdpt_low:	.fill 512, 8, 0
early_pdpt_high: .fill 512, 8, 0
early_pd:	.fill 512 * 4, 8, 0
	.globl boot_stack, boot_stack_top
boot_stack:	.fill 16384, 1, 0
boot_stack_top:

/* PVH entry point note (XEN_ELFNOTE_PHYS32_ENTRY = 18), read by QEMU. */
	.section .note.Xen, "a", @note
	.balign 4
	.long 4
	.long 4
	.long 18
	.asciz "Xen"
	.long PHYS(pvh_entry)
