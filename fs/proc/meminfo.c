/* /proc/meminfo: the buddy allocator's counters in Linux's layout (what
 * `free` and `top` read). Seed concept: "the buddy allocator". */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <asm/page.h>
#include "internal.h"

static void show_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

int meminfo_proc_show(struct seq_file *m, void *v)
{
	struct mem_stats st;
	(void)v;
	mem_get_stats(&st);
	/* [LINUX-DIFF] no page cache, swap or reclaimable slab yet. tmpfs file
	 * pages are Shmem and Cached, as on Linux, but cannot be reclaimed, so
	 * MemAvailable is MemFree. */
	unsigned long shmem = (unsigned long)atomic64_read(&tmpfs_nr_pages);
	unsigned long stacks_kb = (unsigned long)atomic_read(&nr_threads) * (THREAD_SIZE >> 10);
	show_kb(m, "MemTotal:", st.total_pages);
	show_kb(m, "MemFree:", st.free_pages);
	show_kb(m, "MemAvailable:", st.free_pages);
	show_kb(m, "Buffers:", 0);
	show_kb(m, "Cached:", shmem);
	show_kb(m, "SwapCached:", 0);
	show_kb(m, "Active:", 0);
	show_kb(m, "Inactive:", 0);
	show_kb(m, "Active(anon):", 0);
	show_kb(m, "Inactive(anon):", 0);
	show_kb(m, "Active(file):", 0);
	show_kb(m, "Inactive(file):", 0);
	show_kb(m, "Unevictable:", 0);
	show_kb(m, "Mlocked:", 0);
	show_kb(m, "SwapTotal:", 0);
	show_kb(m, "SwapFree:", 0);
	show_kb(m, "Zswap:", 0);
	show_kb(m, "Zswapped:", 0);
	show_kb(m, "Dirty:", 0);
	show_kb(m, "Writeback:", 0);
	show_kb(m, "AnonPages:", 0);
	show_kb(m, "Mapped:", 0);
	show_kb(m, "Shmem:", shmem);
	show_kb(m, "KReclaimable:", 0);
	show_kb(m, "Slab:", st.slab_pages);
	show_kb(m, "SReclaimable:", 0);
	show_kb(m, "SUnreclaim:", st.slab_pages);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:", stacks_kb);
	show_kb(m, "PageTables:", st.pgtable_pages);
	show_kb(m, "SecPageTables:", 0);
	show_kb(m, "NFS_Unstable:", 0);
	show_kb(m, "Bounce:", 0);
	show_kb(m, "WritebackTmp:", 0);
	show_kb(m, "CommitLimit:", st.total_pages);
	show_kb(m, "Committed_AS:", st.total_pages - st.free_pages);
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", (VMALLOC_END - VMALLOC_START + 1) >> 10);
	show_kb(m, "VmallocUsed:", 0);
	show_kb(m, "VmallocChunk:", 0);
	show_kb(m, "Percpu:", 0);
	show_kb(m, "HardwareCorrupted:", 0);
	show_kb(m, "AnonHugePages:", 0);
	show_kb(m, "ShmemHugePages:", 0);
	show_kb(m, "ShmemPmdMapped:", 0);
	show_kb(m, "FileHugePages:", 0);
	show_kb(m, "FilePmdMapped:", 0);
	seq_printf(m, "HugePages_Total:       0\nHugePages_Free:        0\nHugePages_Rsvd:        0\nHugePages_Surp:        0\n");
	seq_printf(m, "%-16s%8lu kB\n", "Hugepagesize:", 2048UL);
	show_kb(m, "Hugetlb:", 0);
	return 0;
}

extern atomic64_t nr_page_faults, nr_cow_faults;	/* mm/memory.c */

/* /proc/vmstat: the counters Lucid keeps, under Linux's names (a subset:
 * tools look names up, they do not count lines). */
int vmstat_proc_show(struct seq_file *m, void *v)
{
	struct mem_stats st;
	(void)v;
	mem_get_stats(&st);
	seq_printf(m, "nr_free_pages %lu\n", st.free_pages);
	seq_printf(m, "nr_slab_unreclaimable %lu\n", st.slab_pages);
	seq_printf(m, "nr_page_table_pages %lu\n", st.pgtable_pages);
	seq_printf(m, "nr_shmem %lld\n", (long long)atomic64_read(&tmpfs_nr_pages));
	seq_printf(m, "pgfault %lld\n", (long long)atomic64_read(&nr_page_faults));
	seq_printf(m, "pgmajfault 0\n");
	seq_printf(m, "cow_fault %lld\n", (long long)atomic64_read(&nr_cow_faults));
	return 0;
}

/* The allocators' own formatters print into a buffer; a bigger one is
 * tried while the text fills it. */
static int show_buffered(struct seq_file *m, int (*fn)(char *buf, size_t size))
{
	for (size_t size = 16384; size <= (1UL << 20); size *= 4) {
		char *buf = kmalloc(size, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		int len = fn(buf, size);
		if ((size_t)len < size - 1) {
			seq_write(m, buf, len);
			kfree(buf);
			return 0;
		}
		kfree(buf);
	}
	return -ENOMEM;
}

int buddyinfo_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	return show_buffered(m, buddyinfo_show);
}

int slabinfo_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	return show_buffered(m, slabinfo_show);
}

int vmallocinfo_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	return show_buffered(m, vmallocinfo_show);
}
