/* GDT layout: Linux's, because SYSCALL/SYSRET derive CS/SS from MSR_STAR and
 * need kernel CS, kernel DS and user CS32, user DS, user CS in this order. */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H
#define GDT_ENTRY_KERNEL32_CS 1
#define GDT_ENTRY_KERNEL_CS 2
#define GDT_ENTRY_KERNEL_DS 3
#define GDT_ENTRY_USER32_CS 4
#define GDT_ENTRY_USER_DS 5
#define GDT_ENTRY_USER_CS 6
#define GDT_ENTRY_TSS 8		/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES 16
#define __KERNEL32_CS 0x08
#define __KERNEL_CS 0x10
#define __KERNEL_DS 0x18
#define __USER32_CS 0x23
#define __USER_DS 0x2b
#define __USER_CS 0x33
#define __TSS_SEL 0x40
#endif
