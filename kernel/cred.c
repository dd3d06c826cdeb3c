/* The uid/gid system calls, with POSIX's rules (seed concept: security:
 * uid/gid). A process may set an id to any of its real, effective or saved
 * ids; only an effective uid of 0 may set arbitrary ones. The filesystem ids
 * follow the effective ids. -1 leaves an id unchanged. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define KEEP ((unsigned int)-1)

bool in_group_p(gid_t gid)
{
	const struct cred *c = current_cred();
	if (gid == c->fsgid)
		return true;
	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

/* May an unprivileged caller use @id? Only one of its own three ids. */
static bool own_id(unsigned int id, unsigned int r, unsigned int e, unsigned int s)
{
	return id == KEEP || id == r || id == e || id == s;
}

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	struct cred *c = &current->cred;
	if (!capable_setid() && !(own_id(ruid, c->uid, c->euid, c->suid) && own_id(euid, c->uid, c->euid, c->suid) &&
				  own_id(suid, c->uid, c->euid, c->suid)))
		return -EPERM;
	if (ruid != KEEP)
		c->uid = ruid;
	if (euid != KEEP)
		c->euid = euid;
	if (suid != KEEP)
		c->suid = suid;
	c->fsuid = c->euid;
	return 0;
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	struct cred *c = &current->cred;
	if (!capable_setid() && !(own_id(rgid, c->gid, c->egid, c->sgid) && own_id(egid, c->gid, c->egid, c->sgid) &&
				  own_id(sgid, c->gid, c->egid, c->sgid)))
		return -EPERM;
	if (rgid != KEEP)
		c->gid = rgid;
	if (egid != KEEP)
		c->egid = egid;
	if (sgid != KEEP)
		c->sgid = sgid;
	c->fsgid = c->egid;
	return 0;
}

/* setuid: root sets all three; others may set the effective id to the real
 * or saved one. */
long sys_setuid(uid_t uid)
{
	struct cred *c = &current->cred;
	if (uid == KEEP)
		return -EINVAL;
	if (capable_setid())
		return sys_setresuid(uid, uid, uid);
	if (uid != c->uid && uid != c->suid)
		return -EPERM;
	c->euid = c->fsuid = uid;
	return 0;
}

long sys_setgid(gid_t gid)
{
	struct cred *c = &current->cred;
	if (gid == KEEP)
		return -EINVAL;
	if (capable_setid())
		return sys_setresgid(gid, gid, gid);
	if (gid != c->gid && gid != c->sgid)
		return -EPERM;
	c->egid = c->fsgid = gid;
	return 0;
}

/* setreuid: the saved id becomes the new effective id when the real id is
 * set, or when the effective id is set to something other than the old real
 * id (POSIX/Linux rule). */
long sys_setreuid(uid_t ruid, uid_t euid)
{
	struct cred *c = &current->cred;
	uid_t old_ruid = c->uid;
	if (!capable_setid()) {
		if (ruid != KEEP && ruid != c->uid && ruid != c->euid)
			return -EPERM;
		if (euid != KEEP && euid != c->uid && euid != c->euid && euid != c->suid)
			return -EPERM;
	}
	if (ruid != KEEP)
		c->uid = ruid;
	if (euid != KEEP)
		c->euid = euid;
	if (ruid != KEEP || (euid != KEEP && euid != old_ruid))
		c->suid = c->euid;
	c->fsuid = c->euid;
	return 0;
}

long sys_setregid(gid_t rgid, gid_t egid)
{
	struct cred *c = &current->cred;
	gid_t old_rgid = c->gid;
	if (!capable_setid()) {
		if (rgid != KEEP && rgid != c->gid && rgid != c->egid)
			return -EPERM;
		if (egid != KEEP && egid != c->gid && egid != c->egid && egid != c->sgid)
			return -EPERM;
	}
	if (rgid != KEEP)
		c->gid = rgid;
	if (egid != KEEP)
		c->egid = egid;
	if (rgid != KEEP || (egid != KEEP && egid != old_rgid))
		c->sgid = c->egid;
	c->fsgid = c->egid;
	return 0;
}

long sys_getresuid(uid_t __user *r, uid_t __user *e, uid_t __user *s)
{
	const struct cred *c = current_cred();
	if (put_user(c->uid, r) || put_user(c->euid, e) || put_user(c->suid, s))
		return -EFAULT;
	return 0;
}

long sys_getresgid(gid_t __user *r, gid_t __user *e, gid_t __user *s)
{
	const struct cred *c = current_cred();
	if (put_user(c->gid, r) || put_user(c->egid, e) || put_user(c->sgid, s))
		return -EFAULT;
	return 0;
}

long sys_getgroups(int size, gid_t __user *list)
{
	const struct cred *c = current_cred();
	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return c->ngroups;
	if (size < c->ngroups)
		return -EINVAL;
	if (copy_to_user(list, c->groups, c->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return c->ngroups;
}

long sys_setgroups(int size, const gid_t __user *list)
{
	struct cred *c = &current->cred;
	gid_t groups[CRED_NGROUPS];
	if (!capable_setid())
		return -EPERM;
	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	if (size > CRED_NGROUPS)
		return -ENOMEM;	/* [LINUX-DIFF] at most CRED_NGROUPS groups */
	if (size && copy_from_user(groups, list, size * sizeof(gid_t)))
		return -EFAULT;
	for (int i = 0; i < size; i++)
		c->groups[i] = groups[i];
	c->ngroups = size;
	return 0;
}
