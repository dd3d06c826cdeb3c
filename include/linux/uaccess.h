/* Touching user memory (arch/x86/lib/usercopy.S). Every user pointer is
 * checked against the user half (access_ok) and copied with fault fixups: a
 * bad pointer yields -EFAULT (or a short copy), never a kernel crash.
 * These may sleep (a user page may need to be faulted in). */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <asm/page.h>

extern bool smap_enabled;
unsigned long __copy_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);
long __strncpy_from_user(char *to, const char __user *from, long n);
long __strnlen_user(const char __user *s, long n);

/* The whole range lies in user space and does not wrap. */
static inline bool access_ok(const void __user *p, unsigned long n)
{
	unsigned long a = (unsigned long)p;
	return a <= TASK_SIZE_MAX && n <= TASK_SIZE_MAX - a;
}

/* Both return the number of bytes that could NOT be copied. */
static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return __copy_user(to, (const void *)from, n);
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user((void *)to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user(to, n);
}

/* Size of the user string INCLUDING its NUL (as Linux): 1..n; more than n
 * if no NUL lies within n bytes; 0 for a bad pointer. */
static inline long strnlen_user(const char __user *s, long n)
{
	if (n <= 0 || !access_ok(s, 1))
		return 0;
	unsigned long room = TASK_SIZE_MAX - (unsigned long)s;
	if ((unsigned long)n <= room)
		return __strnlen_user(s, n);
	/* The string would run past the user half: a NUL must come first. */
	long len = __strnlen_user(s, (long)room);
	return len > (long)room ? 0 : len;
}

/* Length of the copied string (n if it did not end within n), or -EFAULT. */
static inline long strncpy_from_user(char *to, const char __user *from, long n)
{
	if (n <= 0)
		return 0;
	if (!access_ok(from, 1))
		return -EFAULT;
	unsigned long room = TASK_SIZE_MAX - (unsigned long)from;
	if ((unsigned long)n > room)
		n = (long)room;
	return __strncpy_from_user(to, from, n);
}

/* 0 or -EFAULT. The value travels through an unqualified buffer so @ptr may
 * point to const. */
#define get_user(x, ptr) ({ \
	unsigned long __gu_buf[(sizeof(*(ptr)) + 7) / 8]; \
	int __gu_err = copy_from_user(__gu_buf, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	if (!__gu_err) \
		(x) = *(__typeof__(*(ptr)) *)__gu_buf; \
	__gu_err; })
#define put_user(x, ptr) ({ __typeof__(*(ptr)) __v = (x); \
	copy_to_user((ptr), &__v, sizeof(__v)) ? -EFAULT : 0; })
#endif
