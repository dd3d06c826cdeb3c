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

void __weak cpu_detect(void) {}
void __weak cpu_init_features(void) {}
void __weak trap_init(void) {}
void __weak setup_memory(void) {}
void __weak sched_init(void) {}

void __weak preempt_schedule(void) {}
unsigned long __weak __get_free_pages(gfp_t gfp, unsigned int order) { return 0; }
#include <linux/sched.h>
#include <linux/signal.h>
void __weak force_sig_fault(int sig, int code, void __user *addr)
{
	pr_err("%s[%d]: fatal signal %d at %p (no signal support yet)\n", current->comm, current->pid, sig, addr);
	do_exit(sig);
}
