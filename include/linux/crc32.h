/* CRC-32 as used by Ethernet, gzip and zlib (lib/crc32.c): polynomial
 * 0x04C11DB7, bits taken least-significant first (reflected, 0xEDB88320).
 * Like Linux's crc32_le() the seed is neither inverted on entry nor on exit:
 * the gzip/zlib value of a buffer is crc32_le(~0, p, n) ^ ~0, and a long
 * buffer may be fed in pieces by passing the previous result as the seed. */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H
#include <linux/types.h>

u32 crc32_le(u32 crc, const void *p, size_t len);
#endif
