/* Address spaces (seed concepts: the virtual address space, VMAs).
 * A process's mm_struct owns its page tables and the list of its virtual
 * memory areas: [vm_start, vm_end) ranges with one set of permissions each.
 * Lock legend: [L] mmap_lock (rw-semaphore: VMA tree and list, brk fields),
 * [P] page_table_lock (spinlock: page-table entries), [a] atomic. */
#ifndef _LINUX_MM_STRUCT_H
#define _LINUX_MM_STRUCT_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/semaphore.h>
#include <asm/pgtable.h>

#define VM_READ 0x1UL
#define VM_WRITE 0x2UL
#define VM_EXEC 0x4UL
#define VM_SHARED 0x8UL
#define VM_GROWSDOWN 0x100UL
#define VM_STACK VM_GROWSDOWN

struct mm_struct;

struct vm_area_struct {
	unsigned long vm_start, vm_end;	/* [L] */
	unsigned long vm_flags;		/* [L] VM_* */
	struct mm_struct *vm_mm;
	struct rb_node vm_rb;		/* [L] in mm->mm_rb, keyed by vm_end */
	struct list_head vm_list;	/* [L] in mm->mmap, sorted by address */
	unsigned long vm_pgoff;		/* for file mappings (later) */
	void *vm_file;			/* NULL: anonymous memory */
};

struct mm_struct {
	pgd_t *pgd;			/* the PML4; entries 256..511 shared with the kernel */
	struct rb_root mm_rb;		/* [L] */
	struct list_head mmap;		/* [L] */
	int map_count;			/* [L] */
	struct rw_semaphore mmap_lock;
	spinlock_t page_table_lock;
	atomic_t mm_users;		/* [a] tasks using it */
	unsigned long start_code, end_code, start_data, end_data;	/* [L] */
	unsigned long start_brk, brk, start_stack;			/* [L] */
	unsigned long arg_start, arg_end, env_start, env_end;		/* [L] */
	unsigned long saved_auxv[48];	/* exec's auxiliary vector up to AT_NULL (/proc/<pid>/auxv); fixed once set */
	unsigned long mmap_base;	/* [L] top of the mmap area, below the stack */
	unsigned long total_vm;		/* [L] pages mapped */
	atomic64_t rss;			/* [a] pages present */
	unsigned long cpu_mask;		/* [a] CPUs with these page tables loaded */
	struct file *exe_file;		/* the executable, a reference (/proc/<pid>/exe); set before
					 * the mm is shared, fixed after */
};

#define STACK_TOP 0x00007ffffffff000UL
#define STACK_MAX_SIZE (8UL << 20)	/* RLIMIT_STACK default */
#define MMAP_BASE (STACK_TOP - STACK_MAX_SIZE - (1UL << 30))

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int insert_vm_area(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags);
int mmap_region(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned long error_code);
void switch_mm(struct mm_struct *prev, struct mm_struct *next);
pteval_t vm_flags_to_prot(unsigned long vm_flags);
#endif
