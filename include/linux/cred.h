/* Credentials (seed concept: security: uid/gid). [LINUX-DIFF] Embedded in
 * task_struct and copied at fork, not shared and reference-counted: there are
 * no threads yet, and only the task itself changes its credentials. */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H
#include <linux/types.h>

#define NGROUPS_MAX 65536
#define CRED_NGROUPS 32		/* [LINUX-DIFF] supplementary groups kept per task */

struct cred {
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	int ngroups;
	gid_t groups[CRED_NGROUPS];
};

#define current_cred() (&current->cred)
#define current_fsuid() (current->cred.fsuid)
#define current_fsgid() (current->cred.fsgid)
/* [LINUX-DIFF] No capability sets yet: effective uid 0 has them all. */
#define capable_setid() (current->cred.euid == 0)
bool in_group_p(gid_t gid);
#endif
