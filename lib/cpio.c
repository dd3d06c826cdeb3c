/* cpio newc parser (seed concept: boot -> initramfs). Each entry is a
 * 110-byte ASCII header ("070701" and thirteen 8-digit hex fields), the name
 * with its NUL, padding to 4 bytes, the data, padding to 4 bytes. The last
 * entry is named "TRAILER!!!". All sizes are checked against the archive. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/cpio.h>

#define HDR_LEN 110

static int hex8(const char *s, u32 *out)
{
	u32 v = 0;
	for (int i = 0; i < 8; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -EINVAL;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

int cpio_next(const void *archive, size_t size, size_t *pos, struct cpio_entry *e)
{
	const char *a = archive;
	size_t p = *pos;
	u32 f[13];
	if (p > size || size - p < HDR_LEN || memcmp(a + p, "070701", 6))
		return -EINVAL;
	for (int i = 0; i < 13; i++)
		if (hex8(a + p + 6 + 8 * i, &f[i]))
			return -EINVAL;
	u32 namesize = f[11], filesize = f[6];
	if (namesize == 0 || namesize > 4096)
		return -EINVAL;
	size_t name_off = p + HDR_LEN;
	if (size - name_off < namesize || a[name_off + namesize - 1] != 0)
		return -EINVAL;
	size_t data_off = ALIGN(name_off + namesize, 4);
	if (data_off > size || size - data_off < filesize)
		return -EINVAL;
	e->ino = f[0];
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->nlink = f[4];
	e->mtime = f[5];
	e->rdev_major = f[9];
	e->rdev_minor = f[10];
	e->name = a + name_off;
	e->name_len = namesize - 1;
	e->data = a + data_off;
	e->size = filesize;
	*pos = ALIGN(data_off + filesize, 4);
	if (e->name_len == 10 && !memcmp(e->name, "TRAILER!!!", 10))
		return 0;
	return 1;
}

/* Compare an archive name ("./bin/sh", "bin/sh") with a path ("/bin/sh"). */
static bool name_matches(const struct cpio_entry *e, const char *path)
{
	const char *n = e->name;
	size_t len = e->name_len;
	while (len >= 2 && n[0] == '.' && n[1] == '/') {
		n += 2;
		len -= 2;
	}
	while (len && *n == '/') {
		n++;
		len--;
	}
	while (*path == '/')
		path++;
	return strlen(path) == len && !memcmp(n, path, len);
}

#define S_IFMT 0170000
#define S_IFLNK 0120000

int cpio_find(const void *archive, size_t size, const char *path, struct cpio_entry *e)
{
	char cur[256];
	strlcpy(cur, path, sizeof(cur));
	for (int depth = 0; depth < 8; depth++) {
		size_t pos = 0;
		int r;
		while ((r = cpio_next(archive, size, &pos, e)) > 0 && !name_matches(e, cur))
			;
		if (r <= 0)
			return r < 0 ? r : -ENOENT;
		if ((e->mode & S_IFMT) != S_IFLNK)
			return 0;
		/* A symlink: resolve its target relative to the link's directory. */
		char target[256];
		if (e->size >= sizeof(target))
			return -ENAMETOOLONG;
		memcpy(target, e->data, e->size);
		target[e->size] = 0;
		if (target[0] != '/') {
			char *slash = strrchr(cur, '/');
			if (slash)
				slash[1] = 0;
			else
				cur[0] = 0;
			strlcat(cur, target, sizeof(cur));
		} else {
			strlcpy(cur, target, sizeof(cur));
		}
	}
	return -ELOOP;
}
