/* Bitmap helpers (see <linux/bitmap.h>). Not atomic: callers lock. */
#include <linux/bitmap.h>

void bitmap_zero(unsigned long *map, unsigned long nbits)
{
	for (unsigned long i = 0; i < BITS_TO_LONGS(nbits); i++)
		map[i] = 0;
}

void bitmap_fill(unsigned long *map, unsigned long nbits)
{
	bitmap_zero(map, nbits);
	bitmap_set(map, 0, nbits);
}

void bitmap_set(unsigned long *map, unsigned long start, unsigned long len)
{
	for (unsigned long b = start; b < start + len; b++)
		map[b / 64] |= 1UL << (b % 64);
}

void bitmap_clear(unsigned long *map, unsigned long start, unsigned long len)
{
	for (unsigned long b = start; b < start + len; b++)
		map[b / 64] &= ~(1UL << (b % 64));
}

unsigned long bitmap_weight(const unsigned long *map, unsigned long nbits)
{
	unsigned long n = 0;
	for (unsigned long i = 0; i < nbits / 64; i++)
		for (unsigned long w = map[i]; w; w &= w - 1)
			n++;
	if (nbits % 64)
		for (unsigned long w = map[nbits / 64] & ((1UL << (nbits % 64)) - 1); w; w &= w - 1)
			n++;
	return n;
}

/* Shared walk: @invert flips each word so "find zero" becomes "find one". */
static unsigned long find_next(const unsigned long *map, unsigned long size, unsigned long start,
			       unsigned long invert)
{
	if (start >= size)
		return size;
	unsigned long i = start / 64;
	unsigned long w = (map[i] ^ invert) & (~0UL << (start % 64));
	for (;;) {
		if (w) {
			unsigned long bit = i * 64 + __builtin_ctzl(w);
			return bit < size ? bit : size;
		}
		if (++i >= BITS_TO_LONGS(size))
			return size;
		w = map[i] ^ invert;
	}
}

unsigned long find_next_bit(const unsigned long *map, unsigned long size, unsigned long start)
{
	return find_next(map, size, start, 0);
}

unsigned long find_next_zero_bit(const unsigned long *map, unsigned long size, unsigned long start)
{
	return find_next(map, size, start, ~0UL);
}
