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

/* preadv2/pwritev2 flags */
#define RWF_HIPRI  0x00000001
#define RWF_DSYNC  0x00000002
#define RWF_SYNC   0x00000004
#define RWF_NOWAIT 0x00000008
#define RWF_APPEND 0x00000010

/* close_range flags (Linux UAPI <linux/close_range.h>) */
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
