/* Descriptor tables: the per-CPU GDT and TSS, the shared IDT. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/segment.h>

/* The 64-bit TSS: only the stack pointers matter in long mode (SDM 3A §8.7). */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* kernel stack for entries from ring 3 */
	u64 sp1, sp2;
	u64 reserved2;
	u64 ist[7];		/* interrupt stack table: IST1..IST7 */
	u32 reserved3, reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MCE 3
#define IST_STACK_SIZE 8192

void cpu_init(int cpu);			/* load this CPU's GDT, TSS, IDT */
void update_task_stack(unsigned long sp0);	/* TSS.sp0 and pcpu_hot.top_of_stack */
#endif
