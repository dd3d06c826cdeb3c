/* Signals: the kernel-side interface (kernel/signal.c). */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/asm/signal.h>

struct task_struct;
/* A synchronous fault in the current task (SIGSEGV, SIGBUS, SIGFPE...). */
void force_sig_fault(int sig, int code, void __user *addr);
#endif
