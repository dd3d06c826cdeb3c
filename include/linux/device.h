/* The device model, as far as it exists: devtmpfs nodes for built-in
 * drivers (drivers/base/devtmpfs.c). [LINUX-DIFF] no struct device, bus or
 * class yet: a driver creates its /dev node directly. */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H
#include <linux/types.h>
#include <linux/fs.h>

/* Make /dev/<name> (a flat name) in devtmpfs: mode is S_IFCHR | permission
 * bits. 0, -EEXIST, or another -errno. May sleep. */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
/* Mount devtmpfs on /dev (made if missing): kernel_init, before /init. */
int devtmpfs_mount(void);
#endif
