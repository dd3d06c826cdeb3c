/* Kernel errno: the UAPI values plus the kernel-internal restart codes that
 * never reach user space (the signal code turns them into EINTR or a restart). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H
#include <uapi/linux/errno.h>
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define ENOTSUPP 524
#endif
