/* readv/writev's vector element, as in the Linux UAPI <linux/uio.h>. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H
#include <linux/types.h>
#include <linux/compiler.h>
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};
#define UIO_MAXIOV 1024
#endif
