/* CPUs: how many, which are online, and cross-CPU function calls. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H
#include <linux/types.h>
#include <asm/percpu.h>

extern int nr_cpu_ids;			/* possible CPUs (from the MADT, maxcpus=, nosmp) */
extern unsigned long cpu_online_mask;	/* bit per CPU that is up */
extern unsigned long cpu_possible_mask;
#define cpu_online(cpu) ((READ_ONCE(cpu_online_mask) >> (cpu)) & 1)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) if (cpu_online(cpu))
int num_online_cpus(void);

typedef void (*smp_call_func_t)(void *info);
/* Run @func on every other online CPU; wait for all of them if @wait. */
void smp_call_function(smp_call_func_t func, void *info, bool wait);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, bool wait);
void on_each_cpu(smp_call_func_t func, void *info, bool wait);
void smp_send_reschedule(int cpu);
void smp_send_stop(void);
void smp_init(void);
#endif
