/* Small helpers built on kmalloc. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t n = strnlen(s, max);
	char *d = kmalloc(n + 1, gfp);
	if (d) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kstrndup(s, ULONG_MAX, gfp) : NULL;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);
	if (p)
		memcpy(p, src, len);
	return p;
}
