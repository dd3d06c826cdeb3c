/* Interrupt controllers (seed concept: interrupts and IRQ routing).
 *
 * Each CPU has a local APIC: it receives interrupts, runs the per-CPU timer
 * and sends IPIs. Device interrupts (the ISA IRQs: PIT, keyboard, serial...)
 * arrive at the I/O APIC, which routes each to a vector on a CPU. The legacy
 * 8259 PICs are remapped and masked, and used only if there is no I/O APIC
 * (or with "noapic"): then they reach the boot CPU through LINT0 as ExtINT.
 * Intel SDM Vol. 3A ch. 11; the I/O APIC datasheet (82093AA). */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/acpi.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/processor.h>

static volatile u32 *lapic;
u32 cpu_apic_id[NR_CPUS];
static bool pic_mode;		/* ISA IRQs through the 8259s; set before SMP, then read-only */
static bool noapic;		/* "noapic": leave the I/O APIC unused, as Linux's parameter */

static int __init noapic_setup(char *val)
{
	noapic = true;
	return 0;
}
early_param("noapic", noapic_setup);

u32 apic_read(u32 reg) { return lapic[reg / 4]; }
void apic_write(u32 reg, u32 val) { lapic[reg / 4] = val; }
void apic_eoi(void) { apic_write(APIC_EOI, 0); }
u32 read_apic_id(void) { return apic_read(APIC_ID) >> 24; }
bool legacy_pic_mode(void) { return pic_mode; }

/* The 8259 pair: remap to vectors 0x20-0x2f (so stray IRQs are not mistaken
 * for exceptions) and mask everything. */
static void init_8259(bool mask_all)
{
	outb(0x11, 0x20); outb(0x11, 0xa0);		/* ICW1: init, ICW4 follows */
	outb(0x20, 0x21); outb(0x28, 0xa1);		/* ICW2: vector bases */
	outb(0x04, 0x21); outb(0x02, 0xa1);		/* ICW3: cascade on IRQ2 */
	outb(0x01, 0x21); outb(0x01, 0xa1);		/* ICW4: 8086 mode */
	outb(mask_all ? 0xff : 0xfb, 0x21);		/* keep IRQ2 (cascade) open in PIC mode */
	outb(0xff, 0xa1);
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(0x20, 0xa0);
	outb(0x20, 0x20);
}

static void pic_unmask(unsigned int irq)
{
	u16 port = irq < 8 ? 0x21 : 0xa1;
	outb(inb(port) & ~(1 << (irq & 7)), port);
	if (irq >= 8)
		outb(inb(0x21) & ~(1 << 2), 0x21);
}

void setup_local_APIC(void)
{
	if (!lapic) {
		lapic = ioremap(acpi_info.lapic_addr, 4096);
		if (!lapic)
			panic("cannot map the local APIC");
	}
	/* Make sure the APIC is globally enabled (it is after reset). */
	wrmsr(MSR_IA32_APICBASE, rdmsr(MSR_IA32_APICBASE) | (1UL << 11));
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	/* LINT0 is where the 8259's INTR line arrives: masked here; in PIC mode
	 * ioapic_setup() opens it on the boot CPU. LINT1: NMI. */
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, 4u << 8);
	apic_write(APIC_SPIV, SPURIOUS_APIC_VECTOR | (1u << 8));	/* software enable */
	apic_eoi();
}

static void wait_icr_idle(void)
{
	for (int i = 0; i < 1000000 && (apic_read(APIC_ICR) & APIC_ICR_BUSY); i++)
		cpu_relax();
}

void apic_send_ipi(u32 apic_id, u32 vector)
{
	unsigned long flags;
	local_irq_save(flags);
	wait_icr_idle();
	apic_write(APIC_ICR2, apic_id << 24);
	apic_write(APIC_ICR, vector | (1u << 14));	/* fixed, assert */
	local_irq_restore(flags);
}

void apic_send_ipi_allbutself(u32 vector)
{
	unsigned long flags;
	local_irq_save(flags);
	wait_icr_idle();
	apic_write(APIC_ICR, vector | (1u << 14) | (3u << 18));	/* shorthand: all excluding self */
	local_irq_restore(flags);
}

/* INIT, then two STARTUPs pointing at the trampoline page (SDM 3A §8.4.4.1). */
void apic_send_init_sipi(u32 apic_id, u32 start_page)
{
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ICR2, apic_id << 24);
	apic_write(APIC_ICR, (5u << 8) | (1u << 14) | (1u << 15));	/* INIT, level, assert */
	wait_icr_idle();
	apic_write(APIC_ICR2, apic_id << 24);
	apic_write(APIC_ICR, (5u << 8) | (1u << 15));			/* INIT de-assert */
	wait_icr_idle();
	mdelay(10);
	for (int i = 0; i < 2; i++) {
		apic_write(APIC_ICR2, apic_id << 24);
		apic_write(APIC_ICR, (6u << 8) | start_page);		/* STARTUP */
		udelay(300);
		wait_icr_idle();
	}
}

/* I/O APIC registers are reached through an index/data window. */
static u32 ioapic_read(volatile u32 *io, u32 reg)
{
	io[0] = reg;
	return io[4];
}

static void ioapic_write(volatile u32 *io, u32 reg, u32 val)
{
	io[0] = reg;
	io[4] = val;
}

static volatile u32 *ioapic_base[MAX_IOAPICS];

/* Route ISA IRQ @irq to ISA_IRQ_VECTOR(irq) on the boot CPU, masked until requested. */
static void ioapic_route_isa(unsigned int irq, bool masked)
{
	u32 gsi = acpi_info.isa_gsi[irq];
	u16 fl = acpi_info.isa_flags[irq];
	for (int i = 0; i < acpi_info.nr_ioapics; i++) {
		struct acpi_ioapic *a = &acpi_info.ioapic[i];
		u32 max = (ioapic_read(ioapic_base[i], 1) >> 16) & 0xff;
		if (gsi < a->gsi_base || gsi > a->gsi_base + max)
			continue;
		u32 pin = gsi - a->gsi_base;
		u32 lo = ISA_IRQ_VECTOR(irq);
		if ((fl & 3) == 3)
			lo |= 1u << 13;		/* active low */
		if (((fl >> 2) & 3) == 3)
			lo |= 1u << 15;		/* level triggered */
		if (masked)
			lo |= 1u << 16;
		ioapic_write(ioapic_base[i], 0x10 + 2 * pin + 1, cpu_apic_id[0] << 24);
		ioapic_write(ioapic_base[i], 0x10 + 2 * pin, lo);
		return;
	}
}

void ioapic_setup(void)
{
	if (!acpi_info.nr_ioapics || noapic) {
		pic_mode = true;
		init_8259(false);
		/* The boot CPU takes the PIC's INTR on LINT0 as ExtINT: the PIC
		 * supplies the vector, and the EOI goes to the PIC, not the APIC. */
		apic_write(APIC_LVT0, 7u << 8);
		pr_info("IOAPIC: %s; using the 8259 PIC\n", noapic ? "disabled by noapic" : "none");
		return;
	}
	init_8259(true);
	for (int i = 0; i < acpi_info.nr_ioapics; i++) {
		ioapic_base[i] = ioremap(acpi_info.ioapic[i].addr, 4096);
		if (!ioapic_base[i])
			panic("cannot map the I/O APIC");
		u32 max = (ioapic_read(ioapic_base[i], 1) >> 16) & 0xff;
		for (u32 pin = 0; pin <= max; pin++)
			ioapic_write(ioapic_base[i], 0x10 + 2 * pin, 1u << 16);	/* mask all */
		pr_info("IOAPIC[%d]: apic_id %u, address %#x, GSI %u-%u\n", i, acpi_info.ioapic[i].id,
			acpi_info.ioapic[i].addr, acpi_info.ioapic[i].gsi_base, acpi_info.ioapic[i].gsi_base + max);
	}
	for (unsigned int irq = 0; irq < 16; irq++)
		if (irq != 2)
			ioapic_route_isa(irq, true);
}

/* Let ISA IRQ @irq through (called by request_irq). */
void irq_unmask(unsigned int irq)
{
	if (pic_mode)
		pic_unmask(irq);
	else
		ioapic_route_isa(irq, false);
}

void irq_mask(unsigned int irq)
{
	if (!pic_mode)
		ioapic_route_isa(irq, true);
}
