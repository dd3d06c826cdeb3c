/* Per-CPU data through GS (seed concept: per-CPU data, `current`).
 *
 * Every per-CPU variable lives in the .data..percpu section. CPU 0 uses the
 * section where the linker put it; each other CPU gets a copy made by
 * setup_per_cpu_areas(), and __per_cpu_offset[cpu] is the distance from the
 * original to that CPU's copy. GS_BASE of each CPU points at its own copy of
 * struct pcpu_hot, which holds the few fields the entry code and `current`
 * need in one instruction. Per-CPU state is initialised per CPU by its owner
 * (for_each_possible_cpu), never inherited from CPU 0's copy. */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#define PCPU_SELF 0
#define PCPU_THIS_CPU_OFF 8
#define PCPU_CURRENT 16
#define PCPU_TOP_OF_STACK 24	/* kernel stack top of current: syscall entry loads RSP from here */
#define PCPU_USER_RSP 32	/* scratch for the user RSP during syscall entry */
#define PCPU_CPU_NUMBER 40
#define PCPU_PREEMPT_COUNT 44

#ifndef __ASSEMBLY__
#include <linux/compiler.h>
#include <linux/types.h>

#define NR_CPUS 64

struct task_struct;
struct pcpu_hot {
	struct pcpu_hot *self;
	unsigned long this_cpu_off;
	struct task_struct *current_task;
	unsigned long top_of_stack;
	unsigned long user_rsp;
	int cpu_number;
	int preempt_count;
	u64 irq_count;		/* interrupts taken on this CPU */
};

#define DEFINE_PER_CPU(type, name) __section(".data..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];
extern char __per_cpu_start[], __per_cpu_end[];
DECLARE_PER_CPU(struct pcpu_hot, pcpu_hot);

static __always_inline unsigned long __this_cpu_off(void)
{
	unsigned long off;
	__asm__ volatile("movq %%gs:" __stringify(PCPU_THIS_CPU_OFF) ", %0" : "=r"(off));
	return off;
}

#define per_cpu_ptr(ptr, cpu) ((__typeof__(ptr))((char *)(ptr) + __per_cpu_offset[cpu]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
/* The caller must not migrate meanwhile: preemption or interrupts disabled. */
#define this_cpu_ptr(ptr) ((__typeof__(ptr))((char *)(ptr) + __this_cpu_off()))
#define this_cpu_read(var) (*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v) (*this_cpu_ptr(&(var)) = (v))
/* Single-instruction per-CPU increment: safe against preemption and interrupts. */

static __always_inline int raw_smp_processor_id(void)
{
	int cpu;
	__asm__ volatile("movl %%gs:" __stringify(PCPU_CPU_NUMBER) ", %0" : "=r"(cpu));
	return cpu;
}
#define smp_processor_id() raw_smp_processor_id()

static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *t;
	__asm__ volatile("movq %%gs:" __stringify(PCPU_CURRENT) ", %0" : "=r"(t));
	return t;
}
#define current get_current()

static __always_inline int preempt_count(void)
{
	int c;
	__asm__ volatile("movl %%gs:" __stringify(PCPU_PREEMPT_COUNT) ", %0" : "=r"(c));
	return c;
}
static __always_inline void __preempt_count_add(int v)
{
	__asm__ volatile("addl %0, %%gs:" __stringify(PCPU_PREEMPT_COUNT) :: "ri"(v) : "memory");
}

void setup_per_cpu_areas(void);
/* Point this CPU's GS_BASE at its pcpu_hot and fill in the fixed fields. */
void load_percpu_segment(int cpu);
#endif
#endif
