/* What ACPI told us (arch/x86/kernel/acpi.c): CPUs, I/O APICs, interrupt
 * overrides, and the FADT's power-management registers. ACPI spec 6.x §5.2. */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H
#include <linux/types.h>
#include <asm/percpu.h>

#define MAX_IOAPICS 8
struct acpi_ioapic {
	u8 id;
	u32 addr;
	u32 gsi_base;
};
struct acpi_info {
	int nr_cpus;
	u8 cpu_apic_id[NR_CPUS];	/* logical CPU -> local APIC id */
	u32 lapic_addr;
	int nr_ioapics;
	struct acpi_ioapic ioapic[MAX_IOAPICS];
	u32 isa_gsi[16];		/* legacy IRQ -> GSI (identity unless overridden) */
	u16 isa_flags[16];		/* MPS INTI polarity/trigger flags */
	bool have_madt;
	/* FADT */
	u32 pm1a_cnt, pm1b_cnt;
	u16 slp_typa_s5, slp_typb_s5;
	bool have_s5;
	u8 reset_space;			/* 0: memory, 1: I/O */
	u64 reset_addr;
	u8 reset_value;
	bool have_reset;
	u32 smi_cmd;
	u8 acpi_enable;
	u32 pm1a_evt;
	u64 hpet_addr;			/* 0 if no HPET */
};
extern struct acpi_info acpi_info;
void acpi_boot_init(void);
#endif
