/* Mounts: one filesystem instance (super_block) attached at a directory of
 * another mount. Seed concept: "VFS objects" (the mount table). Design and
 * the walk across mounts: Documentation/vfs.md. Implementation:
 * fs/namespace.c.
 *
 * [LINUX-DIFF] Linux splits this into struct vfsmount (public) and struct
 * mount (the tree links); we keep one structure, and one mount namespace. */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>

struct dentry;
struct super_block;
struct path;
struct file_system_type;

/* Per-mount flags (Linux's MNT_* internal values). */
#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40

/* Fields marked [m] are protected by mount_lock (fs/namespace.c); the rest
 * are fixed once the mount is made. A mount is freed when mnt_count drops
 * to zero: being attached to the tree holds one reference, and so does
 * every struct path that names it (path_get/path_put). */
struct vfsmount {
	struct dentry *mnt_root;	/* root of the mounted tree (a reference) */
	struct super_block *mnt_sb;	/* holds one s_active */
	int mnt_flags;			/* [m] MNT_* */
	struct vfsmount *mnt_parent;	/* [m] mount we are on; self for the root */
	struct dentry *mnt_mountpoint;	/* [m] dentry in mnt_parent we cover (a reference) */
	struct list_head mnt_list;	/* [m] in the mount list, mount order */
	atomic_t mnt_count;		/* references: the tree's and every path's */
	bool mnt_attached;		/* [m] in the tree (false after umount) */
	char *mnt_devname;		/* "none", "tmpfs", ... as given to mount */
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);

/* A new mount of fs type `type` that is attached nowhere (the boot root,
 * devtmpfs' internal mount). */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *devname, void *data);

/* The mount on top of (path->mnt, path->dentry), with a reference, or NULL. */
struct vfsmount *lookup_mnt(const struct path *path);

/* The walk across mounts (fs/namei.c): follow_up moves path from the root
 * of its mount to the dentry it covers (false at the root of the tree);
 * follow_mount goes down through every mount on path. Both keep path's
 * references balanced. */
bool follow_up(struct path *path);
void follow_mount(struct path *path);
/* init_rootfs: attach the root mount (its own parent) to the mount list. */
void mnt_init_root(struct vfsmount *mnt);

/* mount(2) and umount2(2) for kernel callers: names are kernel strings,
 * flags are MS_* / MNT_DETACH. Return 0 or -errno. */
int do_mount(const char *dev_name, const char *dir_name, const char *type,
	     unsigned long flags, void *data);
int do_umount_path(const char *dir_name, int flags);
/* Boot-time mount: mkdir the directory (mode 0755) if it is missing. */
int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data);

/* Walk the mount list for /proc/mounts: show is called for every attached
 * mount, in mount order, with the device name, the mount point as a path
 * from the root, the fs type name and an option string ("rw,nosuid...").
 * show runs without locks held and may sleep; returning nonzero stops the
 * walk and is returned. */
int iterate_mounts(int (*show)(void *arg, const char *dev, const char *dir,
			       const char *type, const char *opts), void *arg);
#endif
