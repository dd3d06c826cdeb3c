/* Loading static ELF64 executables (seed concept: execve, ELF loading).
 * Every header field is checked against the file before use: a truncated or
 * corrupt file is -ENOEXEC (or -EINVAL/-ENOMEM), never a crash.
 * [LINUX-DIFF] Segment sizes are checked before the point of no return, so
 * a file whose segments run past its end fails with ENOEXEC; Linux maps it
 * and the new program dies of SIGSEGV or SIGBUS when it touches the gap. PT_LOAD
 * segments are copied into fresh anonymous pages (there is no page cache
 * yet), read from the file with kernel_read(); bss is zero, and brk starts
 * after the highest segment.
 * Elf64 layouts: the System V ABI and /usr/include/elf.h. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/binfmts.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <asm/pgtable.h>

struct elf64_hdr {
	unsigned char e_ident[16];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

#define ET_EXEC 2
#define ET_DYN 3
#define EM_X86_64 62
#define PT_LOAD 1
#define PT_INTERP 3
#define PT_PHDR 6
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define ELF_ET_DYN_BASE 0x555555554000UL	/* where a static-PIE is placed */

static int check_header(const struct linux_binprm *b, const struct elf64_hdr *h)
{
	if (b->size < (loff_t)sizeof(*h) || memcmp(h->e_ident, "\177ELF", 4))
		return -ENOEXEC;
	if (h->e_ident[4] != 2 || h->e_ident[5] != 1 || h->e_ident[6] != 1)	/* 64-bit, LE, v1 */
		return -ENOEXEC;
	if ((h->e_type != ET_EXEC && h->e_type != ET_DYN) || h->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (h->e_phentsize != sizeof(struct elf64_phdr) || h->e_phnum == 0 || h->e_phnum > 128)
		return -ENOEXEC;
	if (h->e_phoff > (u64)b->size || (u64)b->size - h->e_phoff < (u64)h->e_phnum * sizeof(struct elf64_phdr))
		return -ENOEXEC;
	if (h->e_phoff % 8)
		return -ENOEXEC;
	return 0;
}

static unsigned long vm_flags_of(u32 pf)
{
	return (pf & PF_R ? VM_READ : 0) | (pf & PF_W ? VM_WRITE : 0) | (pf & PF_X ? VM_EXEC : 0);
}

/* Make [start, end) of @mm a VMA with @flags; where a page is already part of
 * an earlier segment's VMA (segments may share a boundary page), widen that
 * VMA's permissions instead. */
static int add_segment_vma(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags)
{
	struct vm_area_struct *v = find_vma(mm, start);
	if (v && v->vm_start <= start) {
		v->vm_flags |= flags;
		start = v->vm_end;
	}
	if (start >= end)
		return 0;
	v = find_vma(mm, start);
	if (v && v->vm_start < end)
		return -EINVAL;	/* overlapping segments */
	return insert_vm_area(mm, start, end, flags);
}

/* Read the file bytes of one segment into its pages, allocating them; the
 * rest of each page is zero. */
static int populate_segment(struct mm_struct *mm, const struct elf64_phdr *ph, unsigned long bias,
			    struct file *file)
{
	unsigned long vstart = ph->p_vaddr + bias, fend = vstart + ph->p_filesz;
	unsigned long end = vstart + ph->p_memsz;
	pteval_t prot = vm_flags_to_prot(vm_flags_of(ph->p_flags));
	for (unsigned long a = vstart & PAGE_MASK; a < end; a += PAGE_SIZE) {
		pteval_t *pte = walk_page_table(mm->pgd, a, true, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
		if (!pte)
			return -ENOMEM;
		if (!(*pte & _PAGE_PRESENT)) {
			struct page *pg = alloc_page(GFP_HIGHUSER);
			if (!pg)
				return -ENOMEM;
			atomic_set(&pg->_mapcount, 1);
			*pte = page_to_phys(pg) | prot;
			atomic64_inc(&mm->rss);
			/* Zero what the file does not fill (below: read). */
			u8 *k = __va(page_to_phys(pg));
			unsigned long lo = max(a, vstart), hi = min(a + PAGE_SIZE, fend);
			if (lo >= hi) {
				memset(k, 0, PAGE_SIZE);
			} else {
				memset(k, 0, lo - a);
				memset(k + (hi - a), 0, a + PAGE_SIZE - hi);
			}
		} else {
			/* A page shared with the previous segment: union of rights. */
			*pte |= prot & _PAGE_RW;
			if (!(prot & _PAGE_NX))
				*pte &= ~_PAGE_NX;
		}
		u8 *kpage = __va(*pte & PTE_PFN_MASK);
		unsigned long lo = max(a, vstart), hi = min(a + PAGE_SIZE, fend);
		if (lo < hi) {
			loff_t pos = ph->p_offset + (lo - vstart);
			ssize_t n = kernel_read(file, kpage + (lo - a), hi - lo, &pos);
			if (n < 0)
				return n;
			if ((unsigned long)n < hi - lo)	/* the file shrank under us */
				memset(kpage + (lo - a) + n, 0, hi - lo - n);
		}
	}
	return 0;
}

static int load_segments(struct linux_binprm *b, const struct elf64_hdr *h, const struct elf64_phdr *ph);

int load_elf_binary(struct linux_binprm *b)
{
	const struct elf64_hdr *h = (const void *)b->buf;
	int err = check_header(b, h);
	if (err)
		return err;
	size_t phsize = h->e_phnum * sizeof(struct elf64_phdr);
	struct elf64_phdr *ph = kmalloc(phsize, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	loff_t pos = h->e_phoff;
	ssize_t n = kernel_read(b->file, ph, phsize, &pos);
	if (n != (ssize_t)phsize) {
		kfree(ph);
		return n < 0 ? n : -EIO;
	}
	err = load_segments(b, h, ph);
	kfree(ph);
	return err;
}

static int load_segments(struct linux_binprm *b, const struct elf64_hdr *h, const struct elf64_phdr *ph)
{
	int err;
	struct mm_struct *mm = b->mm;
	unsigned long bias = h->e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	unsigned long brk = 0, phdr_addr = 0;

	for (int i = 0; i < h->e_phnum; i++) {
		if (ph[i].p_type == PT_INTERP)
			return -ENOEXEC;	/* [LINUX-DIFF] no dynamic linking yet */
		if (ph[i].p_type != PT_LOAD)
			continue;
		const struct elf64_phdr *p = &ph[i];
		if (p->p_filesz > p->p_memsz || p->p_offset > (u64)b->size ||
		    (u64)b->size - p->p_offset < p->p_filesz)
			return -ENOEXEC;
		if ((p->p_vaddr & ~PAGE_MASK) != (p->p_offset & ~PAGE_MASK))
			return -ENOEXEC;
		unsigned long start = p->p_vaddr + bias, end = start + p->p_memsz;
		if (end < start || end > STACK_TOP - STACK_MAX_SIZE || start < PAGE_SIZE)
			return -EINVAL;
		err = add_segment_vma(mm, start & PAGE_MASK, PAGE_ALIGN(end), vm_flags_of(p->p_flags));
		if (err)
			return err;
		err = populate_segment(mm, p, bias, b->file);
		if (err)
			return err;
		if (h->e_phoff >= p->p_offset && h->e_phoff - p->p_offset < p->p_filesz)
			phdr_addr = start + (h->e_phoff - p->p_offset);
		if (p->p_flags & PF_X) {
			if (!mm->start_code || start < mm->start_code)
				mm->start_code = start;
			mm->end_code = max(mm->end_code, start + p->p_filesz);
		} else {
			if (!mm->start_data || start < mm->start_data)
				mm->start_data = start;
			mm->end_data = max(mm->end_data, start + p->p_filesz);
		}
		brk = max(brk, end);
	}
	if (!brk)
		return -ENOEXEC;	/* nothing to load */
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);
	b->entry = h->e_entry + bias;
	b->phdr_addr = phdr_addr;
	b->phnum = h->e_phnum;
	b->load_bias = bias;
	return 0;
}
