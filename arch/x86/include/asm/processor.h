/* CPU control: cpuid, control registers, MSRs, halting. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H
#include <linux/types.h>

#define X86_CR0_PE (1UL << 0)
#define X86_CR0_MP (1UL << 1)
#define X86_CR0_EM (1UL << 2)
#define X86_CR0_TS (1UL << 3)
#define X86_CR0_NE (1UL << 5)
#define X86_CR0_WP (1UL << 16)
#define X86_CR0_PG (1UL << 31)
#define X86_CR4_PAE (1UL << 5)
#define X86_CR4_PGE (1UL << 7)
#define X86_CR4_OSFXSR (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define X86_CR4_UMIP (1UL << 11)
#define X86_CR4_FSGSBASE (1UL << 16)
#define X86_CR4_OSXSAVE (1UL << 18)
#define X86_CR4_SMEP (1UL << 20)
#define X86_CR4_SMAP (1UL << 21)

#define MSR_EFER 0xc0000080
#define EFER_SCE (1UL << 0)
#define EFER_LME (1UL << 8)
#define EFER_NX (1UL << 11)
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SYSCALL_MASK 0xc0000084
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_TSC_DEADLINE 0x6e0

#ifndef __ASSEMBLY__
static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}
static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d) { cpuid_count(leaf, 0, a, b, c, d); }

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}
static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ volatile("wrmsr" :: "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)) : "memory");
}
static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}
#define DEFINE_CR(n) \
	static inline unsigned long read_cr##n(void) { unsigned long v; __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
	static inline void write_cr##n(unsigned long v) { __asm__ volatile("mov %0, %%cr" #n :: "r"(v) : "memory"); }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void cpu_relax(void) { __asm__ volatile("pause" ::: "memory"); }
static inline void halt(void) { __asm__ volatile("hlt" ::: "memory"); }
static inline void invlpg(unsigned long addr) { __asm__ volatile("invlpg (%0)" :: "r"(addr) : "memory"); }

/* CPU features detected at boot (arch/x86/kernel/cpu.c). */
struct cpuinfo_x86 {
	char vendor[13];
	char model_id[49];
	u32 family, model, stepping;
	u32 cpuid_1_ecx, cpuid_1_edx, cpuid_7_ebx, cpuid_7_ecx, cpuid_81_ecx, cpuid_81_edx;
	u32 xsave_size;		/* bytes of XSAVE area for enabled features, 512 for FXSAVE */
	u64 xfeatures;		/* XCR0 */
};
extern struct cpuinfo_x86 boot_cpu_data;
#define X86_FEATURE_NX() (boot_cpu_data.cpuid_81_edx & (1u << 20))
#define X86_FEATURE_PDPE1GB() (boot_cpu_data.cpuid_81_edx & (1u << 26))
#define X86_FEATURE_SMEP() (boot_cpu_data.cpuid_7_ebx & (1u << 7))
#define X86_FEATURE_SMAP() (boot_cpu_data.cpuid_7_ebx & (1u << 20))
#define X86_FEATURE_UMIP() (boot_cpu_data.cpuid_7_ecx & (1u << 2))
#define X86_FEATURE_FSGSBASE() (boot_cpu_data.cpuid_7_ebx & (1u << 0))
#define X86_FEATURE_XSAVE() (boot_cpu_data.cpuid_1_ecx & (1u << 26))
#define X86_FEATURE_X2APIC() (boot_cpu_data.cpuid_1_ecx & (1u << 21))
#define X86_FEATURE_TSC_DEADLINE() (boot_cpu_data.cpuid_1_ecx & (1u << 24))
#define X86_FEATURE_HYPERVISOR() (boot_cpu_data.cpuid_1_ecx & (1u << 31))
#define X86_FEATURE_INVARIANT_TSC() 0
void cpu_detect(void);
void cpu_init_features(void);	/* per CPU: CR4 bits, EFER.NX, FPU/XSAVE enable */
#endif
#endif
