/* In-kernel tests of CPU setup, traps and the user-access boundary (seed
 * concepts: interrupts and exceptions; the user/kernel boundary): the GDT
 * and IDT as SYSCALL and the IST need them, exception-table fixups for
 * several exception kinds, NMIs on their own stack, faulting user copies,
 * and the system-call table. */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <linux/mm_struct.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <asm/fpu.h>
#include <asm/sigframe.h>
#include <linux/signal.h>

struct desc_ptr_64 {
	u16 limit;
	u64 base;
} __packed;

static u64 gdt_entry(int index)
{
	struct desc_ptr_64 gdtr;
	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	return ((u64 *)gdtr.base)[index];
}

/* Access byte (type, S, DPL, P) and the L/D bits of a segment descriptor. */
#define DESC_ACCESS(d) (((d) >> 40) & 0xff)
#define DESC_LONG(d) (((d) >> 53) & 1)
#define DESC_DB(d) (((d) >> 54) & 1)

KTEST(traps, gdt_has_linux_layout_for_syscall_and_sysret)
{
	u64 kcs = gdt_entry(__KERNEL_CS >> 3), kds = gdt_entry(__KERNEL_DS >> 3);
	u64 ucs32 = gdt_entry(__USER32_CS >> 3), uds = gdt_entry(__USER_DS >> 3);
	u64 ucs = gdt_entry(__USER_CS >> 3);
	KEXPECT_EQ(t, DESC_ACCESS(kcs), 0x9b);	/* present, DPL 0, code */
	KEXPECT(t, DESC_LONG(kcs) && !DESC_DB(kcs));
	KEXPECT_EQ(t, DESC_ACCESS(kds), 0x93);	/* present, DPL 0, data */
	KEXPECT_EQ(t, DESC_ACCESS(ucs32), 0xfb);	/* DPL 3 code, 32-bit */
	KEXPECT(t, !DESC_LONG(ucs32) && DESC_DB(ucs32));
	KEXPECT_EQ(t, DESC_ACCESS(uds), 0xf3);
	KEXPECT_EQ(t, DESC_ACCESS(ucs), 0xfb);
	KEXPECT(t, DESC_LONG(ucs));
	u16 tr, cs;
	__asm__ volatile("str %0" : "=r"(tr));
	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	KEXPECT_EQ(t, tr, __TSS_SEL);
	KEXPECT_EQ(t, cs, __KERNEL_CS);
	/* SYSRET derives CS/SS from STAR[63:48]; SYSCALL from STAR[47:32]. */
	u64 star = rdmsr(MSR_STAR);
	KEXPECT_EQ(t, ((star >> 48) + 16) | 3, __USER_CS);
	KEXPECT_EQ(t, ((star >> 48) + 8) | 3, __USER_DS);
	KEXPECT_EQ(t, (star >> 32) & 0xffff, __KERNEL_CS);
	KEXPECT(t, rdmsr(MSR_EFER) & EFER_SCE);
}

struct idt_gate_view {
	u16 offset_low, segment;
	u8 ist, type_attr;
	u16 offset_mid;
	u32 offset_high, reserved;
} __packed;

KTEST(traps, idt_gates_use_ist_and_dpl_as_designed)
{
	struct desc_ptr_64 idtr;
	__asm__ volatile("sidt %0" : "=m"(idtr));
	KASSERT(t, idtr.limit == 256 * 16 - 1);
	const struct idt_gate_view *g = (const void *)idtr.base;
	for (int v = 0; v < 256; v++) {
		int want_ist = v == X86_TRAP_DF ? IST_DOUBLE_FAULT : v == X86_TRAP_NMI ? IST_NMI :
			       v == X86_TRAP_MC ? IST_MCE : 0;
		int want_attr = (v == X86_TRAP_BP || v == X86_TRAP_OF) ? 0xee : 0x8e;
		if (g[v].ist != want_ist || g[v].type_attr != want_attr || g[v].segment != __KERNEL_CS)
			ktest_fail(t, __FILE__, __LINE__, "vector %d: ist %u attr %#x seg %#x", v, g[v].ist,
				   g[v].type_attr, g[v].segment);
	}
}

/* Each of these executes a faulting instruction covered by an exception-
 * table entry; the fixup sets the result to 1. */
static noinline int fault_ud2(void)
{
	int fixed = 0;
	__asm__ volatile("1: ud2\n\t"
			 "jmp 3f\n"
			 "2: movl $1, %0\n"
			 "3:\n\t"
			 _ASM_EXTABLE_STR(1b, 2b)
			 : "+r"(fixed));
	return fixed;
}

static noinline int fault_divide(int divisor)
{
	int fixed = 0, dividend = 1;
	__asm__ volatile("cltd\n"
			 "1: idivl %2\n\t"
			 "jmp 3f\n"
			 "2: movl $1, %0\n"
			 "3:\n\t"
			 _ASM_EXTABLE_STR(1b, 2b)
			 : "+r"(fixed), "+a"(dividend) : "r"(divisor) : "edx");
	return fixed;
}

static noinline int fault_gp_noncanonical(void)
{
	int fixed = 0;
	__asm__ volatile("1: movq (%1), %%rax\n\t"
			 "jmp 3f\n"
			 "2: movl $1, %0\n"
			 "3:\n\t"
			 _ASM_EXTABLE_STR(1b, 2b)
			 : "+r"(fixed) : "r"(0x8000000000000000UL) : "rax");
	return fixed;
}

KTEST(traps, exception_table_fixes_up_ud_de_gp)
{
	KEXPECT_EQ(t, fault_ud2(), 1);
	KEXPECT_EQ(t, fault_divide(0), 1);
	KEXPECT_EQ(t, fault_divide(1), 0);	/* no fault: the fixup must not run */
	KEXPECT_EQ(t, fault_gp_noncanonical(), 1);
}

KTEST(traps, exception_table_is_sorted_and_searchable)
{
	extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];
	long n = __stop___ex_table - __start___ex_table;
	KASSERT(t, n > 0);
	for (long i = 1; i < n; i++)
		KEXPECT(t, __start___ex_table[i - 1].insn <= __start___ex_table[i].insn);
	for (long i = 0; i < n; i++)
		KEXPECT(t, search_exception_tables(__start___ex_table[i].insn) == &__start___ex_table[i]);
	KEXPECT(t, search_exception_tables((unsigned long)fault_ud2) == NULL);
}

/* An NMI to this very CPU, with interrupts off (NMIs ignore IF): it runs on
 * the NMI IST stack through the paranoid entry and is counted. */
KTEST(traps, self_nmi_is_taken_on_its_ist_stack)
{
	unsigned long flags;
	local_irq_save(flags);
	int cpu = smp_processor_id();
	unsigned long before = this_cpu_read(nmi_count);
	u64 gs_before = rdmsr(MSR_GS_BASE);
	apic_send_ipi(cpu_apic_id[cpu], 4u << 8);	/* delivery mode NMI */
	/* Delivered before the ICR write retires on QEMU; the bound only
	 * turns a lost NMI into a failure instead of a hang. */
	for (long i = 0; i < 100000000 && this_cpu_read(nmi_count) == before; i++)
		cpu_relax();
	unsigned long after = this_cpu_read(nmi_count);
	u64 gs_after = rdmsr(MSR_GS_BASE);
	local_irq_restore(flags);
	KEXPECT_EQ(t, after, before + 1);
	KEXPECT_EQ(t, gs_after, gs_before);
}

/* ---- the user-access boundary ---- */

#define TEST_UADDR 0x10000000UL	/* a user address the tests map */

KTEST(uaccess, unmapped_user_address_copies_nothing)
{
	char buf[16] = "unchanged";
	KEXPECT_EQ(t, copy_from_user(buf, (const void __user *)0x1000, 16), 16);
	KEXPECT(t, !strcmp(buf, "unchanged"));
	KEXPECT_EQ(t, copy_to_user((void __user *)0x1000, buf, 16), 16);
	KEXPECT_EQ(t, clear_user((void __user *)0x1000, 16), 16);
	KEXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)0x1000, 16), -EFAULT);
	KEXPECT_EQ(t, strnlen_user((const char __user *)0x1000, 16), 0);
	int v = 42;
	KEXPECT_EQ(t, get_user(v, (int __user *)0x1000), -EFAULT);
	KEXPECT_EQ(t, v, 42);
	KEXPECT_EQ(t, put_user(v, (int __user *)0x1000), -EFAULT);
}

KTEST(uaccess, kernel_and_wrapping_ranges_are_refused)
{
	static char secret[8] = "secret!";
	char buf[8] = { 0 };
	/* A kernel address passed as a user pointer: refused before any access. */
	KEXPECT_EQ(t, copy_from_user(buf, (const void __user *)secret, 8), 8);
	KEXPECT_EQ(t, buf[0], 0);
	KEXPECT_EQ(t, copy_to_user((void __user *)secret, "XXXXXXX", 8), 8);
	KEXPECT(t, !strcmp(secret, "secret!"));
	KEXPECT(t, !access_ok((void __user *)(TASK_SIZE_MAX - 4), 8));
	KEXPECT(t, access_ok((void __user *)(TASK_SIZE_MAX - 8), 8));
	KEXPECT(t, !access_ok((void __user *)0x1000, ~0UL));
	KEXPECT(t, !access_ok((void __user *)0x8000000000000000UL, 1));
	KEXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)secret, 8), -EFAULT);
	KEXPECT_EQ(t, strnlen_user((const char __user *)secret, 8), 0);
}

/* Give this kernel thread a user address space with one page mapped at
 * TEST_UADDR (the next page is not mapped), run @fn, and take it away. */
static void with_user_pages(struct ktest *t, void (*fn)(struct ktest *t), int pages)
{
	struct mm_struct *mm = mm_alloc();
	KASSERT(t, mm);
	if (insert_vm_area(mm, TEST_UADDR, TEST_UADDR + pages * PAGE_SIZE, VM_READ | VM_WRITE)) {
		mmput(mm);
		ktest_fail(t, __FILE__, __LINE__, "insert_vm_area failed");
		return;
	}
	preempt_disable();
	current->mm = current->active_mm = mm;
	switch_mm(NULL, mm);
	preempt_enable();
	fn(t);
	preempt_disable();
	current->mm = current->active_mm = NULL;
	switch_mm(mm, NULL);
	preempt_enable();
	mmput(mm);
}

static void with_user_page(struct ktest *t, void (*fn)(struct ktest *t))
{
	with_user_pages(t, fn, 1);
}

static void partial_copies(struct ktest *t)
{
	char __user *end = (char __user *)(TEST_UADDR + PAGE_SIZE);
	char buf[32];
	memset(buf, 'a', sizeof(buf));
	/* 8 bytes fit before the unmapped page: 24 are not copied. */
	KEXPECT_EQ(t, copy_to_user(end - 8, buf, 32), 24);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, copy_from_user(buf, end - 8, 32), 24);
	KEXPECT(t, buf[0] == 'a' && buf[7] == 'a');
	/* A string that runs into the unmapped page without a NUL. */
	KEXPECT_EQ(t, strncpy_from_user(buf, end - 8, 32), -EFAULT);
	KEXPECT_EQ(t, strnlen_user(end - 8, 32), 0);
	KEXPECT_EQ(t, clear_user(end - 4, 16), 12);
	KEXPECT_EQ(t, strncpy_from_user(buf, end - 8, 32), 4);	/* "aaaa" and the cleared NUL */
	/* Copies of 8 bytes at a time that fault part-way: the count left is
	 * still exact when the last good byte is not on an 8-byte boundary. */
	char big[64];
	memset(big, 'b', sizeof(big));
	KEXPECT_EQ(t, copy_to_user(end - 13, big, 45), 32);
	memset(big, 0, sizeof(big));
	KEXPECT_EQ(t, copy_from_user(big, end - 13, 45), 32);
	KEXPECT(t, big[0] == 'b' && big[12] == 'b' && big[13] == 0);
	memset(big, 'b', sizeof(big));
	KEXPECT_EQ(t, copy_to_user(end - 29, big + 3, 29), 0);	/* unaligned, ends at the edge */
	KEXPECT_EQ(t, clear_user(end - 21, 60), 39);
	KEXPECT_EQ(t, copy_from_user(big, end - 22, 22), 0);
	KEXPECT(t, big[0] == 'b' && big[1] == 0 && big[21] == 0);
	/* ... and one that ends in time. */
	KEXPECT_EQ(t, copy_to_user(end - 3, "hi", 3), 0);
	KEXPECT_EQ(t, strncpy_from_user(buf, end - 3, 32), 2);
	KEXPECT(t, !strcmp(buf, "hi"));
	KEXPECT_EQ(t, strnlen_user(end - 3, 32), 3);
	KEXPECT_EQ(t, strnlen_user(end - 3, 2), 3);	/* too long for n = 2: n + 1 */
	u64 v = 0x1122334455667788ULL, w = 0;
	KEXPECT_EQ(t, put_user(v, (u64 __user *)(end - 8)), 0);
	KEXPECT_EQ(t, get_user(w, (u64 __user *)(end - 8)), 0);
	KEXPECT_EQ(t, w, v);
	KEXPECT_EQ(t, put_user(v, (u64 __user *)(end - 4)), -EFAULT);
}

KTEST(uaccess, copies_stop_exactly_at_an_unmapped_page)
{
	with_user_page(t, partial_copies);
}

long probe_read_byte(const void *addr, u8 *val);

/* With SMAP the kernel may touch user memory only inside uaccess (stac):
 * a plain read of a mapped user page must fault (and here, be fixed up). */
static void smap_blocks_plain_access(struct ktest *t)
{
	u8 v = 0;
	KEXPECT_EQ(t, put_user((u8)7, (u8 __user *)TEST_UADDR), 0);
	KEXPECT_EQ(t, probe_read_byte((const void *)TEST_UADDR, &v), -EFAULT);
	KEXPECT_EQ(t, v, 0);
}

KTEST(uaccess, smap_stops_kernel_access_outside_uaccess)
{
	if (!X86_FEATURE_SMAP()) {
		ktest_fail(t, __FILE__, __LINE__, "CPU has no SMAP: cannot check (boot with -cpu max)");
		return;
	}
	with_user_page(t, smap_blocks_plain_access);
}

/* ---- the system-call table ---- */

KTEST(syscall, table_has_no_holes)
{
	for (unsigned int nr = 0; nr < nr_syscalls; nr++)
		if (!sys_call_table[nr])
			ktest_fail(t, __FILE__, __LINE__, "sys_call_table[%u] is NULL", nr);
	KEXPECT(t, syscall_name(0) && !strcmp(syscall_name(0), "read"));
	KEXPECT(t, syscall_name(335) == NULL);	/* unused on x86-64 */
	KEXPECT(t, syscall_name(nr_syscalls) == NULL);
}

KTEST(syscall, every_listed_entry_point_is_defined)
{
	KEXPECT_EQ(t, syscall_check_table(), 0);
}

/* ---- the signal frame ---- */

static void set_xmm3(u64 v) { __asm__ volatile("movq %0, %%xmm3" :: "r"(v)); }
static u64 get_xmm3(void)
{
	u64 v;
	__asm__ volatile("movq %%xmm3, %0" : "=r"(v));
	return v;
}

static void fill_test_regs(struct pt_regs *r)
{
	unsigned long *w = (unsigned long *)r;
	for (unsigned int i = 0; i < sizeof(*r) / sizeof(long); i++)
		w[i] = 0x1000 + i;
	r->ip = 0x401000;
	r->cs = __USER_CS;
	r->ss = __USER_DS;
	r->flags = 0x202 | X86_EFLAGS_DF;
	r->sp = TEST_UADDR + 4 * PAGE_SIZE - 64;
	r->orig_ax = 39;
}

static void frame_round_trip(struct ktest *t)
{
	struct pt_regs regs, saved;
	fill_test_regs(&regs);
	saved = regs;
	siginfo_t info = { .si_signo = SIGUSR1, .si_code = SI_USER };
	info.si_pid = 7;
	struct rt_frame_args a = { .sig = SIGUSR1, .handler = 0x402000, .restorer = 0x403000,
				   .blocked = 0x1234, .info = &info };
	set_xmm3(0xabcdef0123456789ULL);
	KASSERT(t, setup_rt_frame(&regs, &a) == 0);
	KEXPECT_EQ(t, get_xmm3(), 0);	/* the handler starts with a clean FPU */
	KEXPECT_EQ(t, regs.ip, 0x402000);
	KEXPECT_EQ(t, regs.di, SIGUSR1);
	KEXPECT_EQ(t, (regs.sp + 8) % 16, 0);
	KEXPECT(t, regs.sp <= saved.sp - 128 - sizeof(struct ucontext));
	KEXPECT(t, !(regs.flags & X86_EFLAGS_DF));
	u64 ret = 0;
	KEXPECT_EQ(t, get_user(ret, (u64 __user *)regs.sp), 0);
	KEXPECT_EQ(t, ret, 0x403000);
	siginfo_t got;
	KASSERT(t, copy_from_user(&got, (void __user *)regs.si, sizeof(got)) == 0);
	KEXPECT(t, got.si_signo == SIGUSR1 && got.si_pid == 7);
	struct ucontext uc;
	KASSERT(t, copy_from_user(&uc, (void __user *)regs.dx, sizeof(uc)) == 0);
	KEXPECT_EQ(t, uc.uc_mcontext.rip, saved.ip);
	KEXPECT_EQ(t, uc.uc_mcontext.rsp, saved.sp);
	KEXPECT_EQ(t, uc.uc_mcontext.r12, saved.r12);
	KEXPECT_EQ(t, uc.uc_sigmask, 0x1234);
	KEXPECT_EQ(t, uc.uc_stack.ss_flags, SS_DISABLE);
	u64 fp = uc.uc_mcontext.fpstate;
	KEXPECT(t, fp % 64 == 0 && fp > regs.sp && fp < saved.sp - 128);
	u64 saved_xmm3 = 0;
	KEXPECT_EQ(t, get_user(saved_xmm3, (u64 __user *)(fp + 160 + 3 * 16)), 0);
	KEXPECT_EQ(t, saved_xmm3, 0xabcdef0123456789ULL);

	/* The handler may edit the frame: a new xmm3, and an attempt at IOPL 3. */
	KEXPECT_EQ(t, put_user(0x1122334455667788ULL, (u64 __user *)(fp + 160 + 3 * 16)), 0);
	struct ucontext __user *ucp = (struct ucontext __user *)regs.dx;
	KEXPECT_EQ(t, put_user(saved.flags | 0x3000, &ucp->uc_mcontext.eflags), 0);
	/* Its ret pops pretcode; the restorer's rt_sigreturn sees sp = frame + 8. */
	regs.sp += 8;
	regs.r12 = regs.ip = 0;
	u64 mask = 0;
	KASSERT(t, arch_rt_sigreturn(&regs, &mask) == 0);
	KEXPECT_EQ(t, mask, 0x1234);
	KEXPECT_EQ(t, get_xmm3(), 0x1122334455667788ULL);
	KEXPECT_EQ(t, regs.ip, saved.ip);
	KEXPECT_EQ(t, regs.sp, saved.sp);
	KEXPECT_EQ(t, regs.r12, saved.r12);
	KEXPECT_EQ(t, regs.ax, saved.ax);
	KEXPECT_EQ(t, regs.flags & 0x3000, 0);	/* IOPL stays 0 */
	KEXPECT(t, regs.flags & X86_EFLAGS_DF);	/* DF came back from the frame */
	KEXPECT_EQ(t, (long)regs.orig_ax, -1);

	/* A frame whose fpstate points at nothing: -EFAULT, not a crash. */
	fill_test_regs(&regs);
	KASSERT(t, setup_rt_frame(&regs, &a) == 0);
	ucp = (struct ucontext __user *)regs.dx;
	KEXPECT_EQ(t, put_user(0x1000UL, &ucp->uc_mcontext.fpstate), 0);
	regs.sp += 8;
	KEXPECT_EQ(t, arch_rt_sigreturn(&regs, &mask), -EFAULT);
	/* And a stack that is not mapped at all. */
	fill_test_regs(&regs);
	regs.sp = 0x2000;
	KEXPECT_EQ(t, setup_rt_frame(&regs, &a), -EFAULT);
}

KTEST(signal, rt_frame_round_trip_restores_registers_and_fpu)
{
	if (fpu_alloc(current)) {
		ktest_fail(t, __FILE__, __LINE__, "no memory for an FPU area");
		return;
	}
	with_user_pages(t, frame_round_trip, 4);
	fpu_free(current);
}

/* Suite "fault" runs only when named (it ends the machine). With an
 * unmapped stack, the int3 cannot push its frame (#PF), nor can that #PF
 * (so #DF), which runs on its own IST stack and must still print an oops
 * with a backtrace: the harness expects "Oops: double fault" and this name. */
static noinline void ktest_double_fault_victim(void)
{
	__asm__ volatile("movq %%rsp, %%rbx\n\t"
			 "movabsq $0xffff800000001000, %%rsp\n\t"
			 "int3\n\t"
			 "movq %%rbx, %%rsp"
			 ::: "rbx", "memory");
}

KTEST(fault, double_fault_on_ist_stack)
{
	ktest_double_fault_victim();
	ktest_fail(t, __FILE__, __LINE__, "survived a double fault");
}
