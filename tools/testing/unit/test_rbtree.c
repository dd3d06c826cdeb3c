/* lib/rbtree.c on the host: random inserts and erases against a reference,
 * checking every red-black invariant after each step. */
// SOURCES: lib/rbtree.c
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"
#include <linux/rbtree.h>

struct item {
	struct rb_node node;
	int key;
	int in_tree;
};

static struct rb_root root;
#define N 4000
static struct item items[N];

static void insert(struct item *it)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;
	while (*link) {
		parent = *link;
		link = it->key < rb_entry(parent, struct item, node)->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, &root);
	it->in_tree = 1;
}

/* Returns the black height, or -1 if an invariant is broken below @n. */
static int check(struct rb_node *n, struct rb_node *parent, int lo, int hi)
{
	if (!n)
		return 1;
	int key = rb_entry(n, struct item, node)->key;
	if (n->rb_parent != parent || key < lo || key > hi)
		return -1;
	if (n->rb_color == RB_RED && ((n->rb_left && n->rb_left->rb_color == RB_RED) ||
				      (n->rb_right && n->rb_right->rb_color == RB_RED)))
		return -1;
	int l = check(n->rb_left, n, lo, key), r = check(n->rb_right, n, key, hi);
	if (l < 0 || r < 0 || l != r)
		return -1;
	return l + (n->rb_color == RB_BLACK);
}

static int valid(void)
{
	return (!root.rb_node || root.rb_node->rb_color == RB_BLACK) &&
	       check(root.rb_node, NULL, -1, 1 << 30) > 0;
}

static void random_inserts_and_erases_keep_invariants(void)
{
	srand(42);
	int broken = 0;
	for (int i = 0; i < N; i++) {
		items[i].key = rand() % 100000;
		insert(&items[i]);
		if (i % 97 == 0 && !valid())
			broken++;
	}
	EXPECT(valid());
	for (int round = 0; round < 3 * N; round++) {
		struct item *it = &items[rand() % N];
		if (it->in_tree) {
			rb_erase(&it->node, &root);
			it->in_tree = 0;
		} else {
			insert(it);
		}
		if (round % 101 == 0 && !valid())
			broken++;
	}
	EXPECT_EQ(broken, 0);
	EXPECT(valid());
}

static void iteration_is_sorted_both_ways(void)
{
	int count = 0, inorder = 1, prev = -1;
	for (struct rb_node *n = rb_first(&root); n; n = rb_next(n)) {
		int k = rb_entry(n, struct item, node)->key;
		inorder &= k >= prev;
		prev = k;
		count++;
	}
	int expected = 0;
	for (int i = 0; i < N; i++)
		expected += items[i].in_tree;
	EXPECT_EQ(count, expected);
	EXPECT(inorder);
	int back = 0;
	for (struct rb_node *n = rb_last(&root); n; n = rb_prev(n))
		back++;
	EXPECT_EQ(back, expected);
}

static void erase_everything_leaves_empty_tree(void)
{
	for (int i = 0; i < N; i++)
		if (items[i].in_tree) {
			rb_erase(&items[i].node, &root);
			items[i].in_tree = 0;
			if (i % 53 == 0)
				EXPECT(valid());
		}
	EXPECT(RB_EMPTY_ROOT(&root));
	EXPECT(rb_first(&root) == NULL);
}

static void sorted_inserts_stay_balanced(void)
{
	for (int i = 0; i < 1023; i++) {
		items[i].key = i;
		insert(&items[i]);
	}
	/* Black height bounds the depth: at most 2*log2(n+1) = 20. */
	int depth = 0;
	for (struct rb_node *n = rb_first(&root); n; n = n->rb_parent)
		depth++;
	EXPECT(depth <= 20);
	EXPECT(valid());
}

int main(void)
{
	UNIT_RUN(random_inserts_and_erases_keep_invariants);
	UNIT_RUN(iteration_is_sorted_both_ways);
	UNIT_RUN(erase_everything_leaves_empty_tree);
	UNIT_RUN(sorted_inserts_stay_balanced);
	return unit_summary();
}
