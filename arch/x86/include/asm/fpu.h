/* Per-task FPU/SSE/AVX register state (arch/x86/kernel/fpu.c). The kernel
 * itself never uses these registers (-mgeneral-regs-only), so a user task's
 * state only has to be saved when another user task is switched in. */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H
struct task_struct;
int fpu_alloc(struct task_struct *t);		/* area for a user task; -ENOMEM */
void fpu_free(struct task_struct *t);
int fpu_copy(struct task_struct *dst, struct task_struct *src);	/* fork: dst gets src's live state */
void fpu_init_user_state(void);			/* exec: a clean FPU in this CPU */
void fpu_switch(struct task_struct *prev, struct task_struct *next);
/* Save the live registers to / load them from a 64-byte-aligned image of
 * boot_cpu_data.xsave_size bytes (the signal frame code uses these). */
void fpu_save(void *area);
void fpu_restore(void *area);
#endif
