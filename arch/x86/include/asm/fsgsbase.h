/* The user's FS and GS base registers (TLS). With CR4.FSGSBASE on, user
 * code can change them itself (wrfsbase/wrgsbase), so the copies in
 * task->thread are current only after save_fsgs(); the CPU holds the live
 * values. In the kernel, the user's GS base sits in MSR_KERNEL_GS_BASE
 * (swapgs put it there). arch/x86/kernel/process_64.c. */
#ifndef _ASM_X86_FSGSBASE_H
#define _ASM_X86_FSGSBASE_H
struct task_struct;
/* Copy the live FS/GS bases of the current task into @t->thread (t == current). */
void save_fsgs(struct task_struct *t);
#endif
