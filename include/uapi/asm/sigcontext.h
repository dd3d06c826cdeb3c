/* The x86-64 signal frame's contents as user space sees them: sigcontext,
 * ucontext, stack_t and the extended FPU frame markers. Layouts are Linux's
 * (asm/sigcontext.h, asm/ucontext.h, asm-generic/signal.h). */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H
#include <linux/types.h>
#include <linux/compiler.h>

/* In bytes 464..511 of the FXSAVE image: marks an XSAVE frame. */
#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U	/* the last 4 bytes of the extended area */
struct _fpx_sw_bytes {
	u32 magic1;
	u32 extended_size;	/* XSAVE image + the 4 bytes of MAGIC2 */
	u64 xfeatures;
	u32 xstate_size;	/* XSAVE image */
	u32 padding[7];
};

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	u64 eflags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* user address of the FXSAVE/XSAVE image, 0 if none */
	u64 reserved1[8];
};

typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)	/* disable the alternate stack while a handler runs on it */

#define UC_FP_XSTATE 0x1
#define UC_SIGCONTEXT_SS 0x2
#define UC_STRICT_RESTORE_SS 0x4
struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;		/* sigset_t: 64 signals */
};
#endif
