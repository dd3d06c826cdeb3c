/* Red-black trees (lib/rbtree.c): balanced binary search trees whose nodes
 * are embedded in the caller's structs, as Linux's are. The caller does the
 * search and links the new node (rb_link_node); rb_insert_color and rb_erase
 * rebalance. Used for VMAs and anything needing ordered lookup. */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H
#include <linux/compiler.h>
#include <linux/types.h>

#define RB_RED 0
#define RB_BLACK 1

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_left, *rb_right;
	int rb_color;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT (struct rb_root){ NULL }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) _p = (ptr); _p ? rb_entry(_p, type, member) : NULL; })
#define RB_EMPTY_ROOT(root) ((root)->rb_node == NULL)

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_color = RB_RED;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
#endif
