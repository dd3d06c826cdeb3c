/* Traps: the IDT, the per-CPU GDT and TSS, and what happens on each CPU
 * exception (seed concepts: interrupts; the kernel is entered, not run).
 *
 * From user mode an exception becomes a signal for the current task. In
 * kernel mode it is either expected (an exception-table fixup, e.g. a bad
 * user pointer in copy_from_user) or a bug: then we print an oops with the
 * registers and a symbolized backtrace, and panic. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <linux/preempt.h>
#include <linux/signal.h>
#include <linux/gfp.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/page.h>

struct idt_gate {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;	/* 0x8e: present, DPL 0, interrupt gate; 0xee: DPL 3 */
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

static struct idt_gate idt_table[256] __aligned(4096);
extern char irq_entry_stubs[];

DEFINE_PER_CPU(u64, gdt_page[GDT_ENTRIES]) __aligned(64);
DEFINE_PER_CPU(struct x86_hw_tss, cpu_tss) __aligned(64);
static char bsp_ist_stacks[3][IST_STACK_SIZE] __aligned(16);
DEFINE_PER_CPU(unsigned long, nmi_count);	/* NMIs taken by this CPU (only it writes) */

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds", "invalid opcode",
	"device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack segment", "general protection fault", "page fault",
	"reserved", "x87 FPU error", "alignment check", "machine check", "SIMD exception",
	"virtualization exception", "control protection", "reserved", "reserved", "reserved",
	"reserved", "reserved", "reserved", "hypervisor injection", "VMM communication",
	"security exception", "reserved",
};

static void set_gate(int v, int ist, int dpl)
{
	unsigned long addr = (unsigned long)irq_entry_stubs + v * 16;
	struct idt_gate *g = &idt_table[v];
	g->offset_low = addr & 0xffff;
	g->offset_mid = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = dpl ? 0xee : 0x8e;
	g->reserved = 0;
}

static void fill_gdt(u64 *gdt, struct x86_hw_tss *tss)
{
	memset(gdt, 0, GDT_ENTRIES * 8);
	gdt[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL;
	gdt[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL;
	gdt[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL;
	gdt[GDT_ENTRY_USER32_CS] = 0x00cffb000000ffffULL;
	gdt[GDT_ENTRY_USER_DS] = 0x00cff3000000ffffULL;
	gdt[GDT_ENTRY_USER_CS] = 0x00affb000000ffffULL;
	/* 64-bit available TSS descriptor (type 9), 16 bytes. */
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;
	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
			     (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/* Load GDT (reloading CS via a far return), TSS and IDT on this CPU.
 * GS and FS selectors are left alone: reloading GS would clear its base,
 * which holds this CPU's per-CPU pointer. */
static void load_descriptors(u64 *gdt)
{
	struct desc_ptr gdtr = { GDT_ENTRIES * 8 - 1, (u64)gdt };
	struct desc_ptr idtr = { sizeof(idt_table) - 1, (u64)idt_table };
	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %2, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 :: "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS) : "rax", "memory");
	__asm__ volatile("ltr %w0" :: "r"(__TSS_SEL));
	__asm__ volatile("lidt %0" :: "m"(idtr));
}

void cpu_init(int cpu)
{
	u64 *gdt = per_cpu(gdt_page, cpu);
	struct x86_hw_tss *tss = &per_cpu(cpu_tss, cpu);
	memset(tss, 0, sizeof(*tss));
	tss->io_bitmap_base = sizeof(*tss);	/* no I/O bitmap: user port I/O faults */
	for (int i = 0; i < 3; i++) {
		char *stack = cpu == 0 ? bsp_ist_stacks[i] : (char *)__get_free_pages(GFP_KERNEL, 1);
		if (!stack)
			panic("no memory for CPU %d's IST stacks", cpu);
		/* The top 16 bytes hold this CPU's pcpu_hot pointer, just above
		 * the frame the CPU pushes: the paranoid entry (NMI, #DF, #MC)
		 * finds its GS base there without trusting GS. */
		unsigned long top = (unsigned long)stack + IST_STACK_SIZE - 16;
		*(struct pcpu_hot **)top = per_cpu_ptr(&pcpu_hot, cpu);
		tss->ist[i] = top;
	}
	fill_gdt(gdt, tss);
	load_descriptors(gdt);
	syscall_init();
}

void update_task_stack(unsigned long sp0)
{
	this_cpu_ptr(&cpu_tss)->sp0 = sp0;
	this_cpu_write(pcpu_hot.top_of_stack, sp0);
}

void trap_init(void)
{
	for (int v = 0; v < 256; v++)
		set_gate(v, 0, 0);
	set_gate(X86_TRAP_DF, IST_DOUBLE_FAULT, 0);
	set_gate(X86_TRAP_NMI, IST_NMI, 0);
	set_gate(X86_TRAP_MC, IST_MCE, 0);
	set_gate(X86_TRAP_BP, 0, 3);	/* int3 from user mode: SIGTRAP, not #GP */
	set_gate(X86_TRAP_OF, 0, 3);
	sort_extable();
	cpu_init(0);
	pr_info("traps: IDT with 256 vectors, GDT and TSS loaded on CPU 0\n");
}

void show_regs(const struct pt_regs *r)
{
	printk(KERN_EMERG "RIP: %04lx:%016lx %pS\n", r->cs, r->ip, (void *)r->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx ORIG_RAX: %016lx\n", r->ss, r->sp, r->flags, r->orig_ax);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->ax, r->bx, r->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->dx, r->si, r->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->bp, r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

void show_stack_from(unsigned long rbp, unsigned long rip);

/* A kernel-mode exception nobody expected: print everything and panic. */
__noreturn void die(const char *what, struct pt_regs *regs, unsigned long error_code)
{
	printk(KERN_EMERG "Oops: %s, error code %#lx, CPU %d\n", what, error_code, smp_processor_id());
	show_regs(regs);
	show_stack_from(regs->bp, regs->ip);
	panic("Fatal exception: %s", what);
}

/* Exceptions from user mode become signals (SIGFPE, SIGILL, SIGSEGV...). */
static const struct { int sig, code; } user_signal[32] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_TRACE },	/* single step (RFLAGS.TF) */
	[X86_TRAP_BP] = { SIGTRAP, SI_KERNEL },
	[X86_TRAP_OF] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_BR] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN },
	[X86_TRAP_NM] = { SIGFPE, SI_KERNEL },
	[X86_TRAP_TS] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_NP] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_SS] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_GP] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_MF] = { SIGFPE, 0 },	/* code from the x87 status (fpu_exception_code) */
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN },
	[X86_TRAP_XF] = { SIGFPE, 0 },	/* code from MXCSR */
};

/* Which floating-point exception raised #MF (x87) or #XF (SSE): one that
 * is flagged and unmasked, in Linux's order of precedence. Read from the
 * live registers (the kernel never touches them; a context switch would
 * put them back); 0 if none (a spurious trap: no signal, as Linux). */
static int fpu_exception_code(unsigned long vector)
{
	unsigned int err;
	if (vector == X86_TRAP_XF) {
		u32 mxcsr;
		__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
		err = ~(mxcsr >> 7) & mxcsr;	/* masks are 7 bits above the flags */
	} else {
		u16 cwd, swd;
		__asm__ volatile("fnstcw %0\n\tfnstsw %1" : "=m"(cwd), "=m"(swd));
		err = swd & ~cwd;
	}
	if (err & 0x001)
		return FPE_FLTINV;
	if (err & 0x004)
		return FPE_FLTDIV;
	if (err & 0x008)
		return FPE_FLTOVF;
	if (err & 0x012)
		return FPE_FLTUND;	/* underflow, or a denormal operand */
	if (err & 0x020)
		return FPE_FLTRES;
	return 0;
}

static void do_exception(struct pt_regs *regs, unsigned long vector)
{
	unsigned long error_code = regs->orig_ax;

	/* From here on orig_ax says "not in a system call" (-1), so signal
	 * delivery never mistakes this entry for an interrupted syscall. */
	regs->orig_ax = -1;
	if (vector == X86_TRAP_PF) {
		exc_page_fault(regs, error_code);
		return;
	}
	if (vector == X86_TRAP_NMI) {
		/* [LINUX-DIFF] Counted, not printed: an NMI can interrupt
		 * printk itself, and Lucid has no NMI-safe log buffer. */
		this_cpu_write(nmi_count, this_cpu_read(nmi_count) + 1);
		return;
	}
	if (user_mode(regs) && vector != X86_TRAP_DF && vector != X86_TRAP_MC) {
		int sig = user_signal[vector].sig ? user_signal[vector].sig : SIGSEGV;
		int code = user_signal[vector].code;
		if (vector == X86_TRAP_MF || vector == X86_TRAP_XF) {
			code = fpu_exception_code(vector);
			if (!code)
				return;
		}
		/* Signal work may sleep; user mode ran with interrupts on. */
		if (regs->flags & X86_EFLAGS_IF)
			local_irq_enable();
		/* si_addr is the faulting instruction (POSIX), except for the
		 * SI_KERNEL ones (int3, #GP...): Linux sends those as plain
		 * kernel signals, whose si_addr reads 0. */
		force_sig_fault(sig, code, code == SI_KERNEL ? NULL : (void __user *)regs->ip);
		return;
	}
	if (fixup_exception(regs))
		return;
	die(exception_names[vector], regs, error_code);
}

/* Called by paranoid_entry for NMI, #DF and #MC, on their IST stacks. No
 * rescheduling or signal work on the way out: these may have interrupted
 * anything, even the entry code itself. */
void x86_paranoid_entry(struct pt_regs *regs, unsigned long vector)
{
	do_exception(regs, vector);
}

/* Called by common_entry for every other vector. */
void x86_entry(struct pt_regs *regs, unsigned long vector)
{
	if (vector < 32) {
		do_exception(regs, vector);
	} else {
		regs->orig_ax = -1;	/* not a system call (see do_exception) */
		__preempt_count_add(HARDIRQ_OFFSET);
		this_cpu_ptr(&pcpu_hot)->irq_count++;
		do_IRQ(regs, vector);
		__preempt_count_add(-HARDIRQ_OFFSET);
	}
	irqentry_exit(regs);
}
