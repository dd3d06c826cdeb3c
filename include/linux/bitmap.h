/* Bitmaps: arrays of unsigned long used as sets of small integers
 * (lib/bitmap.c). Single-bit atomic operations are in <linux/atomic.h>. */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H
#include <linux/types.h>
#define BITS_TO_LONGS(n) (((n) + 63) / 64)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

void bitmap_zero(unsigned long *map, unsigned long nbits);
void bitmap_fill(unsigned long *map, unsigned long nbits);
void bitmap_set(unsigned long *map, unsigned long start, unsigned long len);
void bitmap_clear(unsigned long *map, unsigned long start, unsigned long len);
unsigned long bitmap_weight(const unsigned long *map, unsigned long nbits);
/* Index of the first set (or clear) bit at or after @start, or @size if none. */
unsigned long find_next_bit(const unsigned long *map, unsigned long size, unsigned long start);
unsigned long find_next_zero_bit(const unsigned long *map, unsigned long size, unsigned long start);
#define find_first_bit(map, size) find_next_bit(map, size, 0)
#define find_first_zero_bit(map, size) find_next_zero_bit(map, size, 0)
#define for_each_set_bit(bit, map, size) \
	for ((bit) = find_first_bit(map, size); (bit) < (size); (bit) = find_next_bit(map, size, (bit) + 1))
#endif
