/* FPU/SSE/AVX state per task (seed concept: context switch: the CPU is
 * stateless, the kernel keeps each task's state). XSAVE saves every feature
 * enabled in XCR0 (x87, SSE, AVX) into a 64-byte-aligned area whose size
 * CPUID reports; CPUs without XSAVE use FXSAVE (512 bytes, x87 + SSE).
 * [LINUX-DIFF] Eager save/restore on every switch between user tasks, no
 * XSAVEOPT/init-state tracking. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <asm/fpu.h>
#include <asm/processor.h>

void fpu_save(void *area)
{
	if (X86_FEATURE_XSAVE()) {
		u64 mask = boot_cpu_data.xfeatures;
		__asm__ volatile("xsave64 (%0)" :: "r"(area), "a"((u32)mask), "d"((u32)(mask >> 32)) : "memory");
	} else {
		__asm__ volatile("fxsave64 (%0)" :: "r"(area) : "memory");
	}
}

void fpu_restore(void *area)
{
	if (X86_FEATURE_XSAVE()) {
		u64 mask = boot_cpu_data.xfeatures;
		__asm__ volatile("xrstor64 (%0)" :: "r"(area), "a"((u32)mask), "d"((u32)(mask >> 32)) : "memory");
	} else {
		__asm__ volatile("fxrstor64 (%0)" :: "r"(area) : "memory");
	}
}

int fpu_alloc(struct task_struct *t)
{
	if (t->thread.fpu_state)
		return 0;
	/* kmalloc of a power-of-two size >= 64 is 64-byte aligned. */
	t->thread.fpu_state = kzalloc(max(boot_cpu_data.xsave_size, 1024u), GFP_KERNEL);
	return t->thread.fpu_state ? 0 : -ENOMEM;
}

void fpu_free(struct task_struct *t)
{
	kfree(t->thread.fpu_state);
	t->thread.fpu_state = NULL;
}

/* @src is current: its live registers are the state to copy. */
int fpu_copy(struct task_struct *dst, struct task_struct *src)
{
	if (fpu_alloc(dst))
		return -ENOMEM;
	fpu_save(dst->thread.fpu_state);
	return 0;
}

void fpu_init_user_state(void)
{
	unsigned int mxcsr = 0x1f80;
	__asm__ volatile("fninit; ldmxcsr %0" :: "m"(mxcsr));
	if (X86_FEATURE_XSAVE() && (boot_cpu_data.xfeatures & 4))
		__asm__ volatile("vzeroall");
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm && prev->thread.fpu_state && !(prev->flags & PF_EXITING))
		fpu_save(prev->thread.fpu_state);
	if (next->mm && next->thread.fpu_state)
		fpu_restore(next->thread.fpu_state);
}
