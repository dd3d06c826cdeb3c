/* Virtual memory areas (seed concept: VMAs). An mm's VMAs are kept both in
 * a red-black tree keyed by their end (for find_vma in O(log n)) and in an
 * address-sorted list (for walking neighbours). brk, mmap and munmap edit
 * them; the pages behind them appear only when touched (mm/memory.c). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/syscalls.h>
#include <linux/err.h>
#include <asm/tlbflush.h>

static struct kmem_cache *vma_cachep, *mm_cachep;
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);

static void mm_caches_init(void)
{
	if (!vma_cachep) {
		vma_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 8, SLAB_PANIC, NULL);
		mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64, SLAB_PANIC, NULL);
	}
}

/* A new address space: empty user half, the kernel half shared. */
struct mm_struct *mm_alloc(void)
{
	mm_caches_init();
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return NULL;
	mm->pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	memcpy((pteval_t *)mm->pgd + KERNEL_PGD_START, (pteval_t *)swapper_pg_dir + KERNEL_PGD_START,
	       (512 - KERNEL_PGD_START) * sizeof(pteval_t));
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap);
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	atomic_set(&mm->mm_users, 1);
	mm->mmap_base = MMAP_BASE;
	return mm;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del(&vma->vm_list);
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	kmem_cache_free(vma_cachep, vma);
}

/* Drop a user of @mm; the last one frees every page and table. */
void mmput(struct mm_struct *mm)
{
	if (!mm || !atomic_dec_and_test(&mm->mm_users))
		return;
	while (!list_empty(&mm->mmap)) {
		struct vm_area_struct *v = list_first_entry(&mm->mmap, struct vm_area_struct, vm_list);
		zap_page_range(mm, v->vm_start, v->vm_end);
		remove_vma(mm, v);
	}
	free_pgtables(mm);
	free_page((unsigned long)mm->pgd);
	if (mm->exe_file)
		fput(mm->exe_file);
	kmem_cache_free(mm_cachep, mm);
}

/* The first VMA with vm_end > addr (it may start above addr), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *n = mm->mm_rb.rb_node;
	struct vm_area_struct *best = NULL;
	while (n) {
		struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);
		if (v->vm_end > addr) {
			best = v;
			if (v->vm_start <= addr)
				break;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

static void link_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	while (*link) {
		parent = *link;
		link = vma->vm_end < rb_entry(parent, struct vm_area_struct, vm_rb)->vm_end ?
			&parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	struct vm_area_struct *next = find_vma(mm, vma->vm_end);
	list_add_tail(&vma->vm_list, next && next != vma ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Map [start, end) as a new anonymous VMA; the range must be free. */
int insert_vm_area(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags)
{
	mm_caches_init();
	struct vm_area_struct *v = find_vma(mm, start);
	if (v && v->vm_start < end)
		return -EEXIST;
	struct vm_area_struct *vma = kmem_cache_zalloc(vma_cachep, GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_mm = mm;
	link_vma(mm, vma);
	return 0;
}

/* Like insert_vm_area, but merge with an adjacent anonymous VMA of the same
 * flags (as Linux's vma_merge does), so that regions grown piece by piece
 * (brk, mremap, neighbouring mmaps) stay one VMA. */
int mmap_region(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags)
{
	struct vm_area_struct *prev = start ? find_vma(mm, start - 1) : NULL;
	struct vm_area_struct *next = find_vma(mm, end);
	if (prev && prev->vm_end == start && prev->vm_flags == flags && !prev->vm_file &&
	    !(flags & VM_GROWSDOWN)) {
		start = prev->vm_start;
		remove_vma(mm, prev);
	}
	if (next && next->vm_start == end && next->vm_flags == flags && !next->vm_file &&
	    !(flags & VM_GROWSDOWN)) {
		end = next->vm_end;
		remove_vma(mm, next);
	}
	return insert_vm_area(mm, start, end, flags);
}

/* Cut [start, end) out of the VMAs, splitting where a VMA straddles. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	if ((start & ~PAGE_MASK) || !len || end > STACK_TOP || end < start)
		return -EINVAL;
	struct vm_area_struct *v;
	while ((v = find_vma(mm, start)) && v->vm_start < end) {
		unsigned long vs = v->vm_start, ve = v->vm_end, flags = v->vm_flags;
		remove_vma(mm, v);
		if (vs < start && insert_vm_area(mm, vs, start, flags))
			return -ENOMEM;
		if (ve > end && insert_vm_area(mm, end, ve, flags))
			return -ENOMEM;
		zap_page_range(mm, max(vs, start), min(ve, end));
	}
	return 0;
}

/* Top-down search for a hole of @len bytes below mmap_base. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->mmap_base;
	struct vm_area_struct *v;
	for (;;) {
		v = find_vma(mm, top - len);
		if (!v || v->vm_start >= top) {
			if (top - len >= mm->brk + PAGE_SIZE && top > len)
				return top - len;
			return -ENOMEM;
		}
		top = v->vm_start;
		if (top < len)
			return -ENOMEM;
	}
}

pteval_t vm_flags_to_prot(unsigned long vm_flags)
{
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return _PAGE_PROTNONE | _PAGE_USER;	/* any access faults */
	pteval_t prot = _PAGE_PRESENT | _PAGE_USER;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= page_nx_mask;
	return prot;
}

/* Linux's heuristic overcommit (vm.overcommit_memory=0, "guess"): memory
 * is promised lazily, but one request for more than all of RAM (there is no
 * swap) can never be kept and fails at once with ENOMEM. */
static bool vm_enough_memory(unsigned long bytes)
{
	return (bytes >> PAGE_SHIFT) <= totalram_pages();
}

/* Which mappings count: private writable ones and shared anonymous ones
 * (their pages can only be RAM); read-only and MAP_NORESERVE ones do not. */
static bool vm_accountable(unsigned long vm_flags)
{
	return (vm_flags & VM_SHARED) || (vm_flags & VM_WRITE);
}

long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;
	down_write(&mm->mmap_lock);
	ret = mm->brk;
	if (brk < mm->start_brk)
		goto out;	/* Linux returns the current break for a bad request */
	unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(brk);
	if (new_end < old_end) {
		if (do_munmap(mm, new_end, old_end - new_end))
			goto out;
	} else if (new_end > old_end) {
		struct vm_area_struct *v = find_vma(mm, old_end);
		if (v && v->vm_start < new_end + PAGE_SIZE)
			goto out;	/* would collide with a mapping */
		if (!vm_enough_memory(new_end - old_end))
			goto out;
		if (mmap_region(mm, old_end, new_end, VM_READ | VM_WRITE))
			goto out;
	}
	mm->brk = brk;
	ret = brk;
out:
	up_write(&mm->mmap_lock);
	return ret;
}

#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_NORESERVE 0x4000
#define MAP_FIXED_NOREPLACE 0x100000

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off)
{
	struct mm_struct *mm = current->mm;
	unsigned long type = flags & MAP_TYPE;
	if (!len || (off & ~PAGE_MASK) || (type != MAP_SHARED && type != MAP_PRIVATE))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return -EBADF;	/* no file descriptors yet */
	len = PAGE_ALIGN(len);
	if (!len || len > STACK_TOP)
		return -ENOMEM;
	unsigned long vm = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
			   (prot & PROT_EXEC ? VM_EXEC : 0) | (type == MAP_SHARED ? VM_SHARED : 0);
	if (vm_accountable(vm) && !(flags & MAP_NORESERVE) && !vm_enough_memory(len))
		return -ENOMEM;
	long ret;
	down_write(&mm->mmap_lock);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		ret = -EINVAL;
		if ((addr & ~PAGE_MASK) || addr + len > STACK_TOP || addr + len < addr)
			goto out;
		if (flags & MAP_FIXED_NOREPLACE) {
			struct vm_area_struct *v = find_vma(mm, addr);
			ret = -EEXIST;
			if (v && v->vm_start < addr + len)
				goto out;
		} else {
			do_munmap(mm, addr, len);
		}
	} else {
		struct vm_area_struct *v = find_vma(mm, addr);
		if (!addr || (addr & ~PAGE_MASK) || addr + len > STACK_TOP || (v && v->vm_start < addr + len))
			addr = get_unmapped_area(mm, len);
		ret = (long)addr;
		if (IS_ERR_VALUE(addr))
			goto out;
	}
	ret = mmap_region(mm, addr, addr + len, vm);
	if (!ret)
		ret = (long)addr;
out:
	up_write(&mm->mmap_lock);
	return ret;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	down_write(&mm->mmap_lock);
	long ret = do_munmap(mm, addr, len);
	up_write(&mm->mmap_lock);
	return ret;
}

/* ---- mprotect, mremap, madvise ---- */

/* Split the VMA containing @addr so that a VMA boundary falls at @addr. */
static int split_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v = find_vma(mm, addr);
	if (!v || v->vm_start >= addr)
		return 0;
	unsigned long start = v->vm_start, end = v->vm_end, flags = v->vm_flags;
	remove_vma(mm, v);
	if (insert_vm_area(mm, start, addr, flags) || insert_vm_area(mm, addr, end, flags))
		return -ENOMEM;
	return 0;
}

/* Rewrite the present PTEs of [start, end) for @flags. Pages shared
 * copy-on-write stay read-only: the next write fault copies them. */
static void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags)
{
	pteval_t prot = vm_flags_to_prot(flags);
	spin_lock(&mm->page_table_lock);
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		unsigned long next = pt_next_present(mm->pgd, a);
		if (next != a) {
			a = next - PAGE_SIZE;
			continue;
		}
		pteval_t *pte = walk_page_table(mm->pgd, a, false, 0);
		if (!pte || !pte_mapped(*pte))
			continue;
		pteval_t p = prot;
		if ((*pte & _PAGE_COW) || !(flags & VM_WRITE))
			p &= ~_PAGE_RW;
		*pte = (*pte & PTE_PFN_MASK) | p | (*pte & _PAGE_COW);
	}
	flush_tlb_mm_range(mm, start, end);
	spin_unlock(&mm->page_table_lock);
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | 0x01000000 | 0x02000000))
		return -EINVAL;	/* PROT_GROWSDOWN/GROWSUP accepted, ignored */
	unsigned long end = start + PAGE_ALIGN(len);
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	long err = 0;
	down_write(&mm->mmap_lock);
	/* Every page of the range must be mapped (Linux: ENOMEM). */
	for (unsigned long a = start; a < end;) {
		struct vm_area_struct *v = find_vma(mm, a);
		if (!v || v->vm_start > a) {
			err = -ENOMEM;
			goto out;
		}
		a = v->vm_end;
	}
	if ((err = split_at(mm, start)) || (err = split_at(mm, end)))
		goto out;
	unsigned long vm = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
			   (prot & PROT_EXEC ? VM_EXEC : 0);
	for (struct vm_area_struct *v = find_vma(mm, start); v && v->vm_start < end; v = find_vma(mm, v->vm_end)) {
		v->vm_flags = (v->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | vm;
		change_protection(mm, v->vm_start, v->vm_end, v->vm_flags);
	}
out:
	up_write(&mm->mmap_lock);
	return err;
}

#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_FREE 8

long sys_madvise(unsigned long start, size_t len, int advice)
{
	struct mm_struct *mm = current->mm;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	unsigned long end = start + PAGE_ALIGN(len);
	if (end < start)
		return -EINVAL;
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
		return 0;	/* hints: nothing to do without a page cache */
	case MADV_DONTNEED:
	case MADV_FREE:
		break;
	default:
		return -EINVAL;
	}
	long err = 0;
	down_write(&mm->mmap_lock);
	for (unsigned long a = start; a < end;) {
		struct vm_area_struct *v = find_vma(mm, a);
		if (!v || v->vm_start >= end) {
			err = -ENOMEM;	/* part of the range is unmapped */
			break;
		}
		if (v->vm_start > a)
			err = -ENOMEM;
		/* Private anonymous memory reads back as zero-fill afterwards. */
		if (!(v->vm_flags & VM_SHARED))
			zap_page_range(mm, max(a, v->vm_start), min(end, v->vm_end));
		a = v->vm_end;
	}
	up_write(&mm->mmap_lock);
	return err;
}

#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2

/* Move the PTEs of [old, old+len) to [new, new+len) (both page aligned). */
static int move_ptes(struct mm_struct *mm, unsigned long old, unsigned long new, unsigned long len)
{
	spin_lock(&mm->page_table_lock);
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		unsigned long next = pt_next_present(mm->pgd, old + off);
		if (next != old + off) {
			off = next - old - PAGE_SIZE;
			continue;
		}
		pteval_t *src = walk_page_table(mm->pgd, old + off, false, 0);
		if (!src || !pte_mapped(*src))
			continue;
		pteval_t *dst = walk_page_table(mm->pgd, new + off, true, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
		if (!dst) {
			flush_tlb_mm_range(mm, old, old + off);
			spin_unlock(&mm->page_table_lock);
			return -ENOMEM;
		}
		*dst = *src;
		*src = 0;
	}
	flush_tlb_mm_range(mm, old, old + len);
	spin_unlock(&mm->page_table_lock);
	return 0;
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len, unsigned long flags,
		unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	if ((addr & ~PAGE_MASK) || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) ||
	    ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len)
		return -EINVAL;	/* [LINUX-DIFF] old_len 0 (duplicate a shared mapping) unsupported */
	long ret;
	down_write(&mm->mmap_lock);
	struct vm_area_struct *v = find_vma(mm, addr);
	ret = -EFAULT;
	if (!v || v->vm_start > addr || addr + old_len > v->vm_end)
		goto out;
	unsigned long flags_vm = v->vm_flags;
	if (flags & MREMAP_FIXED) {
		ret = -EINVAL;
		if ((new_addr & ~PAGE_MASK) || new_addr + new_len > STACK_TOP ||
		    (new_addr < addr + old_len && addr < new_addr + new_len))
			goto out;
		do_munmap(mm, new_addr, new_len);
		goto move;
	}
	ret = -ENOMEM;
	if (new_len > old_len && vm_accountable(flags_vm) && !vm_enough_memory(new_len - old_len))
		goto out;
	if (new_len <= old_len) {
		if (new_len < old_len)
			do_munmap(mm, addr + new_len, old_len - new_len);
		ret = (long)addr;
		goto out;
	}
	/* Grow in place if the pages after it are free. */
	struct vm_area_struct *next = find_vma(mm, addr + old_len);
	if (addr + old_len == v->vm_end && (!next || next->vm_start >= addr + new_len) &&
	    addr + new_len <= STACK_TOP) {
		ret = mmap_region(mm, addr + old_len, addr + new_len, flags_vm);
		if (!ret)
			ret = (long)addr;
		goto out;
	}
	ret = -ENOMEM;
	if (!(flags & MREMAP_MAYMOVE))
		goto out;
	new_addr = get_unmapped_area(mm, new_len);
	if (IS_ERR_VALUE(new_addr))
		goto out;
move:
	ret = insert_vm_area(mm, new_addr, new_addr + new_len, flags_vm);
	if (ret)
		goto out;
	ret = move_ptes(mm, addr, new_addr, min(old_len, new_len));
	if (ret)
		goto out;
	/* The old range is empty now; its VMA goes. */
	do_munmap(mm, addr, old_len);
	ret = (long)new_addr;
out:
	up_write(&mm->mmap_lock);
	return ret;
}
