/* panic(): a broken kernel invariant. Print why, where, and stop or reboot.
 * panic=N reboots after N seconds, panic=0 (the default) halts; under the
 * test harness (isa-debug-exit present) QEMU exits with a failure status. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/printk_ringbuffer.h>
#include <linux/reboot.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/page.h>

static int panic_timeout;
static int panic_cpu = -1;

static int __init panic_setup(char *val)
{
	return val ? kstrtoint(val, 10, &panic_timeout) : -EINVAL;
}
early_param("panic", panic_setup);

/* Walk the frame-pointer chain from @rbp (the kernel is built with frame pointers). */
void show_stack_from(unsigned long rbp, unsigned long rip)
{
	printk(KERN_EMERG "Call Trace:\n");
	if (rip)
		printk(KERN_EMERG " [<%016lx>] %pS\n", rip, (void *)rip);
	for (int depth = 0; depth < 32 && rbp; depth++) {
		/* Only follow frames that lie in kernel memory and are aligned. */
		if (rbp < PAGE_OFFSET_BASE || (rbp & 7))
			break;
		unsigned long ret = ((unsigned long *)rbp)[1];
		if (ret < (unsigned long)_text || ret >= (unsigned long)_etext)
			break;
		printk(KERN_EMERG " [<%016lx>] %pB\n", ret, (void *)ret);
		rbp = ((unsigned long *)rbp)[0];
	}
}

void dump_stack(void)
{
	show_stack_from((unsigned long)__builtin_frame_address(0), 0);
}

void panic(const char *fmt, ...)
{
	static char buf[512];
	va_list ap;
	int cpu;

	local_irq_disable();
	cpu = smp_processor_id();
	if (__atomic_exchange_n(&panic_cpu, cpu, __ATOMIC_SEQ_CST) != -1 && panic_cpu != cpu)
		for (;;)
			halt();	/* another CPU is already panicking */
	printk_enter_panic();
	smp_send_stop();
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	printk(KERN_EMERG "CPU: %d\n", cpu);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	qemu_debug_exit(QEMU_EXIT_FAILURE);
	if (panic_timeout > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
		mdelay_early(panic_timeout * 1000);
		machine_restart();
	}
	for (;;)
		halt();
}
