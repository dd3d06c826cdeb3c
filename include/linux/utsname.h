/* The system's names (uname(2)), for the kernel's own readers: /proc/version
 * and /proc/sys/kernel/{ostype,osrelease,version,hostname,domainname}.
 * Implementation: kernel/sys.c (uts_lock). */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H
#include <linux/types.h>

#define __NEW_UTS_LEN 64

enum uts_field {
	UTS_SYSNAME,
	UTS_NODENAME,
	UTS_RELEASE,
	UTS_VERSION,
	UTS_MACHINE,
	UTS_DOMAINNAME,
};

/* Copy one field (NUL-terminated, at most size bytes). */
void uts_get_field(enum uts_field which, char *buf, size_t size);
/* Set hostname or domainname from len bytes (no NUL needed): 0, or
 * -EINVAL when too long or another field. The caller checks privilege. */
int uts_set_field(enum uts_field which, const char *buf, size_t len);
#endif
