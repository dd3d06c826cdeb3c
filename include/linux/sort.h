/* sort(): an in-place heapsort of an array (lib/sort.c). O(n log n) in the
 * worst case, no recursion and no allocation, so it is safe anywhere in the
 * kernel; not stable. */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H
#include <linux/types.h>

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);

/* swap may be NULL: elements are then swapped byte by byte. */
void sort(void *base, size_t num, size_t size, cmp_func_t cmp, swap_func_t swap);
#endif
