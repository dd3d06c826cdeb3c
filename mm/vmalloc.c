/* vmalloc: virtually contiguous kernel memory from scattered pages, and the
 * address-space manager that ioremap also uses (seed concept: vmalloc, ioremap).
 *
 * Areas are kept in a list sorted by address, first fit, with one unmapped
 * guard page after each so an overrun faults instead of corrupting a
 * neighbour. vmap_lock protects the list. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <asm/pgtable.h>
#include <asm/io.h>
#include <asm/tlbflush.h>

/* [LINUX-DIFF] One PML4 slot (512 GiB) of vmalloc space instead of 32 TiB:
 * its page-table root is created at boot and shared by every process. */
#define VMALLOC_LIMIT (VMALLOC_START + (1UL << PGDIR_SHIFT))

struct vm_struct {
	struct list_head list;
	unsigned long addr;
	unsigned long size;	/* without the guard page */
	unsigned long nr_pages;
	struct page **pages;	/* NULL for ioremap */
	phys_addr_t phys_addr;	/* ioremap */
	const void *caller;
};

static LIST_HEAD(vmap_list);
static DEFINE_SPINLOCK(vmap_lock);

void vmalloc_init(void)
{
}

static struct vm_struct *get_vm_area(unsigned long size, const void *caller)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL);
	struct vm_struct *v;
	unsigned long addr = VMALLOC_START;
	if (!area)
		return NULL;
	size = PAGE_ALIGN(size);
	spin_lock(&vmap_lock);
	list_for_each_entry(v, &vmap_list, list) {
		if (addr + size + PAGE_SIZE <= v->addr)
			break;
		addr = v->addr + v->size + PAGE_SIZE;
	}
	if (addr + size + PAGE_SIZE > VMALLOC_LIMIT) {
		spin_unlock(&vmap_lock);
		kfree(area);
		return NULL;
	}
	area->addr = addr;
	area->size = size;
	area->caller = caller;
	/* insert before v (or at the tail): the list stays sorted */
	list_add_tail(&area->list, &v->list);
	spin_unlock(&vmap_lock);
	return area;
}

static struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *v;
	spin_lock(&vmap_lock);
	list_for_each_entry(v, &vmap_list, list) {
		if (v->addr == (unsigned long)addr) {
			spin_unlock(&vmap_lock);
			return v;
		}
	}
	spin_unlock(&vmap_lock);
	return NULL;
}

static void remove_vm_area(struct vm_struct *v)
{
	kernel_unmap_range(v->addr, v->size);
	flush_tlb_kernel_range(v->addr, v->addr + v->size);
	spin_lock(&vmap_lock);
	list_del(&v->list);
	spin_unlock(&vmap_lock);
}

static void *__vmalloc(unsigned long size, gfp_t gfp, const void *caller)
{
	if (!size || size > (1UL << 40))
		return NULL;
	struct vm_struct *v = get_vm_area(size, caller);
	if (!v)
		return NULL;
	v->nr_pages = v->size >> PAGE_SHIFT;
	v->pages = kcalloc(v->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!v->pages)
		goto fail;
	for (unsigned long i = 0; i < v->nr_pages; i++) {
		v->pages[i] = alloc_page(gfp);
		if (!v->pages[i])
			goto fail;
		if (kernel_map_range(v->addr + i * PAGE_SIZE, page_to_phys(v->pages[i]), PAGE_SIZE, PAGE_KERNEL))
			goto fail;
	}
	return (void *)v->addr;
fail:
	remove_vm_area(v);
	if (v->pages)
		for (unsigned long i = 0; i < v->nr_pages; i++)
			if (v->pages[i])
				__free_page(v->pages[i]);
	kfree(v->pages);
	kfree(v);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO, __builtin_return_address(0));
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	return a >= VMALLOC_START && a < VMALLOC_LIMIT;
}

void vfree(const void *addr)
{
	if (!addr)
		return;
	struct vm_struct *v = find_vm_area(addr);
	if (WARN_ON(!v || !v->pages))
		return;
	remove_vm_area(v);
	for (unsigned long i = 0; i < v->nr_pages; i++)
		__free_page(v->pages[i]);
	kfree(v->pages);
	kfree(v);
}

/* Map MMIO uncached: device registers must not be cached or combined. */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = phys & PAGE_MASK;
	size_t len = PAGE_ALIGN(phys + size) - base;
	struct vm_struct *v = get_vm_area(len, __builtin_return_address(0));
	if (!v)
		return NULL;
	v->phys_addr = base;
	if (kernel_map_range(v->addr, base, len, PAGE_KERNEL_NOCACHE)) {
		remove_vm_area(v);
		kfree(v);
		return NULL;
	}
	return (void __iomem *)(v->addr + (phys - base));
}

void iounmap(void __iomem *addr)
{
	struct vm_struct *v = find_vm_area((void *)((unsigned long)addr & PAGE_MASK));
	if (!v || v->pages)
		return;
	remove_vm_area(v);
	kfree(v);
}

/* /proc/vmallocinfo format. */
int vmallocinfo_show(char *buf, size_t size)
{
	struct vm_struct *v;
	int len = 0;
	spin_lock(&vmap_lock);
	list_for_each_entry(v, &vmap_list, list) {
		len += scnprintf(buf + len, size - len, "0x%016lx-0x%016lx %8lu %pS",
				 v->addr, v->addr + v->size + PAGE_SIZE, v->size + PAGE_SIZE, v->caller);
		if (v->pages)
			len += scnprintf(buf + len, size - len, " pages=%lu vmalloc\n", v->nr_pages);
		else
			len += scnprintf(buf + len, size - len, " phys=0x%llx ioremap\n",
					 (unsigned long long)v->phys_addr);
	}
	spin_unlock(&vmap_lock);
	return len;
}
