/* Interrupt flag control. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H
#include <linux/types.h>
#define X86_EFLAGS_TF 0x100
#define X86_EFLAGS_IF 0x200
#define X86_EFLAGS_DF 0x400
#define X86_EFLAGS_AC 0x40000
static inline unsigned long native_save_fl(void)
{
	unsigned long f;
	__asm__ volatile("pushf; pop %0" : "=rm"(f) :: "memory");
	return f;
}
static inline void local_irq_disable(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void local_irq_enable(void) { __asm__ volatile("sti" ::: "memory"); }
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long f = native_save_fl();
	local_irq_disable();
	return f;
}
static inline void arch_local_irq_restore(unsigned long f)
{
	if (f & X86_EFLAGS_IF)
		local_irq_enable();
}
#define local_irq_save(f) do { (f) = arch_local_irq_save(); } while (0)
#define local_irq_restore(f) arch_local_irq_restore(f)
static inline bool irqs_disabled(void) { return !(native_save_fl() & X86_EFLAGS_IF); }
/* Enable interrupts and halt atomically (sti's one-instruction shadow). */
static inline void safe_halt(void) { __asm__ volatile("sti; hlt" ::: "memory"); }
#endif
