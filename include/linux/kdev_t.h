/* Device numbers inside the kernel: 12 bits of major, 20 of minor, as
 * Linux's kdev_t (the user-visible encoding of struct stat differs and is
 * converted by new_encode_dev in fs/stat.c). */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) ((dev_t)(((ma) << MINORBITS) | (mi)))
#endif
