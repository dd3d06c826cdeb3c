/* lseek(2) whence values of the Linux ABI; values from the Linux UAPI
 * <linux/fs.h>. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H
#define SEEK_SET  0
#define SEEK_CUR  1
#define SEEK_END  2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX  SEEK_HOLE
#endif
