/* A pseudo filesystem for inodes that have no name anywhere: the boot
 * console's anonymous file today, anonymous event files later. Its super
 * block exists only to give those inodes an i_sb (st_dev for fstat). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/anon_inodes.h>

#define ANON_INODE_FS_MAGIC 0x09041934	/* statfs f_type, as Linux */

static struct file_system_type anon_inode_fs_type = {
	.name = "anon_inodefs",
};
static struct super_block *anon_inode_sb;	/* set once at boot */

/* A new inode with the given type and mode, owned by the caller. */
struct inode *anon_inode_new(umode_t mode)
{
	if (!anon_inode_sb)
		return NULL;
	struct inode *inode = new_inode(anon_inode_sb);
	if (inode)
		inode_init_owner(inode, NULL, mode);
	return inode;
}

static int __init anon_inode_init(void)
{
	struct super_block *sb = sget_nodev(&anon_inode_fs_type, NULL, ANON_INODE_FS_MAGIC);
	if (IS_ERR(sb))
		return PTR_ERR(sb);
	anon_inode_sb = sb;
	return 0;
}
fs_initcall(anon_inode_init);
