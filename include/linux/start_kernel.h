/* The stages start_kernel() calls, each owned by its subsystem. */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H
#include <linux/types.h>
void start_kernel(u32 proto, u32 info_phys);
void cpu_detect(void);			/* arch/x86/kernel/cpu.c */
void cpu_init_features(void);		/* arch/x86/kernel/cpu.c */
void trap_init(void);			/* arch/x86/kernel/traps.c */
void setup_memory(void);		/* arch/x86/mm/init.c: e820, memblock, paging, buddy, slab */
void acpi_boot_init(void);		/* arch/x86/kernel/acpi.c */
void sched_init(void);			/* kernel/sched/core.c */
void init_IRQ(void);			/* arch/x86/kernel/irq.c */
void time_init(void);			/* arch/x86/kernel/time.c */
__attribute__((noreturn)) void rest_init(void);	/* init/init_task.c: PID 1, idle loop */
#endif
