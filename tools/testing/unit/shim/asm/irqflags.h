/* Host stand-in: no interrupts to disable. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H
#define X86_EFLAGS_IF 0x200
static inline void local_irq_disable(void) {}
static inline void local_irq_enable(void) {}
#define local_irq_save(f) do { (f) = X86_EFLAGS_IF; } while (0)
#define local_irq_restore(f) do { (void)(f); } while (0)
static inline int irqs_disabled(void) { return 0; }
#endif
