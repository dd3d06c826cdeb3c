/* Helpers shared inside fs/ only. */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H
#include <linux/fs.h>

/* fs/file_table.c: a new open file on path (its reference is taken over;
 * dropped on failure). */
struct file *do_dentry_open(struct path *path, unsigned int flags);
/* fs/open.c */
int may_open(struct inode *inode, unsigned int flags);
#endif
