/* The kernel's own memory protections and the exception-table fixups. */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/page.h>

long probe_read_byte(const void *addr, u8 *val);
long probe_write_byte(void *addr, u8 val);

static const u8 some_rodata[16] = { 1, 2, 3 };
static u8 some_data[16] = { 4, 5, 6 };

KTEST(protect, fixup_turns_bad_access_into_efault)
{
	u8 v = 0;
	KEXPECT_EQ(t, probe_read_byte(NULL, &v), -EFAULT);
	KEXPECT_EQ(t, probe_read_byte((void *)0x1000, &v), -EFAULT);
	KEXPECT_EQ(t, probe_read_byte((void *)0xffff800000000000UL, &v), -EFAULT);	/* unmapped kernel hole */
	KEXPECT_EQ(t, probe_read_byte(&some_rodata[1], &v), 0);
	KEXPECT_EQ(t, v, 2);
}

KTEST(protect, kernel_text_and_rodata_are_read_only)
{
	u8 before = *(volatile u8 *)_text;
	KEXPECT_EQ(t, probe_write_byte(_text, 0x90), -EFAULT);
	KEXPECT_EQ(t, *(volatile u8 *)_text, before);
	KEXPECT_EQ(t, probe_write_byte((void *)&some_rodata[0], 9), -EFAULT);
	KEXPECT_EQ(t, some_rodata[0], 1);
	KEXPECT_EQ(t, probe_write_byte(&some_data[0], 9), 0);
	KEXPECT_EQ(t, some_data[0], 9);
}

KTEST(protect, data_and_direct_map_are_not_executable)
{
	pteval_t *pte;
	if (!X86_FEATURE_NX()) {
		ktest_fail(t, __FILE__, __LINE__, "CPU has no NX: cannot check (boot with -cpu max)");
		return;
	}
	pte = walk_page_table(swapper_pg_dir, (unsigned long)&some_data[0], false, 0);
	KASSERT(t, pte);
	KEXPECT(t, *pte & _PAGE_NX);
	pte = walk_page_table(swapper_pg_dir, (unsigned long)some_rodata, false, 0);
	KASSERT(t, pte);
	KEXPECT(t, (*pte & _PAGE_NX) && !(*pte & _PAGE_RW));
	pte = walk_page_table(swapper_pg_dir, (unsigned long)_text, false, 0);
	KASSERT(t, pte);
	KEXPECT(t, !(*pte & _PAGE_NX) && !(*pte & _PAGE_RW));
	/* The direct map uses 2 MiB pages: look at the PMD entry. */
	unsigned long va = (unsigned long)__va(0x200000);
	pteval_t *pud = table_of(((pteval_t *)swapper_pg_dir)[pgd_index(va)]);
	pteval_t *pmd = table_of(pud[pud_index(va)]);
	KEXPECT(t, (pmd[pmd_index(va)] & (_PAGE_PSE | _PAGE_NX)) == (_PAGE_PSE | _PAGE_NX));
	/* Nothing is mapped in the user half of the kernel's page table. */
	int user_entries = 0;
	for (int i = 0; i < KERNEL_PGD_START; i++)
		user_entries += (((pteval_t *)swapper_pg_dir)[i] & _PAGE_PRESENT) != 0;
	KEXPECT_EQ(t, user_entries, 0);
}

KTEST(protect, smep_smap_umip_enabled_when_present)
{
	unsigned long cr4 = read_cr4();
	if (X86_FEATURE_SMEP())
		KEXPECT(t, cr4 & X86_CR4_SMEP);
	if (X86_FEATURE_SMAP())
		KEXPECT(t, cr4 & X86_CR4_SMAP);
	if (X86_FEATURE_UMIP())
		KEXPECT(t, cr4 & X86_CR4_UMIP);
	KEXPECT(t, read_cr0() & X86_CR0_WP);	/* read-only pages bind the kernel too */
}
