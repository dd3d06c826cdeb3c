/* TEMPORARY scaffolding while the subsystems land in parallel: weak
 * placeholders for the stages start_kernel() calls. Each is overridden by the
 * real (strong) definition; this file is deleted once all have landed. */
#include <linux/kernel.h>
#include <linux/start_kernel.h>
#include <linux/smp.h>
#include <linux/reboot.h>
#include <asm/io.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <asm/processor.h>

struct cpuinfo_x86 boot_cpu_data;
int __weak nr_cpu_ids = 1;
unsigned long __weak cpu_online_mask = 1;
void __weak cpu_detect(void) {}
void __weak cpu_init_features(void) {}
void __weak trap_init(void) {}
void __weak setup_memory(void) {}
void __weak acpi_boot_init(void) {}
void __weak sched_init(void) {}
void __weak init_IRQ(void) {}
void __weak time_init(void) {}
void __weak smp_init(void) {}
void __weak smp_send_stop(void) {}

void __weak mdelay_early(unsigned long ms) {}
void __weak machine_restart(void) { for (;;) halt(); }
void __weak rest_init(void)
{
	pr_info("rest_init: nothing to run yet\n");
	qemu_debug_exit(QEMU_EXIT_SUCCESS);
	for (;;)
		halt();
}
void __weak qemu_debug_exit(int code) { outb(code, 0xf4); }
void __weak preempt_schedule(void) {}
unsigned long __weak __get_free_pages(gfp_t gfp, unsigned int order) { return 0; }
void __weak on_each_cpu(smp_call_func_t func, void *info, bool wait) { func(info); }
