/* CPU identification and per-CPU feature enabling: NX, SMEP, SMAP, UMIP, the
 * FPU/SSE and XSAVE. cpu_detect() runs once on the boot CPU; every CPU runs
 * cpu_init_features() for its own control registers. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/start_kernel.h>
#include <asm/processor.h>

struct cpuinfo_x86 boot_cpu_data;
bool smap_enabled;	/* stac/clac around user access (arch/x86/lib/usercopy.S) */
bool virt_spin_lock_enabled;	/* test-and-set spinlocks: <linux/spinlock.h> says why */

#define XFEATURE_MASK_FP 0x1
#define XFEATURE_MASK_SSE 0x2
#define XFEATURE_MASK_YMM 0x4

void cpu_detect(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max_leaf, max_ext;

	cpuid(0, &max_leaf, &b, &cx, &d);
	memcpy(c->vendor, &b, 4);
	memcpy(c->vendor + 4, &d, 4);
	memcpy(c->vendor + 8, &cx, 4);
	cpuid(1, &a, &b, &c->cpuid_1_ecx, &c->cpuid_1_edx);
	c->family = (a >> 8) & 0xf;
	c->model = (a >> 4) & 0xf;
	c->stepping = a & 0xf;
	if (c->family == 0xf)
		c->family += (a >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((a >> 16) & 0xf) << 4;
	if (max_leaf >= 7)
		cpuid_count(7, 0, &a, &c->cpuid_7_ebx, &c->cpuid_7_ecx, &d);
	cpuid(0x80000000, &max_ext, &b, &cx, &d);
	if (max_ext >= 0x80000001)
		cpuid(0x80000001, &a, &b, &c->cpuid_81_ecx, &c->cpuid_81_edx);
	if (max_ext >= 0x80000004) {
		u32 *m = (u32 *)c->model_id;
		for (u32 i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &m[i * 4], &m[i * 4 + 1], &m[i * 4 + 2], &m[i * 4 + 3]);
	}
	c->xsave_size = 512;	/* FXSAVE area */
	if (X86_FEATURE_XSAVE()) {
		cpuid_count(0xd, 0, &a, &b, &cx, &d);
		c->xfeatures = XFEATURE_MASK_FP | XFEATURE_MASK_SSE | (a & XFEATURE_MASK_YMM);
	}
	pr_info("CPU: %s (%s) family %u model %u stepping %u\n", c->model_id[0] ? skip_spaces(c->model_id) : "unknown",
		c->vendor, c->family, c->model, c->stepping);
	/* Safe even with a lock held: both ways release alike. */
	if (X86_FEATURE_HYPERVISOR()) {
		virt_spin_lock_enabled = true;
		pr_info("CPU: running under a hypervisor: test-and-set spinlocks\n");
	}
}

static inline void xsetbv(u32 reg, u64 val)
{
	__asm__ volatile("xsetbv" :: "c"(reg), "a"((u32)val), "d"((u32)(val >> 32)));
}

void cpu_init_features(void)
{
	static bool printed;
	unsigned long cr4 = read_cr4(), cr0 = read_cr0();

	if (X86_FEATURE_NX())
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
	if (X86_FEATURE_SMEP())
		cr4 |= X86_CR4_SMEP;
	if (X86_FEATURE_SMAP()) {
		cr4 |= X86_CR4_SMAP;
		smap_enabled = true;
	}
	if (X86_FEATURE_UMIP())
		cr4 |= X86_CR4_UMIP;
	if (X86_FEATURE_FSGSBASE())
		cr4 |= X86_CR4_FSGSBASE;
	cr4 |= X86_CR4_PGE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (X86_FEATURE_XSAVE())
		cr4 |= X86_CR4_OSXSAVE;
	write_cr4(cr4);
	/* FPU on: no emulation, no lazy switching trap (TS), native errors (NE). */
	cr0 = (cr0 & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	if (X86_FEATURE_XSAVE()) {
		xsetbv(0, boot_cpu_data.xfeatures);
		u32 a, b, c, d;
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		boot_cpu_data.xsave_size = b;	/* size for the features now enabled */
	}
	__asm__ volatile("fninit");
	if (!printed) {
		printed = true;
		pr_info("CPU: protections:%s%s%s%s, FPU state %s (%u bytes)\n",
			X86_FEATURE_NX() ? " NX" : "", X86_FEATURE_SMEP() ? " SMEP" : "",
			X86_FEATURE_SMAP() ? " SMAP" : "", X86_FEATURE_UMIP() ? " UMIP" : "",
			X86_FEATURE_XSAVE() ? "XSAVE" : "FXSAVE", boot_cpu_data.xsave_size);
	}
}
