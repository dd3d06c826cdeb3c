/* Power off, restart, and the test harness's exit door. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H
#include <linux/compiler.h>

__noreturn void machine_power_off(void);	/* ACPI S5, then halt */
__noreturn void machine_restart(void);		/* ACPI reset register, 8042, triple fault */
__noreturn void machine_halt(void);

/* QEMU's isa-debug-exit device at port 0xf4 (present only under the test
 * harness): QEMU exits with status (code << 1) | 1. Harmless without it. */
#define QEMU_EXIT_SUCCESS 0x10	/* QEMU exit status 33 */
#define QEMU_EXIT_FAILURE 0x11	/* QEMU exit status 35 */
void qemu_debug_exit(int code);

/* Busy-wait usable before and after timers exist (TSC once calibrated). */
void mdelay_early(unsigned long ms);
#endif
