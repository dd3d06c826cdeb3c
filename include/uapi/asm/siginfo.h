/* siginfo_t, the 128-byte record a SA_SIGINFO handler receives (Linux's
 * asm-generic/siginfo.h layout on x86-64: the union starts at byte 16). */
#ifndef _UAPI_ASM_SIGINFO_H
#define _UAPI_ASM_SIGINFO_H
#include <linux/types.h>
#include <linux/compiler.h>

typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[28];	/* 128 bytes in all: the union is 8-aligned at byte 16 */
		struct {
			int pid;
			unsigned int uid;
		} _kill;
		struct {
			void __user *addr;
		} _sigfault;
		struct {
			int pid;
			unsigned int uid;
			int status;
			long utime, stime;
		} _sigchld;
	} _sifields;
} __attribute__((aligned(8))) siginfo_t;
#define si_pid _sifields._kill.pid
#define si_uid _sifields._kill.uid
#define si_addr _sifields._sigfault.addr
#define si_status _sifields._sigchld.status
#endif
