/* Host stand-in for asm/percpu.h: one CPU, no GS segment. */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H
#include <linux/compiler.h>
#include <linux/types.h>
#define NR_CPUS 64
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define per_cpu_ptr(ptr, cpu) (ptr)
#define per_cpu(var, cpu) (var)
#define this_cpu_ptr(ptr) (ptr)
#define this_cpu_read(var) (var)
#define this_cpu_write(var, v) ((var) = (v))
extern int unit_preempt_count;
static inline int raw_smp_processor_id(void) { return 0; }
#define smp_processor_id() raw_smp_processor_id()
struct task_struct;
#define current ((struct task_struct *)0)
static inline int preempt_count(void) { return unit_preempt_count; }
static inline void __preempt_count_add(int v) { unit_preempt_count += v; }
#endif
