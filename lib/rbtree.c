/* Red-black trees. Invariants: every node is red or black; the root is
 * black; a red node has no red child; every path from a node down to a leaf
 * passes the same number of black nodes. Together they keep the height below
 * 2*log2(n+1). Insertion adds a red node and repairs red-red conflicts going
 * up; erasure removes a node (or its successor) and, if a black node went,
 * repairs the missing black going up. (Cormen et al., "Introduction to
 * Algorithms", ch. 13, with NULL leaves.) */
#include <linux/rbtree.h>

static bool is_red(const struct rb_node *n)
{
	return n && n->rb_color == RB_RED;
}

static bool is_black(const struct rb_node *n)
{
	return !is_red(n);
}

/* Make @new take @old's place under @old's parent. */
static void replace_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
			  struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*      n                r
 *     / \              / \
 *    a   r     ->     n   c
 *       / \          / \
 *      b   c        a   b          */
static void rotate_left(struct rb_node *n, struct rb_root *root)
{
	struct rb_node *r = n->rb_right;
	n->rb_right = r->rb_left;
	if (r->rb_left)
		r->rb_left->rb_parent = n;
	r->rb_parent = n->rb_parent;
	replace_child(n, r, n->rb_parent, root);
	r->rb_left = n;
	n->rb_parent = r;
}

static void rotate_right(struct rb_node *n, struct rb_root *root)
{
	struct rb_node *l = n->rb_left;
	n->rb_left = l->rb_right;
	if (l->rb_right)
		l->rb_right->rb_parent = n;
	l->rb_parent = n->rb_parent;
	replace_child(n, l, n->rb_parent, root);
	l->rb_right = n;
	n->rb_parent = l;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent;
	while ((parent = node->rb_parent) && is_red(parent)) {
		struct rb_node *gparent = parent->rb_parent;	/* exists: the root is black */
		bool left = parent == gparent->rb_left;
		struct rb_node *uncle = left ? gparent->rb_right : gparent->rb_left;
		if (is_red(uncle)) {
			/* Recolour and carry the conflict two levels up. */
			uncle->rb_color = RB_BLACK;
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			node = gparent;
			continue;
		}
		/* An inner grandchild first becomes an outer one. */
		if (left && node == parent->rb_right) {
			rotate_left(parent, root);
			node = parent;
			parent = node->rb_parent;
		} else if (!left && node == parent->rb_left) {
			rotate_right(parent, root);
			node = parent;
			parent = node->rb_parent;
		}
		parent->rb_color = RB_BLACK;
		gparent->rb_color = RB_RED;
		if (left)
			rotate_right(gparent, root);
		else
			rotate_left(gparent, root);
	}
	root->rb_node->rb_color = RB_BLACK;
}

/* @node (possibly NULL) under @parent is missing one black on its paths. */
static void erase_fixup(struct rb_node *node, struct rb_node *parent, struct rb_root *root)
{
	while (node != root->rb_node && is_black(node)) {
		bool left = parent->rb_left == node;
		struct rb_node *sib = left ? parent->rb_right : parent->rb_left;
		if (is_red(sib)) {
			/* Make the sibling black, keeping the black counts. */
			sib->rb_color = RB_BLACK;
			parent->rb_color = RB_RED;
			if (left)
				rotate_left(parent, root);
			else
				rotate_right(parent, root);
			sib = left ? parent->rb_right : parent->rb_left;
		}
		struct rb_node *near = left ? sib->rb_left : sib->rb_right;
		struct rb_node *far = left ? sib->rb_right : sib->rb_left;
		if (is_black(near) && is_black(far)) {
			/* Take one black off the sibling's side too; move up. */
			sib->rb_color = RB_RED;
			node = parent;
			parent = node->rb_parent;
			continue;
		}
		if (is_black(far)) {
			near->rb_color = RB_BLACK;
			sib->rb_color = RB_RED;
			if (left)
				rotate_right(sib, root);
			else
				rotate_left(sib, root);
			sib = left ? parent->rb_right : parent->rb_left;
			far = left ? sib->rb_right : sib->rb_left;
		}
		/* The sibling's red far child pays for the missing black. */
		sib->rb_color = parent->rb_color;
		parent->rb_color = RB_BLACK;
		far->rb_color = RB_BLACK;
		if (left)
			rotate_left(parent, root);
		else
			rotate_right(parent, root);
		node = root->rb_node;
		break;
	}
	if (node)
		node->rb_color = RB_BLACK;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	int color;

	if (node->rb_left && node->rb_right) {
		/* Two children: the successor (leftmost of the right subtree,
		 * which has no left child) takes node's place and colour. */
		struct rb_node *succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		color = succ->rb_color;
		if (succ->rb_parent == node) {
			parent = succ;
		} else {
			parent = succ->rb_parent;
			parent->rb_left = child;
			if (child)
				child->rb_parent = parent;
			succ->rb_right = node->rb_right;
			node->rb_right->rb_parent = succ;
		}
		succ->rb_left = node->rb_left;
		node->rb_left->rb_parent = succ;
		succ->rb_parent = node->rb_parent;
		succ->rb_color = node->rb_color;
		replace_child(node, succ, node->rb_parent, root);
	} else {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		color = node->rb_color;
		if (child)
			child->rb_parent = parent;
		replace_child(node, child, parent, root);
	}
	if (color == RB_BLACK)
		erase_fixup(child, parent, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;
	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;
	while (n && n->rb_right)
		n = n->rb_right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *n)
{
	if (n->rb_right) {
		n = n->rb_right;
		while (n->rb_left)
			n = n->rb_left;
		return (struct rb_node *)n;
	}
	while (n->rb_parent && n == n->rb_parent->rb_right)
		n = n->rb_parent;
	return n->rb_parent;
}

struct rb_node *rb_prev(const struct rb_node *n)
{
	if (n->rb_left) {
		n = n->rb_left;
		while (n->rb_right)
			n = n->rb_right;
		return (struct rb_node *)n;
	}
	while (n->rb_parent && n == n->rb_parent->rb_left)
		n = n->rb_parent;
	return n->rb_parent;
}
