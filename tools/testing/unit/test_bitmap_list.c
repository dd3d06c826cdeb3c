/* lib/bitmap.c and include/linux/list.h on the host. */
// SOURCES: lib/bitmap.c
#include <stdio.h>
#include "unit.h"
#include <linux/bitmap.h>
#include <linux/list.h>

static void bitmap_set_clear_weight(void)
{
	DECLARE_BITMAP(m, 200);
	bitmap_zero(m, 200);
	EXPECT_EQ(bitmap_weight(m, 200), 0);
	bitmap_set(m, 60, 10);		/* crosses a word boundary */
	EXPECT_EQ(bitmap_weight(m, 200), 10);
	EXPECT_EQ(find_first_bit(m, 200), 60);
	EXPECT_EQ(find_next_bit(m, 200, 65), 65);
	EXPECT_EQ(find_next_bit(m, 200, 70), 200);
	bitmap_clear(m, 62, 3);
	EXPECT_EQ(bitmap_weight(m, 200), 7);
	EXPECT_EQ(find_next_bit(m, 200, 62), 65);
	bitmap_fill(m, 130);
	EXPECT_EQ(bitmap_weight(m, 130), 130);
	EXPECT_EQ(find_first_zero_bit(m, 130), 130);
	bitmap_clear(m, 129, 1);
	EXPECT_EQ(find_first_zero_bit(m, 130), 129);
	unsigned long bit, n = 0;
	for_each_set_bit(bit, m, 130)
		n++;
	EXPECT_EQ(n, 129);
}

static void find_zero_respects_size(void)
{
	unsigned long m[1] = { ~0UL };
	EXPECT_EQ(find_first_zero_bit(m, 64), 64);
	m[0] = ~(1UL << 40);
	EXPECT_EQ(find_first_zero_bit(m, 40), 40);	/* bit 40 is outside the 40-bit map */
	EXPECT_EQ(find_first_zero_bit(m, 41), 40);
}

struct item {
	int v;
	struct list_head node;
};

static void list_add_del_splice_iterate(void)
{
	LIST_HEAD(a);
	LIST_HEAD(b);
	struct item it[6];
	for (int i = 0; i < 6; i++) {
		it[i].v = i;
		list_add_tail(&it[i].node, i < 3 ? &a : &b);
	}
	EXPECT(!list_empty(&a));
	list_del(&it[1].node);
	EXPECT(list_empty(&it[1].node));	/* deleted entries point at themselves */
	list_splice_init(&b, &a);		/* b's entries go to the front of a */
	EXPECT(list_empty(&b));
	int order[8], n = 0;
	struct item *pos, *tmp;
	list_for_each_entry(pos, &a, node)
		order[n++] = pos->v;
	EXPECT_EQ(n, 5);
	EXPECT(order[0] == 3 && order[1] == 4 && order[2] == 5 && order[3] == 0 && order[4] == 2);
	list_move_tail(&it[3].node, &a);
	EXPECT(list_last_entry(&a, struct item, node)->v == 3);
	list_for_each_entry_safe(pos, tmp, &a, node)
		list_del(&pos->node);
	EXPECT(list_empty(&a));
}

int main(void)
{
	UNIT_RUN(bitmap_set_clear_weight);
	UNIT_RUN(find_zero_respects_size);
	UNIT_RUN(list_add_del_splice_iterate);
	return unit_summary();
}
