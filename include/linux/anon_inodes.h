/* Inodes with no name in any directory (fs/anon_inodes.c). */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H
#include <linux/fs.h>
/* A new inode of the given type and mode on the anon_inodefs super block,
 * one reference owned by the caller; NULL if out of memory. */
struct inode *anon_inode_new(umode_t mode);
#endif
