/* start_kernel(): the kernel's bring-up, stage by stage (seed concept: boot).
 *
 * head_64.S arrives here on the boot CPU with early page tables, a boot
 * stack, interrupts off and nothing else. Each stage below prints a line, so
 * the boot log reads as the order of bring-up. After the core stages the
 * initcall levels run (core .. late), then PID 1 is started from the
 * initramfs (/init, or rdinit=/init= on the command line). */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <asm/bootinfo.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/irqflags.h>

#define LUCID_RELEASE "6.1.0-lucid"

const char linux_banner[] = "Lucid version " LUCID_RELEASE " (x86_64) "
	__DATE__ " " __TIME__ "\n";

/* PID 1's program: rdinit= names it inside the initramfs (default /init),
 * init= names it on the root filesystem (used when rdinit fails). */
const char *ramdisk_execute_command = "/init";
const char *execute_command;

static int __init rdinit_setup(char *val)
{
	if (!val || !*val)
		return -EINVAL;
	ramdisk_execute_command = val;
	return 0;
}
__setup("rdinit", rdinit_setup);

static int __init init_setup(char *val)
{
	if (!val || !*val)
		return -EINVAL;
	execute_command = val;
	return 0;
}
__setup("init", init_setup);

static void stage(const char *name)
{
	pr_info("== %s\n", name);
}

extern initcall_t __initcall0_start[], __initcall1_start[], __initcall2_start[],
	__initcall3_start[], __initcall4_start[], __initcall5_start[],
	__initcall6_start[], __initcall7_start[], __initcall_end[];

static initcall_t *initcall_levels[] = {
	__initcall0_start, __initcall1_start, __initcall2_start, __initcall3_start,
	__initcall4_start, __initcall5_start, __initcall6_start, __initcall7_start,
	__initcall_end,
};
static const char *const initcall_level_names[] = {
	"pure", "core", "postcore", "arch", "subsys", "fs", "device", "late",
};

static void do_initcalls(void)
{
	for (int lvl = 0; lvl < 8; lvl++) {
		int n = (int)(initcall_levels[lvl + 1] - initcall_levels[lvl]);
		pr_info("== initcalls: %s (%d)\n", initcall_level_names[lvl], n);
		for (initcall_t *fn = initcall_levels[lvl]; fn < initcall_levels[lvl + 1]; fn++) {
			int ret = (*fn)();
			if (ret)
				pr_warn("initcall %pS returned %d\n", (void *)*fn, ret);
		}
	}
}

void start_kernel(u32 proto, u32 info_phys)
{
	/* Per-CPU data first: spinlocks and `current` read it through GS. */
	load_percpu_segment(0);
	serial8250_early_init();
	register_console(&early_serial_console);
	parse_boot_info(proto, info_phys);
	parse_early_param();
	printk(KERN_NOTICE "%s", linux_banner);
	pr_notice("Booted by %s; command line: %s\n", boot_info.loader, boot_command_line);

	stage("cpu: features and protections");
	cpu_detect();
	cpu_init_features();
	stage("traps: GDT, TSS, IDT");
	trap_init();
	stage("memory: e820 map, page tables, buddy and slab allocators");
	setup_memory();
	stage("acpi: tables and CPU topology");
	acpi_boot_init();
	setup_per_cpu_areas();
	stage("sched: run queues and the idle task");
	sched_init();
	stage("irq: local APIC, I/O APIC, vectors");
	init_IRQ();
	stage("time: clocksource, clock events, wall clock");
	time_init();
	parse_args();
	local_irq_enable();
	stage("smp: bringing up secondary CPUs");
	smp_init();
	do_initcalls();
	stage("init: starting PID 1");
	rest_init();
}
