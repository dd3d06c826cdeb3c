/* The out-of-memory killer (mm/oom_kill.c). */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

enum {
	OOM_RETRY,		/* another task was killed (or is dying): fault again */
	OOM_KILLED_CURRENT,	/* the faulting task itself was the biggest */
	OOM_NOTHING_TO_KILL,	/* only init and kernel threads hold memory */
};

/* A fault on user memory found no free page: kill the biggest process. */
int pagefault_out_of_memory(void);
/* Retried for a second and still no page: the faulting task goes. */
void oom_kill_current(void);
#endif
