/* lib/sort.c (heapsort) and lib/crc32.c on the host. */
// SOURCES: lib/sort.c lib/crc32.c
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);
void sort(void *base, size_t num, size_t size, cmp_func_t cmp, swap_func_t swap);
uint32_t crc32_le(uint32_t crc, const void *p, size_t len);

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A 12-byte element (not a power of two), ordered by key only. */
struct rec {
	int key;
	int serial;
	int check;	/* serial * 7: must travel with its record */
};

static int cmp_rec(const struct rec *a, const struct rec *b)
{
	return (a->key > b->key) - (a->key < b->key);
}

static int cmp_rec_void(const void *a, const void *b)
{
	return cmp_rec(a, b);
}

static int custom_swaps;
static void swap_rec(void *a, void *b, int size)
{
	struct rec t = *(struct rec *)a;
	*(struct rec *)a = *(struct rec *)b;
	*(struct rec *)b = t;
	custom_swaps++;
}

static void sort_matches_qsort_for_random_arrays(void)
{
	srand(1);
	for (int n = 0; n <= 300; n += (n < 20 ? 1 : 37)) {
		int *a = malloc((n + 1) * sizeof(int)), *b = malloc((n + 1) * sizeof(int));
		for (int i = 0; i < n; i++)
			a[i] = b[i] = rand() % (n / 2 + 1) - n / 4;	/* many duplicates */
		sort(a, n, sizeof(int), cmp_int, NULL);
		qsort(b, n, sizeof(int), cmp_int);
		EXPECT_EQ(memcmp(a, b, n * sizeof(int)), 0);
		free(a);
		free(b);
	}
}

static void sort_handles_sorted_reversed_and_equal_input(void)
{
	int up[64], down[64], same[64];
	for (int i = 0; i < 64; i++) {
		up[i] = i;
		down[i] = 63 - i;
		same[i] = 5;
	}
	sort(up, 64, sizeof(int), cmp_int, NULL);
	sort(down, 64, sizeof(int), cmp_int, NULL);
	sort(same, 64, sizeof(int), cmp_int, NULL);
	for (int i = 0; i < 64; i++) {
		EXPECT_EQ(up[i], i);
		EXPECT_EQ(down[i], i);
		EXPECT_EQ(same[i], 5);
	}
}

static void sort_moves_whole_odd_sized_elements(void)
{
	struct rec r[101];
	srand(2);
	for (int i = 0; i < 101; i++)
		r[i] = (struct rec){ rand() % 50, i, i * 7 };
	sort(r, 101, sizeof(r[0]), cmp_rec_void, NULL);
	int seen[101] = { 0 };
	for (int i = 0; i < 101; i++) {
		if (i)
			EXPECT(r[i - 1].key <= r[i].key);
		EXPECT_EQ(r[i].check, r[i].serial * 7);
		seen[r[i].serial]++;
	}
	for (int i = 0; i < 101; i++)
		EXPECT_EQ(seen[i], 1);	/* a permutation: nothing lost or doubled */
}

static void sort_uses_the_given_swap_function(void)
{
	struct rec r[10];
	for (int i = 0; i < 10; i++)
		r[i] = (struct rec){ 10 - i, i, i * 7 };
	custom_swaps = 0;
	sort(r, 10, sizeof(r[0]), cmp_rec_void, swap_rec);
	EXPECT(custom_swaps > 0);
	for (int i = 0; i < 10; i++)
		EXPECT_EQ(r[i].key, i + 1);
}

static void sort_of_zero_and_one_elements_touches_nothing(void)
{
	int one = 7;
	sort(NULL, 0, sizeof(int), cmp_int, NULL);
	sort(&one, 1, sizeof(int), cmp_int, NULL);
	EXPECT_EQ(one, 7);
}

/* zlib's/gzip's convention: invert before and after. */
static uint32_t crc32_gzip(const void *p, size_t n)
{
	return crc32_le(~0u, p, n) ^ ~0u;
}

static void crc32_check_values(void)
{
	/* The catalogue "check" value of CRC-32 (ISO-HDLC) is that of "123456789". */
	EXPECT_EQ(crc32_gzip("123456789", 9), 0xcbf43926u);
	EXPECT_EQ(crc32_gzip("", 0), 0);
	EXPECT_EQ(crc32_gzip("a", 1), 0xe8b7be43u);
	EXPECT_EQ(crc32_gzip("The quick brown fox jumps over the lazy dog", 43), 0x414fa339u);
	EXPECT_EQ(crc32_le(0x12345678u, "", 0), 0x12345678u);	/* no bytes, no change */
}

static void crc32_in_pieces_equals_crc32_at_once(void)
{
	unsigned char buf[1000];
	for (int i = 0; i < 1000; i++)
		buf[i] = (unsigned char)(i * 31 + 7);
	uint32_t whole = crc32_le(~0u, buf, sizeof(buf));
	for (size_t cut = 0; cut <= sizeof(buf); cut += 111) {
		uint32_t c = crc32_le(~0u, buf, cut);
		EXPECT_EQ(crc32_le(c, buf + cut, sizeof(buf) - cut), whole);
	}
}

static void crc32_detects_every_single_bit_flip(void)
{
	unsigned char buf[64];
	memset(buf, 0xa5, sizeof(buf));
	uint32_t good = crc32_gzip(buf, sizeof(buf));
	int missed = 0;
	for (int bit = 0; bit < 64 * 8; bit++) {
		buf[bit / 8] ^= 1 << (bit % 8);
		missed += crc32_gzip(buf, sizeof(buf)) == good;
		buf[bit / 8] ^= 1 << (bit % 8);
	}
	EXPECT_EQ(missed, 0);
}

int main(void)
{
	UNIT_RUN(sort_matches_qsort_for_random_arrays);
	UNIT_RUN(sort_handles_sorted_reversed_and_equal_input);
	UNIT_RUN(sort_moves_whole_odd_sized_elements);
	UNIT_RUN(sort_uses_the_given_swap_function);
	UNIT_RUN(sort_of_zero_and_one_elements_touches_nothing);
	UNIT_RUN(crc32_check_values);
	UNIT_RUN(crc32_in_pieces_equals_crc32_at_once);
	UNIT_RUN(crc32_detects_every_single_bit_flip);
	return unit_summary();
}
