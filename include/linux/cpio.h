/* Reading cpio "newc" archives (the initramfs format): lib/cpio.c. */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H
#include <linux/types.h>

struct cpio_entry {
	const char *name;	/* not NUL-terminated in the archive: use name_len */
	size_t name_len;	/* without the NUL */
	u32 mode, uid, gid, nlink, mtime, ino;
	u32 rdev_major, rdev_minor;
	const void *data;
	size_t size;
};

/* Parse the entry at *pos; advance *pos. Returns 1 for an entry, 0 at the
 * trailer, -EINVAL for malformed input (never reads outside the archive). */
int cpio_next(const void *archive, size_t size, size_t *pos, struct cpio_entry *e);
/* Find @path ("/init", "bin/sh"), following symlinks inside the archive. */
int cpio_find(const void *archive, size_t size, const char *path, struct cpio_entry *e);
#endif
