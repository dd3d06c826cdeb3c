/* Heapsort (see <linux/sort.h>).
 *
 * The array is first arranged as a max-heap (each element >= its children at
 * 2i+1 and 2i+2); then, repeatedly, the largest element (the root) is swapped
 * to the end of the unsorted part and the new root sifted down. Both phases
 * use only sift_down(), which walks one root-to-leaf path: O(log n) each. */
#include <linux/sort.h>

static void swap_bytes(void *a, void *b, int size)
{
	char *x = a, *y = b;
	for (int i = 0; i < size; i++) {
		char t = x[i];
		x[i] = y[i];
		y[i] = t;
	}
}

/* Restore the heap below `root`, looking only at the first `n` elements. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      cmp_func_t cmp, swap_func_t swap)
{
	for (;;) {
		size_t child = 2 * root + 1, big = root;
		if (child < n && cmp(base + child * size, base + big * size) > 0)
			big = child;
		if (child + 1 < n && cmp(base + (child + 1) * size, base + big * size) > 0)
			big = child + 1;
		if (big == root)
			return;
		swap(base + root * size, base + big * size, (int)size);
		root = big;
	}
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp, swap_func_t swap)
{
	char *b = base;
	if (!swap)
		swap = swap_bytes;
	if (num < 2)
		return;
	for (size_t i = num / 2; i-- > 0;)
		sift_down(b, i, num, size, cmp, swap);
	for (size_t end = num - 1; end > 0; end--) {
		swap(b, b + end * size, (int)size);
		sift_down(b, 0, end, size, cmp, swap);
	}
}
