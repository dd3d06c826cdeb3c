/* Generic ioctl numbers of the Linux x86-64 ABI, in our own words; values
 * from the Linux UAPI <asm-generic/ioctls.h>. */
#ifndef _UAPI_ASM_IOCTLS_H
#define _UAPI_ASM_IOCTLS_H
#define FIONREAD 0x541B
#define FIONBIO  0x5421
#define FIONCLEX 0x5450
#define FIOCLEX  0x5451
#define FIOASYNC 0x5452
#endif
