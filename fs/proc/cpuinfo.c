/* /proc/cpuinfo: what CPUID said at boot, once per online CPU, in Linux's
 * layout. Seed concept: "SMP bring-up". */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/seq_file.h>
#include <asm/processor.h>
#include <asm/apic.h>
#include "internal.h"

extern unsigned long tsc_khz;	/* arch/x86/kernel/time.c */

struct cpu_flag {
	unsigned char word, bit;	/* word: 0 = CPUID.1:EDX, 1 = 1:ECX, 2 = 7:EBX, 3 = 7:ECX, 4 = 0x80000001:EDX, 5 = :ECX */
	const char *name;
};

/* Linux's names for the bits it prints, in its order (a subset). */
static const struct cpu_flag cpu_flags[] = {
	{ 0, 0, "fpu" }, { 0, 1, "vme" }, { 0, 2, "de" }, { 0, 3, "pse" }, { 0, 4, "tsc" },
	{ 0, 5, "msr" }, { 0, 6, "pae" }, { 0, 7, "mce" }, { 0, 8, "cx8" }, { 0, 9, "apic" },
	{ 0, 11, "sep" }, { 0, 12, "mtrr" }, { 0, 13, "pge" }, { 0, 14, "mca" }, { 0, 15, "cmov" },
	{ 0, 16, "pat" }, { 0, 17, "pse36" }, { 0, 19, "clflush" }, { 0, 23, "mmx" },
	{ 0, 24, "fxsr" }, { 0, 25, "sse" }, { 0, 26, "sse2" }, { 0, 28, "ht" },
	{ 4, 11, "syscall" }, { 4, 20, "nx" }, { 4, 26, "pdpe1gb" }, { 4, 27, "rdtscp" }, { 4, 29, "lm" },
	{ 1, 0, "pni" }, { 1, 1, "pclmulqdq" }, { 1, 9, "ssse3" }, { 1, 12, "fma" }, { 1, 13, "cx16" },
	{ 1, 19, "sse4_1" }, { 1, 20, "sse4_2" }, { 1, 21, "x2apic" }, { 1, 22, "movbe" },
	{ 1, 23, "popcnt" }, { 1, 24, "tsc_deadline_timer" }, { 1, 25, "aes" }, { 1, 26, "xsave" },
	{ 1, 28, "avx" }, { 1, 29, "f16c" }, { 1, 30, "rdrand" }, { 1, 31, "hypervisor" },
	{ 5, 0, "lahf_lm" }, { 5, 5, "abm" }, { 5, 8, "3dnowprefetch" },
	{ 2, 0, "fsgsbase" }, { 2, 3, "bmi1" }, { 2, 5, "avx2" }, { 2, 7, "smep" }, { 2, 8, "bmi2" },
	{ 2, 9, "erms" }, { 2, 10, "invpcid" }, { 2, 18, "rdseed" }, { 2, 19, "adx" }, { 2, 20, "smap" },
	{ 2, 23, "clflushopt" }, { 2, 29, "sha_ni" }, { 3, 2, "umip" }, { 3, 22, "rdpid" },
};

int cpuinfo_proc_show(struct seq_file *m, void *v)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 words[6] = { c->cpuid_1_edx, c->cpuid_1_ecx, c->cpuid_7_ebx, c->cpuid_7_ecx,
			 c->cpuid_81_edx, c->cpuid_81_ecx };
	int cpu, n = num_online_cpus();
	(void)v;
	for_each_online_cpu(cpu) {
		const char *model = c->model_id;
		while (*model == ' ')
			model++;
		seq_printf(m, "processor\t: %d\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
			   cpu, c->vendor, c->family, c->model);
		seq_printf(m, "model name\t: %s\nstepping\t: %u\n", *model ? model : "unknown", c->stepping);
		seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
		seq_printf(m, "physical id\t: 0\nsiblings\t: %d\ncore id\t\t: %d\ncpu cores\t: %d\n", n, cpu, n);
		seq_printf(m, "apicid\t\t: %u\ninitial apicid\t: %u\n", cpu_apic_id[cpu], cpu_apic_id[cpu]);
		seq_printf(m, "fpu\t\t: yes\nfpu_exception\t: yes\nwp\t\t: yes\nflags\t\t:");
		for (unsigned int i = 0; i < ARRAY_SIZE(cpu_flags); i++)
			if (words[cpu_flags[i].word] >> cpu_flags[i].bit & 1)
				seq_printf(m, " %s", cpu_flags[i].name);
		/* bogomips: Linux's figure is twice the TSC MHz. */
		seq_printf(m, "\nbogomips\t: %lu.%02lu\n", tsc_khz / 500, (tsc_khz * 2 / 10) % 100);
		seq_printf(m, "clflush size\t: 64\ncache_alignment\t: 64\naddress sizes\t: 40 bits physical, 48 bits virtual\npower management:\n\n");
	}
	return 0;
}
