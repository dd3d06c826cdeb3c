/* CRC-32, reflected, one byte at a time through a 256-entry table (see
 * <linux/crc32.h>). The table holds the CRC of each byte value alone; it is
 * computed on first use from the polynomial rather than written out. */
#include <linux/crc32.h>

#define CRC32_POLY_LE 0xedb88320u

static u32 crc32_table[256];
static bool crc32_table_ready;

static void crc32_init_table(void)
{
	for (u32 i = 0; i < 256; i++) {
		u32 c = i;
		for (int bit = 0; bit < 8; bit++)
			c = (c >> 1) ^ (c & 1 ? CRC32_POLY_LE : 0);
		crc32_table[i] = c;
	}
	crc32_table_ready = true;
}

/* Filling the table twice from two CPUs writes the same values: harmless. */
u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const u8 *s = p;
	if (!crc32_table_ready)
		crc32_init_table();
	while (len--)
		crc = (crc >> 8) ^ crc32_table[(crc ^ *s++) & 0xff];
	return crc;
}
