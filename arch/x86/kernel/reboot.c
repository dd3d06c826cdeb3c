/* Power off and restart (used by panic, the test harness and the reboot
 * system call). Power-off is ACPI sleep state S5: write SLP_TYPa|SLP_EN to
 * PM1a_CNT (ACPI spec §4.8.3.2, §7.4.2). Restart tries the FADT reset
 * register, then the keyboard controller, then a triple fault. */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

void qemu_debug_exit(int code)
{
	outb(code, 0xf4);
}

static void acpi_enable_sci(void)
{
	if (!acpi_info.pm1a_cnt || (inw(acpi_info.pm1a_cnt) & 1))
		return;
	if (acpi_info.smi_cmd && acpi_info.acpi_enable) {
		outb(acpi_info.acpi_enable, acpi_info.smi_cmd);
		for (int i = 0; i < 300 && !(inw(acpi_info.pm1a_cnt) & 1); i++)
			mdelay(10);
	}
}

void machine_power_off(void)
{
	local_irq_disable();
	smp_send_stop();
	if (acpi_info.have_s5 && acpi_info.pm1a_cnt) {
		acpi_enable_sci();
		outw((acpi_info.slp_typa_s5 << 10) | (1 << 13), acpi_info.pm1a_cnt);
		if (acpi_info.pm1b_cnt)
			outw((acpi_info.slp_typb_s5 << 10) | (1 << 13), acpi_info.pm1b_cnt);
		mdelay(100);
	}
	pr_emerg("Power down failed: halting\n");
	machine_halt();
}

void machine_restart(void)
{
	local_irq_disable();
	smp_send_stop();
	if (acpi_info.have_reset) {
		if (acpi_info.reset_space == 1)
			outb(acpi_info.reset_value, (u16)acpi_info.reset_addr);
		mdelay(50);
	}
	for (int i = 0; i < 100 && (inb(0x64) & 0x02); i++)
		udelay(50);
	outb(0xfe, 0x64);	/* 8042: pulse the reset line */
	mdelay(50);
	/* Last resort: an empty IDT turns the next exception into a triple fault. */
	struct { u16 limit; u64 base; } __packed null_idt = { 0, 0 };
	__asm__ volatile("lidt %0; int3" :: "m"(null_idt));
	for (;;)
		halt();
}

void machine_halt(void)
{
	local_irq_disable();
	smp_send_stop();
	pr_emerg("System halted.\n");
	for (;;)
		halt();
}
