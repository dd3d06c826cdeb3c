/* The local APIC, I/O APIC and legacy PIC (arch/x86/kernel/apic.c), and the
 * interrupt vectors Lucid uses. Intel SDM Vol. 3A ch. 11. */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H
#include <linux/types.h>

#define ISA_IRQ_VECTOR(irq) (0x20 + (irq))	/* legacy IRQ 0..15 */
#define FIRST_SYSTEM_VECTOR 0xec
#define LOCAL_TIMER_VECTOR 0xec
#define CALL_FUNCTION_VECTOR 0xfb
#define REBOOT_VECTOR 0xf8			/* smp_send_stop */
#define RESCHEDULE_VECTOR 0xfd
#define ERROR_APIC_VECTOR 0xfe
#define SPURIOUS_APIC_VECTOR 0xff

#define APIC_ID 0x20
#define APIC_LVR 0x30
#define APIC_TASKPRI 0x80
#define APIC_EOI 0xb0
#define APIC_SPIV 0xf0
#define APIC_ESR 0x280
#define APIC_ICR 0x300
#define APIC_ICR2 0x310
#define APIC_LVTT 0x320
#define APIC_LVT0 0x350
#define APIC_LVT1 0x360
#define APIC_LVTERR 0x370
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0
#define APIC_LVT_MASKED (1u << 16)
#define APIC_LVT_TIMER_PERIODIC (1u << 17)
#define APIC_ICR_BUSY (1u << 12)

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
void apic_eoi(void);
u32 read_apic_id(void);
void setup_local_APIC(void);
void apic_send_ipi(u32 apic_id, u32 vector);
void apic_send_ipi_allbutself(u32 vector);
void apic_send_init_sipi(u32 apic_id, u32 start_page);
void setup_apic_timer(void);		/* periodic at HZ on this CPU */
void calibrate_apic_timer(void);	/* once, on the boot CPU */
void ioapic_setup(void);
bool legacy_pic_mode(void);
void pic_eoi(unsigned int irq);
extern u32 cpu_apic_id[];		/* logical CPU -> APIC id */
#endif
